// Demo talent pool (人才库) of the district committee: ~120 cadres drawn from 纪委监委, 组织部, 财政, 审计,
// 检察院, townships …, with skills, availability, trainings and commendations, batch-inserted.
//
// 回避 conflicts built in for the browser journey (compose a team for one of these units and add the cadre):
//   李娜  ↔ 区教育局            past_post: 2019年3月至2023年6月在区教育局任办公室主任，离开未满5年
//   王强  ↔ 区住房和城乡建设局   relative:  配偶刘芳任区住房和城乡建设局党组成员、副局长
//   张伟  ↔ 区卫生健康局         home_unit: 现任区卫生健康局副局长
//   陈静  ↔ 东关街道             past_post: 2020年1月至2024年8月在东关社区（隶属东关街道）任党委副书记
//   赵敏  ↔ any unit             under_inspection: 所在单位区教育局正在接受巡察 (the core demo's stationed inspection)
import { randomUUID } from 'node:crypto';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import { CONFLICT_CADRES, FEMALE_GIVEN, GIVEN, RANKS, SOURCES, type Source, SURNAMES } from './demo-cadres-data.ts';
import type { DistrictContext } from './demo-district.ts';

interface CadreSeed {
  id: string;
  name: string;
  gender: string;
  source: Source | undefined;
  unitName: string;
  post: string;
  index: number;
}

