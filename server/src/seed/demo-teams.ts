// Teams of the district's current round (step 4 of demo-district.ts): 十五届区委第四轮巡察 in preparation
// with three teams drawn from the talent pool — 第一组 on two departments not yet inspected this term,
// 第二组 on a department and a 回头看 of an earlier inspection, 第三组 一托N on the villages of 白马镇
// (村(居)巡察). Members are checked with the 回避 engine and conflicting cadres are passed over, so the
// demo starts without exceptions. 钱进 (login `zuyuan`) joins 第一组 without having pledged yet, so the
// dashboard shows him the 八个严禁 prompt. Units and cadres are looked up by name; missing ones are skipped.
import { findAvoidanceConflicts } from '../modules/cadre/avoidance.ts';
import type { Tx } from '../platform/db.ts';
import { addDays } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';

type Post = 'leader' | 'deputy_leader' | 'member' | 'liaison';
const POSTS: Post[] = ['leader', 'deputy_leader', 'member', 'member', 'member', 'liaison'];
const VILLAGE_TOWNSHIP = '白马镇';

interface TeamPlan {
  name: string;
  targets: { unitId: string; type: string; reason: string; previousInspectionId?: string }[];
}

async function insertRound(tx: Tx, context: DistrictContext) {
  const { ids, today } = context;
  const row = await tx
    .insertInto('round')
    .values({
      committee_id: ids.committeeId,
      name: '十五届区委第四轮巡察',
      year: Number(today.slice(0, 4)),
      seq: 4, // 第三轮 is the core demo's, 第五轮 the planning step's
      start_date: addDays(today, 10),
      end_date: addDays(today, 85),
      mobilised_on: addDays(today, 8),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Bureaus (…局) with no inspection at all this term: the regular targets. */
function uncoveredDepartments(tx: Tx, committeeId: string, count: number) {
  return tx
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name'])
    .where('u.committee_id', '=', committeeId)
    .where('u.kind', '=', 'department')
    .where('u.name', 'like', '%局')
    .where('u.active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('inspection as i').select('i.id').whereRef('i.unit_id', '=', 'u.id'))),
    )
    .orderBy('u.code')
    .orderBy('u.name')
    .limit(count)
    .execute();
}

/** The earliest inspection of a department already in 整改 or later: the 回头看 target. */
function revisitable(tx: Tx, committeeId: string, exclude: string[]) {
  let query = tx
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select(['i.id', 'i.unit_id as unitId', 'u.name'])
    .where('i.committee_id', '=', committeeId)
    .where('u.kind', '=', 'department')
    .where('i.phase', 'in', ['rectifying', 'evaluating', 'archived'])
    .orderBy('i.start_date')
    .orderBy('u.name');
  if (exclude.length) query = query.where('i.unit_id', 'not in', exclude);
  return query.executeTakeFirst();
}

function villagesOf(tx: Tx, committeeId: string, township: string) {
  return tx
    .selectFrom('org_unit as v')
    .innerJoin('org_unit as t', 't.id', 'v.parent_id')
    .select(['v.id', 'v.name'])
    .where('v.committee_id', '=', committeeId)
    .where('t.name', '=', township)
    .where('v.kind', '=', 'village')
    .where('v.active', '=', true)
    .orderBy('v.code')
    .limit(12)
    .execute();
}

async function teamPlans(tx: Tx, committeeId: string): Promise<TeamPlan[]> {
  const departments = await uncoveredDepartments(tx, committeeId, 3);
  const previous = await revisitable(
    tx,
    committeeId,
    departments.map((d) => d.id),
  );
  const villages = await villagesOf(tx, committeeId, VILLAGE_TOWNSHIP);
  const regular = (d: { id: string }) => ({
    unitId: d.id,
    type: 'regular',
    reason: '本届尚未巡察，结合年度廉政风险排序安排',
  });
  return [
    { name: '区委第一巡察组', targets: departments.slice(0, 2).map(regular) },
    {
      name: '区委第二巡察组',
      targets: [
        ...departments.slice(2, 3).map(regular),
        ...(previous
          ? [
              {
                unitId: previous.unitId,
                type: 'lookback',
                reason: `对${previous.name}巡察整改情况开展“回头看”，检验整改成效`,
                previousInspectionId: previous.id,
              },
            ]
          : []),
      ],
    },
    {
      name: '区委第三巡察组',
      targets: villages.map((v) => ({
        unitId: v.id,
        type: 'village',
        reason: `巡镇带村，${VILLAGE_TOWNSHIP}村(居)巡察全覆盖安排`,
      })),
    },
  ];
}

/** Active cadres of the pool on no team yet (those with logins belong to the core demo). */
async function poolCadres(tx: Tx, committeeId: string) {
  const rows = await tx
    .selectFrom('cadre as c')
    .select(['c.id', 'c.name', 'c.home_unit_name as homeUnitName'])
    .where('c.committee_id', '=', committeeId)
    .where('c.active', '=', true)
    .where('c.user_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('team_member as m').select('m.id').whereRef('m.cadre_id', '=', 'c.id'))),
    )
    .orderBy('c.name')
    .execute();
  return rows;
}

/** Picks six cadres per team with no 回避 conflict with any of its targets; each cadre sits on one team. */
async function pickMembers(tx: Tx, context: DistrictContext, plans: TeamPlan[]) {
  const pool = await poolCadres(tx, context.ids.committeeId);
  const taken = new Set<string>();
  const picked: { cadreId: string; post: Post }[][] = [];
  for (const plan of plans) {
    const free = pool.filter((c) => !taken.has(c.id));
    const conflicts = await findAvoidanceConflicts(tx, {
      cadreIds: free.map((c) => c.id),
      unitIds: plan.targets.map((t) => t.unitId),
      asOf: context.today,
    });
    const barred = new Set(conflicts.map((c) => c.cadreId));
    const eligible = free.filter((c) => !barred.has(c.id));
    // 纪检监察 cadres lead (组长, 副组长); the others bring audit, finance, personnel …
    const discipline = eligible.filter((c) => c.homeUnitName === '区纪委监委').slice(0, 2);
    const others = eligible.filter((c) => !discipline.includes(c));
    const chosen = [...discipline, ...others].slice(0, POSTS.length);
    for (const c of chosen) taken.add(c.id);
    picked.push(chosen.map((c, i) => ({ cadreId: c.id, post: POSTS[i] as Post })));
  }
  return picked;
}

/** 钱进 (zuyuan) joins 第一组 unpledged, when the 回避 check allows it. */
async function zuyuanMembership(tx: Tx, context: DistrictContext, plan: TeamPlan) {
  const userId = context.ids.users.zuyuan;
  if (!userId) return null;
  const cadre = await tx.selectFrom('cadre').select('id').where('user_id', '=', userId).executeTakeFirst();
  if (!cadre) return null;
  const conflicts = await findAvoidanceConflicts(tx, {
    cadreIds: [cadre.id],
    unitIds: plan.targets.map((t) => t.unitId),
    asOf: context.today,
  });
  return conflicts.length ? null : cadre.id;
}

export async function seedDemoTeams(tx: Tx, context: DistrictContext): Promise<void> {
  const { ids, today } = context;
  const roundId = await insertRound(tx, context);
  const plans = await teamPlans(tx, ids.committeeId);
  const teams = await tx
    .insertInto('team')
    .values(plans.map((p) => ({ committee_id: ids.committeeId, round_id: roundId, name: p.name })))
    .returning(['id', 'name'])
    .execute();
  const teamId = (name: string) => teams.find((t) => t.name === name)?.id as string;
  const members = await pickMembers(tx, context, plans);
  // the first two teams have signed the 八个严禁 at the 动员部署会 rehearsal; 第三组 has not yet
  const rows = plans.flatMap((plan, i) =>
    (members[i] ?? []).map((m) => ({
      team_id: teamId(plan.name),
      cadre_id: m.cadreId,
      post: m.post,
      is_branch_secretary: m.post === 'leader',
      pledged_at: i < 2 ? `${addDays(today, -2)}T02:00:00Z` : null,
    })),
  );
  const firstPlan = plans[0] as TeamPlan;
  const zuyuan = await zuyuanMembership(tx, context, firstPlan);
  if (zuyuan)
    rows.push({
      team_id: teamId(firstPlan.name),
      cadre_id: zuyuan,
      post: 'member',
      is_branch_secretary: false,
      pledged_at: null,
    });
  if (rows.length) await tx.insertInto('team_member').values(rows).execute();
  await insertTargets(tx, context, roundId, plans, teamId);
}

async function insertTargets(
  tx: Tx,
  context: DistrictContext,
  roundId: string,
  plans: TeamPlan[],
  teamId: (name: string) => string,
) {
  const { ids, today } = context;
  const values = plans.flatMap((plan) =>
    plan.targets.map((t) => ({
      committee_id: ids.committeeId,
      round_id: roundId,
      unit_id: t.unitId,
      type: t.type,
      team_id: teamId(plan.name),
      team_name: plan.name,
      start_date: addDays(today, 10),
      end_date: addDays(today, t.type === 'village' ? 85 : 60),
      selection_reason: t.reason,
      previous_inspection_id: t.previousInspectionId ?? null,
    })),
  );
  if (values.length === 0) return;
  const created = await tx.insertInto('inspection').values(values).returning('id').execute();
  const office = ids.users.office
    ? await tx.selectFrom('app_user').select('display_name').where('id', '=', ids.users.office).executeTakeFirst()
    : undefined;
  await tx
    .insertInto('inspection_event')
    .values(
      created.map((c) => ({
        inspection_id: c.id,
        event: 'create',
        from_phase: null,
        to_phase: 'preparing',
        actor_id: ids.users.office ?? null,
        actor_name: office?.display_name ?? null,
        at: `${addDays(today, -5)}T02:00:00Z`,
      })),
    )
    .execute();
}
