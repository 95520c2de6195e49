// Demo 上下联动 (step 10 of demo-district.ts): the city committee above the district gets its own office and
// leader (`shixunban`, `shilingdao`), a second district 中共示例市新城区委 with ten units, a term plan, a finished
// round and a current one (so the city compares two districts that differ), a 提级巡察 by the city into 新城区,
// and a published 指导意见 both districts received (城关 has read it). Raw inserts; no notifications, so the
// district's own notice counts stay as the other steps left them.
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/auth/password.ts';
import type { Tx } from '../platform/db.ts';
import { addDays, DEMO_PASSWORD } from './demo.ts';
import type { DistrictContext } from './demo-district.ts';

/** The logins this step adds (the start banner and README list them with the district's). */
export const LINKAGE_LOGINS = [
  { username: 'shixunban', displayName: '郑华', title: '市委巡察办主任' },
  { username: 'shilingdao', displayName: '冯涛', title: '市委巡察工作领导小组组长' },
  { username: 'xinchengban', displayName: '韩雪', title: '新城区委巡察办主任' },
] as const;

const XINCHENG_UNITS = [
  ['新城区发展和改革局', 'department'],
  ['新城区财政局', 'department'],
  ['新城区住房和城乡建设局', 'department'],
  ['新城区教育局', 'department'],
  ['新城区卫生健康局', 'department'],
  ['新城区城市建设投资有限公司', 'soe'],
  ['新城区人民医院', 'hospital'],
  ['新城区实验中学', 'school'],
  ['新城街道', 'township'],
  ['高新社区', 'village'],
] as const;

/** Finished-round findings of 新城区: unit index, 四个方面, title. */
const FINDINGS = [
  [0, 'party_leadership', '贯彻落实区委重大决策部署打折扣'],
  [0, 'anti_corruption', '政府投资项目审批把关不严'],
  [1, 'strict_governance', '财政专项资金监管责任落实不到位'],
  [1, 'anti_corruption', '违规发放津贴补贴'],
  [2, 'party_building', '基层党组织“三会一课”制度落实不严'],
  [2, 'anti_corruption', '工程招投标存在规避招标问题'],
  [3, 'party_building', '选人用人程序不规范'],
] as const;

async function user(tx: Tx, hash: string, username: string, name: string, committeeId: string, role: string | null) {
  const row = await tx
    .insertInto('app_user')
    .values({ username, display_name: name, password_hash: hash, committee_id: committeeId })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (role)
    await tx
      .insertInto('user_role')
      .values({ user_id: row.id, role_code: role, scope_kind: 'committee', scope_id: committeeId })
      .execute();
  return row.id;
}

