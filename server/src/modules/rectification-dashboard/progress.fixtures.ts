// A hand-checkable round for the dashboard tests: two units of the demo committee (a 乡镇 and a 学校), three
// fed-back findings (and a draft that must not count), eleven tasks whose counts and ageing are worked out in
// the table below against TEST_NOW (2026-06-15, Asia/Shanghai). Raw inserts: the numbers must not depend
// on the services under test.
import { randomUUID } from 'node:crypto';
import type { Harness } from '../../test/harness.ts';

interface FixtureTask {
  unit: 'a' | 'b';
  due: string;
  status: string;
  closedAt?: string;
  returned?: number;
  reopened?: number;
}

//  #  unit  due         status         closed (Shanghai day)   → what it counts as
export const FIXTURE_TASKS: FixtureTask[] = [
  { unit: 'a', due: '2026-05-31', status: 'closed', closedAt: '2026-05-20T02:00:00Z' }, // 1 on time
  { unit: 'a', due: '2026-05-01', status: 'closed', closedAt: '2026-05-10T02:00:00Z', returned: 1 }, // 2 late, returned
  { unit: 'a', due: '2026-06-10', status: 'in_progress' }, // 3 overdue 5 days (1–7)
  { unit: 'a', due: '2026-05-01', status: 'returned', returned: 2 }, // 4 overdue 45 days (31–90), returned
  { unit: 'a', due: '2026-12-31', status: 'partly_closed' }, // 5 阶段性完成, not due
  { unit: 'a', due: '2026-06-14', status: 'in_progress', reopened: 1 }, // 6 overdue 1 day (1–7), 反弹
  { unit: 'b', due: '2026-01-01', status: 'open' }, // 7 overdue 165 days (>90)
  // 8: 16:30 UTC on the 14th is 00:30 on the 15th in Shanghai — one day late, although the UTC date is not
  { unit: 'b', due: '2026-06-14', status: 'closed', closedAt: '2026-06-14T16:30:00Z' },
  { unit: 'b', due: '2026-06-07', status: 'open' }, // 9 overdue 8 days (8–30)
  { unit: 'b', due: '2026-07-01', status: 'submitted' }, // 10 not due
  { unit: 'b', due: '2026-03-17', status: 'open' }, // 11 overdue exactly 90 days (31–90)
];

export interface ProgressFixture {
  roundId: string;
  unitA: string;
  unitB: string;
  taskIds: string[];
}

export async function seedProgressFixture(h: Harness): Promise<ProgressFixture> {
  const db = h.database.db;
  const committeeId = h.demo.committeeId;
  const round = await db
    .insertInto('round')
    .values({
      committee_id: committeeId,
      name: '进度看板测试轮次',
      year: 2026,
      seq: 9,
      start_date: '2026-01-05',
      end_date: '2026-02-28',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = { a: randomUUID(), b: randomUUID() };
  const inspections: Record<string, string> = {};
  const findings: Record<string, string[]> = { a: [], b: [] };
  for (const [key, kind, name] of [
    ['a', 'township', '看板测试镇'],
    ['b', 'school', '看板测试中学'],
  ] as const) {
    const id = units[key];
    await db
      .insertInto('org_unit')
      .values({ id, committee_id: committeeId, path: `/${id}/`, name, kind, head_name: '负责人' })
      .execute();
    const inspection = await db
      .insertInto('inspection')
      .values({
        committee_id: committeeId,
        round_id: round.id,
        unit_id: id,
        type: 'regular',
        phase: 'rectifying',
        team_name: '区委第二巡察组',
        start_date: '2026-01-05',
        end_date: '2026-02-10',
        feedback_date: '2026-03-01',
        feedback_content: '反馈意见（测试）',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    inspections[key] = inspection.id;
    const fedBack = key === 'a' ? 2 : 1;
    for (let seq = 1; seq <= fedBack + 1; seq++) {
      const finding = await db
        .insertInto('finding')
        .values({
          committee_id: committeeId,
          inspection_id: inspection.id,
          unit_id: id,
          seq,
          title: `测试问题${key}${seq}`,
          facts: '测试事实',
          aspect: 'party_building',
          discipline: 'work',
          focus: 'key_matter',
          power_type: 'approval',
          major_problem: null,
          areas: [],
          is_common: false,
          eight_rules: false,
          // the last one stays a draft: not fed back, not in the rectification
          status: seq <= fedBack ? 'fed_back' : 'draft',
          created_by: h.demo.users.zuzhang as string,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (seq <= fedBack) findings[key]?.push(finding.id);
    }
  }
  const taskIds: string[] = [];
  for (const [i, t] of FIXTURE_TASKS.entries()) {
    const created = await db
      .insertInto('task')
      .values({
        committee_id: committeeId,
        unit_id: units[t.unit],
        inspection_id: inspections[t.unit] as string,
        finding_id: findings[t.unit]?.[0] as string,
        seq: i + 1,
        title: `测试任务${i + 1}`,
        measures: '测试措施',
        responsible_leader: '领导',
        responsible_department: '办公室',
        owner_user_id: h.demo.users.zerenren as string,
        due_date: t.due,
        status: t.status,
        long_term: t.status === 'partly_closed',
        next_checkpoint: t.status === 'partly_closed' ? '2026-09-30' : null,
        closed_at: t.closedAt ?? null,
        returned_count: t.returned ?? 0,
        reopened_count: t.reopened ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    taskIds.push(created.id);
  }
  return { roundId: round.id, unitA: units.a, unitB: units.b, taskIds };
}