function generatedCadres(count: number): CadreSeed[] {
  const taken = new Set<string>(CONFLICT_CADRES.map((c) => c.name));
  const cadres: CadreSeed[] = [];
  const combinations = SURNAMES.length * GIVEN.length;
  for (let i = 0; cadres.length < count && i < combinations; i += 1) {
    // a stride coprime with the number of combinations visits every surname × given name once
    const k = (i * 7) % combinations;
    const name = `${SURNAMES[k % SURNAMES.length]}${GIVEN[Math.floor(k / SURNAMES.length)]}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const source = SOURCES[i % SOURCES.length] as Source;
    const post = source.posts[i % source.posts.length] as string;
    const gender = FEMALE_GIVEN.has(name.slice(1)) ? 'female' : 'male';
    cadres.push({ id: randomUUID(), name, gender, source, unitName: source.unit, post, index: cadres.length });
  }
  return cadres;
}

export async function seedDemoCadres(tx: Tx, context: DistrictContext): Promise<void> {
  const { ids, today } = context;
  const units = new Map(
    (await tx.selectFrom('org_unit').select(['id', 'name']).where('committee_id', '=', ids.committeeId).execute()).map(
      (u) => [u.name, u.id],
    ),
  );
  const special: CadreSeed[] = CONFLICT_CADRES.map((c, i) => ({
    id: randomUUID(),
    name: c.name,
    gender: c.gender,
    source: SOURCES.find((s) => s.unit === c.source),
    unitName: c.source,
    post: c.post,
    index: 1000 + i,
  }));
  const cadres = [...special, ...generatedCadres(115)];
  await tx
    .insertInto('cadre')
    .values(
      cadres.map((c) => ({
        id: c.id,
        committee_id: ids.committeeId,
        name: c.name,
        gender: c.gender,
        birth_year: 1970 + (c.index % 25),
        home_unit_id: units.get(c.unitName) ?? null,
        home_unit_name: c.unitName,
        post: c.post,
        rank: RANKS[c.index % RANKS.length] ?? null,
        phone: `139${String(57_000_000 + c.index * 7919).padStart(8, '0')}`,
        skills: c.source?.skills ?? [],
        // a few retired from the pool (调离, 退休): kept, not deleted
        active: c.index % 40 !== 39,
      })),
    )
    .execute();
  await seedRecords(tx, cadres, today);
  await seedConflicts(tx, special, units);
  await seedCoreTeamAppraisals(tx, context);
}

/** 综合鉴定 of the core demo team, whose 区住建局 inspection has long reported: what 组织部 reads. */
async function seedCoreTeamAppraisals(tx: Tx, { ids, today }: DistrictContext) {
  const members = await tx
    .selectFrom('team_member as tm')
    .innerJoin('team as t', 't.id', 'tm.team_id')
    .where('t.round_id', '=', ids.roundId)
    .where('t.name', '=', '区委第一巡察组')
    .select(['tm.cadre_id as cadreId', 'tm.team_id as teamId', 'tm.post'])
    .execute();
  const officeId = ids.users.office;
  if (members.length === 0 || !officeId) return;
  await tx
    .insertInto('cadre_appraisal')
    .values(
      members.map((m) => ({
        cadre_id: m.cadreId,
        team_id: m.teamId,
        grade: m.post === 'leader' ? 'excellent' : 'competent',
        comment:
          m.post === 'leader'
            ? '政治站位高，统筹有力，带领巡察组发现问题12个、移交线索3件，临时党支部作用发挥好。'
            : '业务熟练，财务审计专长突出，按时完成分工任务，遵守巡察纪律。',
        appraised_by: officeId,
        appraised_on: addDays(today, -90),
      })),
    )
    .execute();
}

async function seedRecords(tx: Tx, cadres: CadreSeed[], today: string) {
  await tx
    .insertInto('cadre_availability')
    .values(
      cadres.flatMap((c) => [
        {
          cadre_id: c.id,
          start_date: addDays(today, -30),
          end_date: addDays(today, 150 + (c.index % 5) * 30),
          available: true,
          note: null,
        },
        ...(c.index % 6 === 0
          ? [
              {
                cadre_id: c.id,
                start_date: addDays(today, 40),
                end_date: addDays(today, 70),
                available: false,
                note: '单位年度重点工作，暂不能抽调',
              },
            ]
          : []),
      ]),
    )
    .execute();
  const trained = cadres.filter((c) => c.index % 5 !== 4);
  await tx
    .insertInto('cadre_training')
    .values(
      trained.map((c) => {
        const year = 2024 + (c.index % 3 === 0 ? 1 : 0);
        return {
          cadre_id: c.id,
          title: c.index % 2 ? '巡察干部业务培训班' : '巡察工作实务专题培训',
          organizer: c.index % 2 ? '市委巡察工作领导小组办公室' : '区委巡察工作领导小组办公室',
          start_date: `${year}-03-04`,
          end_date: `${year}-03-08`,
          hours: 40,
          note: null,
        };
      }),
    )
    .execute();
  await tx
    .insertInto('cadre_commendation')
    .values(
      cadres
        .filter((c) => c.index % 7 === 3)
        .map((c) => ({
          cadre_id: c.id,
          title: c.index % 2 ? '优秀巡察干部' : '巡察工作先进个人',
          grantor: '中共示例市城关区委',
          granted_on: '2025-01-20',
          note: null,
        })),
    )
    .execute();
  const moved = cadres.filter((c) => c.index % 4 === 1 && c.index < 1000);
  await tx
    .insertInto('cadre_past_post')
    .values(
      moved.map((c) => ({
        cadre_id: c.id,
        unit_id: null,
        unit_name: '市直机关工委',
        post: '科员',
        start_date: '2008-07-01',
        end_date: '2014-12-31',
      })),
    )
    .execute();
}

/** The documented 回避 conflicts: past posts and a relative in the leadership of demo units. */
async function seedConflicts(tx: Tx, special: CadreSeed[], units: Map<string, string>) {
  const idOf = (name: string) => special.find((c) => c.name === name)?.id as string;
  const unit = (name: string) => units.get(name) ?? null;
  await tx
    .insertInto('cadre_past_post')
    .values([
      {
        cadre_id: idOf('李娜'),
        unit_id: unit('区教育局'),
        unit_name: '区教育局',
        post: '办公室主任',
        start_date: '2019-03-01',
        end_date: '2023-06-30',
      },
      {
        cadre_id: idOf('陈静'),
        unit_id: unit('东关社区'),
        unit_name: '东关社区',
        post: '党委副书记',
        start_date: '2020-01-06',
        end_date: '2024-08-31',
      },
      // long ago: no conflict any more (the office sees that 回避 looks back only N years)
      {
        cadre_id: idOf('王强'),
        unit_id: unit('区自然资源局'),
        unit_name: '区自然资源局',
        post: '财务科科员',
        start_date: '2010-07-01',
        end_date: '2016-05-31',
      },
    ])
    .execute();
  await tx
    .insertInto('cadre_relative')
    .values([
      {
        cadre_id: idOf('王强'),
        name: '刘芳',
        relation: 'spouse',
        unit_id: unit('区住房和城乡建设局'),
        unit_name: '区住房和城乡建设局',
        post: '党组成员、副局长',
        is_leader: true,
      },
      {
        cadre_id: idOf('张伟'),
        name: '张建国',
        relation: 'lineal',
        unit_id: null,
        unit_name: '市退休干部管理局',
        post: '退休干部',
        is_leader: false,
      },
    ])
    .execute();
}