async function round(tx: Tx, committeeId: string, name: string, start: string, end: string, seq: number) {
  const row = await tx
    .insertInto('round')
    .values({ committee_id: committeeId, name, year: Number(start.slice(0, 4)), seq, start_date: start, end_date: end })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The events that lead to a task's status: a closed task was submitted by its owner and verified by the office. */
async function taskHistory(tx: Tx, taskId: string, status: string, owner: string, office: string, due: string) {
  const steps: [string, string | null, string, string, string][] = [
    ['create', null, 'open', office, addDays(due, -60)],
  ];
  if (status !== 'open') steps.push(['start', 'open', 'in_progress', owner, addDays(due, -55)]);
  if (status === 'closed')
    steps.push(
      ['submit', 'in_progress', 'submitted', owner, addDays(due, -8)],
      ['verify', 'submitted', 'closed', office, addDays(due, -5)],
    );
  await tx
    .insertInto('task_event')
    .values(
      steps.map(([event, from, to, actor, on]) => ({
        task_id: taskId,
        event,
        from_status: from,
        to_status: to,
        actor_id: actor,
        reason: null,
        details:
          event === 'verify'
            ? JSON.stringify({ checkedEvidenceIds: [], items: { evidenceMatches: true, measuresDone: true } })
            : null,
        at: `${on}T02:00:00Z`,
      })),
    )
    .execute();
}

export async function seedDemoLinkage(tx: Tx, context: DistrictContext): Promise<void> {
  const { ids, today } = context;
  const year = Number(today.slice(0, 4));
  const city = ids.cityCommitteeId;
  const hash = await hashPassword(DEMO_PASSWORD);
  const [shixunban, shilingdao, xinchengban] = LINKAGE_LOGINS;
  const cityOffice = await user(tx, hash, shixunban.username, shixunban.displayName, city, 'office_director');
  await user(tx, hash, shilingdao.username, shilingdao.displayName, city, 'leader');
  const district = await tx
    .insertInto('committee')
    .values({ name: '中共示例市新城区委', level: '区县委', parent_id: city })
    .returning('id')
    .executeTakeFirstOrThrow();
  const xc = district.id;
  const xcOffice = await user(tx, hash, xinchengban.username, xinchengban.displayName, xc, 'office_director');
  const owner = await user(tx, hash, 'xinchengzrr', '新城区整改责任人', xc, null);
  const units: string[] = [];
  for (const [i, [name, kind]] of XINCHENG_UNITS.entries()) {
    const id = randomUUID();
    units.push(id);
    await tx
      .insertInto('org_unit')
      .values({ id, committee_id: xc, path: `/${id}/`, name, kind, head_name: '负责人', sort_order: i })
      .execute();
  }
  const plan = await tx
    .insertInto('term_plan')
    .values({
      committee_id: xc,
      name: '新城区委届内巡察工作规划',
      start_date: `${year - 2}-01-01`,
      end_date: `${year + 2}-12-31`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('term_plan_unit')
    .values(units.map((unitId) => ({ term_plan_id: plan.id, unit_id: unitId, included: true })))
    .execute();

  const past = await round(tx, xc, '新城区委第一轮巡察', `${year - 1}-03-01`, `${year - 1}-05-31`, 1);
  const current = await round(tx, xc, '新城区委第二轮巡察', addDays(today, -30), addDays(today, 60), 2);
  const inspection = async (roundId: string, unit: number, phase: string, start: string, committeeId = xc) => {
    const row = await tx
      .insertInto('inspection')
      .values({
        committee_id: committeeId,
        round_id: roundId,
        unit_id: units[unit] as string,
        type: committeeId === xc ? 'regular' : 'elevated',
        phase,
        team_name: committeeId === xc ? '新城区委第一巡察组' : '市委第三巡察组',
        start_date: start,
        end_date: addDays(start, 40),
        feedback_date: phase === 'rectifying' || phase === 'archived' ? addDays(start, 70) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const pastStart = `${year - 1}-03-10`;
  const inspections = [
    await inspection(past, 0, 'rectifying', pastStart),
    await inspection(past, 1, 'rectifying', pastStart),
    await inspection(past, 2, 'archived', pastStart),
    await inspection(past, 3, 'rectifying', pastStart),
  ];
  await inspection(current, 4, 'stationed', addDays(today, -20));
  await inspection(current, 5, 'preparing', addDays(today, 20));
  const cityRound = await round(tx, city, `${year}年市委第二轮巡察`, addDays(today, -45), addDays(today, 45), 2);
  await inspection(cityRound, 8, 'investigating', addDays(today, -40), city);

  const seqOf = new Map<number, number>();
  const taskDue = [addDays(today, -60), addDays(today, -20), addDays(today, 30)];
  for (const [unit, aspect, title] of FINDINGS) {
    const seq = (seqOf.get(unit) ?? 0) + 1;
    seqOf.set(unit, seq);
    const finding = await tx
      .insertInto('finding')
      .values({
        committee_id: xc,
        inspection_id: inspections[unit] as string,
        unit_id: units[unit] as string,
        seq,
        title,
        facts: `${title}（演示数据）`,
        aspect,
        areas: [],
        is_common: false,
        eight_rules: false,
        status: 'fed_back',
        created_by: xcOffice,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // one closed on time, one overdue, one not yet due per finding of the first two units; one closed elsewhere
    const statuses = unit < 2 ? ['closed', 'in_progress', 'open'] : ['closed'];
    for (const [i, status] of statuses.entries()) {
      const due = taskDue[i] as string;
      const task = await tx
        .insertInto('task')
        .values({
          committee_id: xc,
          unit_id: units[unit] as string,
          inspection_id: inspections[unit] as string,
          finding_id: finding.id,
          seq: i + 1,
          title: `${title}整改任务${i + 1}`,
          measures: '制定整改措施并落实',
          responsible_leader: '单位主要负责人',
          responsible_department: '办公室',
          owner_user_id: owner,
          due_date: due,
          status,
          long_term: false,
          closed_at: status === 'closed' ? `${addDays(due, -5)}T02:00:00Z` : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await taskHistory(tx, task.id, status, owner, xcOffice, due);
    }
    if (aspect === 'anti_corruption' && unit === 0)
      await tx
        .insertInto('handover')
        .values({
          committee_id: xc,
          inspection_id: inspections[unit] as string,
          unit_id: units[unit] as string,
          year: year - 1,
          seq: 1,
          kind: 'cadre',
          finding_id: finding.id,
          recipient: 'organization',
          recipient_name: '新城区委组织部',
          sent_on: `${year - 1}-06-10`,
          due_date: `${year - 1}-07-10`,
          sent_by: xcOffice,
        })
        .execute();
  }

  const guidance = await tx
    .insertInto('guidance')
    .values({
      committee_id: city,
      doc_no: `市巡办发〔${year}〕5号`,
      title: '关于进一步加强巡察整改日常监督的指导意见',
      body: '各区委巡察机构：为推动巡察整改走深走实，现就加强整改日常监督提出如下意见：一、压实整改主体责任……二、建立整改台账动态更新机制……三、对逾期未完成整改的任务及时督办。',
      target_all: true,
      status: 'published',
      created_by: cityOffice,
      published_by: cityOffice,
      published_at: `${addDays(today, -10)}T01:00:00Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('guidance_target')
    .values([
      {
        guidance_id: guidance.id,
        committee_id: ids.committeeId,
        ack: 'read',
        note: '已传达至各巡察组',
        ack_by: ids.users.office ?? null,
        ack_by_name: '王芳',
        ack_at: `${addDays(today, -8)}T02:00:00Z`,
      },
      {
        guidance_id: guidance.id,
        committee_id: xc,
        ack: null,
        note: null,
        ack_by: null,
        ack_by_name: null,
        ack_at: null,
      },
    ])
    .execute();
}
