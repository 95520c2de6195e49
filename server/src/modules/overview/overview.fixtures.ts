// A committee of its own for the 巡察工作总览 tests, small enough to count by hand (TEST_NOW 2026-06-15):
// four units in a 届内规划 2024–2028 (a fifth excluded), a round before the term, one in it, one running today,
// and findings, tasks, handovers, 问责 and evidence whose expected figures overview.test.ts works out.
// Raw inserts: the numbers must not depend on the services under test.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import type { Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

export interface OverviewFixture {
  committeeId: string;
  termPlanId: string;
  units: Record<'dept' | 'town' | 'village' | 'idle' | 'excluded', string>;
  currentRoundId: string;
}

async function unit(db: Db, committeeId: string, name: string, kind: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('org_unit')
    .values({ id, committee_id: committeeId, path: `/${id}/`, name, kind })
    .execute();
  return id;
}

async function round(db: Db, committeeId: string, name: string, seq: number, from: string, to: string) {
  const values = {
    committee_id: committeeId,
    name,
    year: Number(from.slice(0, 4)),
    seq,
    start_date: from,
    end_date: to,
  };
  return (await db.insertInto('round').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

type Ids = { committeeId: string; roundId: string; unitId: string };
async function inspection(db: Db, ids: Ids, type: string, phase: string, start: string): Promise<string> {
  const row = await db
    .insertInto('inspection')
    .values({
      committee_id: ids.committeeId,
      round_id: ids.roundId,
      unit_id: ids.unitId,
      type,
      phase,
      team_name: '总览测试巡察组',
      start_date: start,
      end_date: start,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedOverviewFixture(h: Harness): Promise<OverviewFixture> {
  const db = h.database.db;
  const author = h.demo.users.zuzhang as string;
  const { id: committeeId } = await db
    .insertInto('committee')
    .values({ name: '总览测试区委', level: '区县委' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const units = {
    dept: await unit(db, committeeId, '总览测试局', 'department'),
    town: await unit(db, committeeId, '总览测试镇', 'township'),
    village: await unit(db, committeeId, '总览测试村', 'village'),
    idle: await unit(db, committeeId, '总览待巡局', 'department'),
    excluded: await unit(db, committeeId, '总览不纳入局', 'department'),
  };
  const plan = await db
    .insertInto('term_plan')
    .values({ committee_id: committeeId, name: '总览测试届', start_date: '2024-01-01', end_date: '2028-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('term_plan_unit')
    .values(
      Object.entries(units).map(([key, unitId]) => ({
        term_plan_id: plan.id,
        unit_id: unitId,
        included: key !== 'excluded',
        reason: key === 'excluded' ? '已撤并' : null,
      })),
    )
    .execute();
  const r0 = await round(db, committeeId, '上届第九轮', 9, '2023-04-01', '2023-06-30');
  const r1 = await round(db, committeeId, '第一轮', 1, '2025-03-01', '2025-05-31');
  const r2 = await round(db, committeeId, '第二轮', 2, '2026-06-01', '2026-07-31');
  const i0 = await inspection(
    db,
    { committeeId, roundId: r0, unitId: units.town },
    'regular',
    'archived',
    '2023-04-10',
  );
  const i1 = await inspection(
    db,
    { committeeId, roundId: r1, unitId: units.dept },
    'regular',
    'rectifying',
    '2025-03-10',
  );
  const i2 = await inspection(
    db,
    { committeeId, roundId: r1, unitId: units.town },
    'regular',
    'archived',
    '2025-03-10',
  );
  await inspection(db, { committeeId, roundId: r2, unitId: units.village }, 'village', 'stationed', '2026-06-05');
  await inspection(db, { committeeId, roundId: r2, unitId: units.idle }, 'regular', 'preparing', '2026-06-20');

  const finding = async (inspectionId: string, unitId: string, seq: number, f: Partial<Record<string, unknown>>) =>
    (
      await db
        .insertInto('finding')
        .values({
          committee_id: committeeId,
          inspection_id: inspectionId,
          unit_id: unitId,
          seq,
          title: `总览测试问题${seq}`,
          facts: '测试事实',
          aspect: String(f.aspect),
          areas: [],
          is_common: f.common === true,
          eight_rules: f.eightRules === true,
          status: f.draft ? 'draft' : 'fed_back',
          created_by: author,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const f1 = await finding(i1, units.dept, 1, { aspect: 'party_building', common: true });
  const f2 = await finding(i1, units.dept, 2, { aspect: 'anti_corruption', eightRules: true });
  const f3 = await finding(i1, units.dept, 3, { aspect: 'anti_corruption' });
  await finding(i1, units.dept, 4, { aspect: 'party_leadership', draft: true });
  const f5 = await finding(i2, units.town, 1, { aspect: 'anti_corruption', common: true });
  const f6 = await finding(i0, units.town, 1, { aspect: 'party_building' });

  const at = { dept: { unitId: units.dept, inspectionId: i1 }, town2: { unitId: units.town, inspectionId: i2 } };
  const old = { unitId: units.town, inspectionId: i0 };
  const tasks: [typeof old, string, string, string, string | null][] = [
    [at.dept, f1, '2025-12-31', 'closed', '2025-12-01T02:00:00Z'],
    [at.dept, f2, '2026-03-31', 'closed', '2026-04-10T02:00:00Z'],
    [at.dept, f3, '2026-05-31', 'in_progress', null],
    [at.dept, f3, '2026-06-10', 'open', null],
    [at.town2, f5, '2026-06-01', 'submitted', null],
    [at.town2, f5, '2026-12-31', 'partly_closed', null],
    [old, f6, '2023-12-31', 'closed', '2023-12-20T02:00:00Z'],
  ];
  const taskIds: string[] = [];
  for (const [seq, [where, findingId, due, status, closedAt]] of tasks.entries()) {
    const row = await db
      .insertInto('task')
      .values({
        committee_id: committeeId,
        unit_id: where.unitId,
        inspection_id: where.inspectionId,
        finding_id: findingId,
        seq: seq + 1,
        title: `总览测试任务${seq + 1}`,
        measures: '措施',
        responsible_leader: '某领导',
        responsible_department: '某科室',
        owner_user_id: author,
        due_date: due,
        status,
        long_term: status === 'partly_closed',
        closed_at: closedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    taskIds.push(row.id);
  }
  // [task #, kind, amount]
  const evidence: [number, string, number | null][] = [
    [1, 'money', 12000.5],
    [1, 'institution', null],
    [2, 'money', 3000],
    [3, 'money', 999],
    [5, 'institution', null],
    [6, 'institution', null],
    [7, 'money', 500],
  ];
  await db
    .insertInto('evidence')
    .values(
      evidence.map(([n, kind, amount]) => ({
        task_id: taskIds[n - 1] as string,
        kind,
        description: '佐证材料',
        amount,
        uploaded_by: author,
      })),
    )
    .execute();

  const handovers: [string, string, string, string][] = [
    [i1, f2, 'concluded', '2026-01-31'],
    [i1, f3, 'handling', '2026-05-31'],
    [i2, f5, 'sent', '2026-07-31'],
    [i2, f5, 'declined', '2026-01-01'],
    [i0, f6, 'sent', '2024-01-01'],
  ];
  await db
    .insertInto('handover')
    .values(
      handovers.map(([inspectionId, findingId, status, due], n) => ({
        committee_id: committeeId,
        inspection_id: inspectionId,
        unit_id: inspectionId === i1 ? units.dept : units.town,
        year: 2026,
        seq: n + 1,
        kind: 'other',
        finding_id: findingId,
        recipient: 'discipline',
        recipient_name: '区纪委监委',
        status,
        sent_on: '2025-06-01',
        due_date: due,
        sent_by: author,
        result_sealed: status === 'concluded' ? '处理结果' : null,
        concluded_on: status === 'concluded' ? '2026-01-20' : null,
      })),
    )
    .execute();

  const rectification = async (inspectionId: string, unitId: string) =>
    (
      await db
        .insertInto('rectification')
        .values({
          committee_id: committeeId,
          inspection_id: inspectionId,
          unit_id: unitId,
          feedback_date: '2025-06-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const rect1 = await rectification(i1, units.dept);
  const rect0 = await rectification(i0, units.town);
  const cases: [string, string, string][] = [
    [rect1, units.dept, 'decided'],
    [rect1, units.dept, 'proposed'],
    [rect1, units.dept, 'withdrawn'],
    [rect0, units.town, 'decided'],
  ];
  await db
    .insertInto('accountability')
    .values(
      cases.map(([rectificationId, unitId, status]) => ({
        committee_id: committeeId,
        rectification_id: rectificationId,
        unit_id: unitId,
        person_name: '某某',
        person_post: '科长',
        ground: '整改不力',
        facts: '事实',
        proposed_measure: '诫勉',
        status,
        decided_measure: status === 'decided' ? '诫勉' : null,
        proposed_by: author,
      })),
    )
    .execute();

  await addUser(h, {
    username: 'ovleader',
    displayName: '总览领导',
    unitId: null,
    role: 'leader',
    scopeKind: 'committee',
    scopeId: committeeId,
  });
  return { committeeId, termPlanId: plan.id, units, currentRoundId: r2 };
}
