// A hand-checkable area for the ranking tests: a root unit R (风险测试片区) of the demo committee with three
// units under it, so `areaUnitId = R` ranks exactly these four. Raw inserts: the numbers must not depend on
// the services under test. TEST_NOW is 2026-06-15. Expected values: risk.test.ts (arithmetic in comments).
//
//  unit  kind        last inspected          fed-back findings    clues  tasks (see below)   attributes
//  R     other       manual 2026-06-15       —                    —      —                   —
//  A     department  inspection 2024-06-15   3 (1 八项规定, 1 重点)  2      4                   5000 万元, 4 项目, 审批权, 关注度 3, 来信来访 2
//  B     village     never                   —                    —      —                   重点村, 200 万元, 关注度 5
//  C     school      manual 2025-06-15       —                    —      —                   20000 万元, 15 项目, 审批+执法, 关注度 1
//                    (+ a 准备 inspection starting 2026-07-01: scheduled in the term, not "inspected")
import { randomUUID } from 'node:crypto';
import type { Harness } from '../../test/harness.ts';

export interface RiskFixture {
  root: string;
  a: string;
  b: string;
  c: string;
  termPlanId: string;
  pastRoundId: string;
  nextRoundId: string;
}

type UnitValues = Record<string, unknown> & { name: string; kind: string };

export async function seedRiskFixture(h: Harness): Promise<RiskFixture> {
  const db = h.database.db;
  const committeeId = h.demo.committeeId;
  const zuzhang = h.demo.users.zuzhang as string;
  const ids = { root: randomUUID(), a: randomUUID(), b: randomUUID(), c: randomUUID() };
  const unit = async (id: string, path: string, parent: string | null, v: UnitValues) => {
    await db
      .insertInto('org_unit')
      .values({ id, committee_id: committeeId, parent_id: parent, path, head_name: '负责人', ...v })
      .execute();
  };
  const rootPath = `/${ids.root}/`;
  await unit(ids.root, rootPath, null, { name: '风险测试片区', kind: 'other', last_inspected_on: '2026-06-15' });
  await unit(ids.a, `${rootPath}${ids.a}/`, ids.root, {
    name: '风险测试局',
    kind: 'department',
    fund_volume: 5000,
    project_count: 4,
    has_approval_power: true,
    social_attention: 3,
  });
  await unit(ids.b, `${rootPath}${ids.b}/`, ids.root, {
    name: '风险测试村',
    kind: 'village',
    village_class: 'key',
    fund_volume: 200,
    social_attention: 5,
  });
  await unit(ids.c, `${rootPath}${ids.c}/`, ids.root, {
    name: '风险测试中学',
    kind: 'school',
    last_inspected_on: '2025-06-15',
    fund_volume: 20000,
    project_count: 15,
    has_approval_power: true,
    has_enforcement_power: true,
    social_attention: 1,
  });
  const round = (name: string, year: number, seq: number, start: string, end: string) =>
    db
      .insertInto('round')
      .values({ committee_id: committeeId, name, year, seq, start_date: start, end_date: end })
      .returning('id')
      .executeTakeFirstOrThrow();
  const past = await round('风险测试往轮', 2024, 17, '2024-06-15', '2024-08-15');
  const next = await round('风险测试下轮', 2026, 18, '2026-07-01', '2026-09-01');
  const inspection = (roundId: string, unitId: string, phase: string, start: string, end: string) =>
    db
      .insertInto('inspection')
      .values({
        committee_id: committeeId,
        round_id: roundId,
        unit_id: unitId,
        type: 'regular',
        phase,
        start_date: start,
        end_date: end,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const insA = await inspection(past.id, ids.a, 'rectifying', '2024-06-15', '2024-08-15');
  await inspection(next.id, ids.c, 'preparing', '2026-07-01', '2026-09-01');

  // A's findings: fed back ×3 (one 八项规定, one 重点关注, one plain) and a draft that must not count
  const findingIds: string[] = [];
  for (const [seq, eightRules, keyFocus, status] of [
    [1, true, false, 'fed_back'],
    [2, false, true, 'fed_back'],
    [3, false, false, 'fed_back'],
    [4, true, true, 'draft'],
  ] as const) {
    const f = await db
      .insertInto('finding')
      .values({
        committee_id: committeeId,
        inspection_id: insA.id,
        unit_id: ids.a,
        seq,
        title: `风险测试问题${seq}`,
        facts: '测试事实',
        aspect: 'party_building',
        discipline: 'work',
        areas: [],
        is_common: false,
        eight_rules: eightRules,
        key_focus: keyFocus,
        status,
        created_by: zuzhang,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    findingIds.push(f.id);
  }
  for (const seq of [1, 2])
    await db
      .insertInto('clue')
      .values({
        committee_id: committeeId,
        inspection_id: insA.id,
        unit_id: ids.a,
        seq,
        category: 'other',
        source: 'interview',
        received_on: '2024-07-01',
        content_sealed: 'sealed-test',
        registered_by: zuzhang,
      })
      .execute();
  for (const seq of [1, 2])
    await db
      .insertInto('fieldwork_record')
      .values({
        committee_id: committeeId,
        inspection_id: insA.id,
        unit_id: ids.a,
        seq,
        kind: 'petition',
        title: `来信${seq}`,
        occurred_on: '2024-07-01',
        sensitive: false,
        summary: '测试',
        details: '{}',
        created_by: zuzhang,
      })
      .execute();
  // A's tasks: 1 closed; 1 overdue (due 2026-06-01); 1 open, returned once, not due; 1 reopened, not due
  for (const [seq, status, due, returned, reopened] of [
    [1, 'closed', '2024-12-31', 0, 0],
    [2, 'in_progress', '2026-06-01', 0, 0],
    [3, 'open', '2026-12-31', 1, 0],
    [4, 'in_progress', '2026-07-01', 0, 1],
  ] as const)
    await db
      .insertInto('task')
      .values({
        committee_id: committeeId,
        unit_id: ids.a,
        inspection_id: insA.id,
        finding_id: findingIds[0] as string,
        seq,
        title: `风险测试任务${seq}`,
        measures: '测试措施',
        responsible_leader: '领导',
        responsible_department: '办公室',
        owner_user_id: h.demo.users.zerenren as string,
        due_date: due,
        status,
        long_term: false,
        closed_at: status === 'closed' ? '2024-12-01T02:00:00Z' : null,
        returned_count: returned,
        reopened_count: reopened,
      })
      .execute();
  const plan = await db
    .insertInto('term_plan')
    .values({ committee_id: committeeId, name: '风险测试届', start_date: '2025-01-01', end_date: '2027-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...ids, termPlanId: plan.id, pastRoundId: past.id, nextRoundId: next.id };
}
