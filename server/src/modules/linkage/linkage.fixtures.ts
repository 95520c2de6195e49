// A hand-checkable committee tree for the linkage tests, beside the demo world: 测试省委 (P) with two lower
// committees A (测试甲市委) and B (测试乙市委). Raw inserts, so the expected numbers do not depend on the services
// under test. TEST_NOW is 2026-06-15 (Asia/Shanghai). What each committee holds, and what it must count as:
//
// A  term plan 2026-01-01…2030-12-31, units a1–a4 included, a5 excluded          → to cover 4
//    round A-1 (2025-09-01), round A-2 (2026-03-01, current)                      → rounds 2
//    a1 in A-1, archived, start 2025-09-01 (before the term)                      → not covered
//    a2 in A-2, rectifying, start 2026-03-10                                      → covered
//    a3 in A-2, preparing, start 2026-07-01                                       → not covered (only scheduled)
//    a4 inspected by P (提级, stationed, start 2026-04-01)                         → covered: coverage is per unit
//                                         covered 2 / 4 = 0.5; current round phase = least advanced = preparing
//    inspections (A's own) 3
//    findings: a2 #1 党的领导 fed back, a2 #2 反腐败 fed back 敏感, a2 #3 党的建设 draft, a1 #1 党的领导 fed back
//                                         → 3 fed back: 党的领导 2, 党的建设 0, 全面从严治党 0, 反腐败 1
//    tasks: t1 closed 05-01 due 05-10 (on time), t2 closed 06-01 due 05-20 (late), t3 in progress due 06-01
//           (overdue), t4 open due 07-01     → tasks 4, closed 2, overdue 1, rectification 2/4 = 0.5, on time 1/2
//    handovers: sent due 06-01 (overdue), concluded (result), declined (not counted)
//                                         → sent 2, with result 1, overdue 1
// B  no term plan; round B-1 (2026-05-01) with b1 investigating; one fed-back finding 全面从严治党; no tasks
//                                         → coverage 0/0 (rate null), rounds 1, phase investigating, findings 1
// P  round P-1 (2026-04-01) with the 提级 inspection of a4                         → rounds 1, inspections 1
import { randomUUID } from 'node:crypto';
import type { RoleCode } from '@xuncha/contracts';
import { hashPassword } from '../../platform/auth/password.ts';
import type { Db } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

export interface LinkageFixture {
  p: string;
  a: string;
  b: string;
  units: Record<string, string>;
  rounds: Record<string, string>;
  inspections: Record<string, string>;
}

async function committee(db: Db, name: string, parentId: string | null) {
  const row = await db
    .insertInto('committee')
    .values({ name, level: parentId ? '市委' : '省委', parent_id: parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function unit(db: Db, committeeId: string, name: string) {
  const id = randomUUID();
  await db
    .insertInto('org_unit')
    .values({ id, committee_id: committeeId, path: `/${id}/`, name, kind: 'department', head_name: '负责人' })
    .execute();
  return id;
}

async function round(db: Db, committeeId: string, name: string, start: string, seq: number) {
  const row = await db
    .insertInto('round')
    .values({
      committee_id: committeeId,
      name,
      year: Number(start.slice(0, 4)),
      seq,
      start_date: start,
      end_date: '2026-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function inspection(
  db: Db,
  v: { committeeId: string; roundId: string; unitId: string; phase: string; start: string; type?: string },
) {
  const row = await db
    .insertInto('inspection')
    .values({
      committee_id: v.committeeId,
      round_id: v.roundId,
      unit_id: v.unitId,
      type: v.type ?? 'regular',
      phase: v.phase,
      team_name: '测试巡察组',
      start_date: v.start,
      end_date: '2026-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A user of `committeeId` with one committee-wide role and the demo password. */
export async function committeeUser(db: Db, username: string, committeeId: string, role: RoleCode) {
  const user = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: username,
      password_hash: await hashPassword(DEMO_PASSWORD),
      committee_id: committeeId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_role')
    .values({ user_id: user.id, role_code: role, scope_kind: 'committee', scope_id: committeeId })
    .execute();
  return user.id;
}

export async function seedLinkageFixture(db: Db): Promise<LinkageFixture> {
  const p = await committee(db, '测试省委', null);
  const a = await committee(db, '测试甲市委', p);
  const b = await committee(db, '测试乙市委', p);
  const owner = await committeeUser(db, 'p_office', p, 'office_director');
  await committeeUser(db, 'p_banshi', p, 'office');
  await committeeUser(db, 'p_leader', p, 'leader');
  await committeeUser(db, 'a_office', a, 'office_director');
  await committeeUser(db, 'b_office', b, 'office_director');
  const units: Record<string, string> = {};
  for (const key of ['a1', 'a2', 'a3', 'a4', 'a5']) units[key] = await unit(db, a, `甲市${key}局`);
  units.b1 = await unit(db, b, '乙市b1局');
  const plan = await db
    .insertInto('term_plan')
    .values({ committee_id: a, name: '甲市委届内规划', start_date: '2026-01-01', end_date: '2030-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('term_plan_unit')
    .values(
      ['a1', 'a2', 'a3', 'a4', 'a5'].map((k) => ({
        term_plan_id: plan.id,
        unit_id: units[k] as string,
        included: k !== 'a5',
      })),
    )
    .execute();
  const rounds = {
    a1: await round(db, a, '甲市委第一轮', '2025-09-01', 1),
    a2: await round(db, a, '甲市委第二轮', '2026-03-01', 2),
    b1: await round(db, b, '乙市委第一轮', '2026-05-01', 1),
    p1: await round(db, p, '省委第一轮', '2026-04-01', 1),
  };
  const inspections = {
    a1: await inspection(db, {
      committeeId: a,
      roundId: rounds.a1,
      unitId: units.a1 as string,
      phase: 'archived',
      start: '2025-09-01',
    }),
    a2: await inspection(db, {
      committeeId: a,
      roundId: rounds.a2,
      unitId: units.a2 as string,
      phase: 'rectifying',
      start: '2026-03-10',
    }),
    a3: await inspection(db, {
      committeeId: a,
      roundId: rounds.a2,
      unitId: units.a3 as string,
      phase: 'preparing',
      start: '2026-07-01',
    }),
    a4: await inspection(db, {
      committeeId: p,
      roundId: rounds.p1,
      unitId: units.a4 as string,
      phase: 'stationed',
      start: '2026-04-01',
      type: 'elevated',
    }),
    b1: await inspection(db, {
      committeeId: b,
      roundId: rounds.b1,
      unitId: units.b1 as string,
      phase: 'investigating',
      start: '2026-05-05',
    }),
  };
  const finding = async (
    committeeId: string,
    key: keyof typeof inspections,
    seq: number,
    aspect: string,
    extra = {},
  ) => {
    const row = await db
      .insertInto('finding')
      .values({
        committee_id: committeeId,
        inspection_id: inspections[key],
        unit_id: units[key] as string,
        seq,
        title: `测试问题${key}-${seq}`,
        facts: '不应外传的事实',
        aspect,
        areas: [],
        is_common: false,
        eight_rules: false,
        status: 'fed_back',
        created_by: owner,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const f1 = await finding(a, 'a2', 1, 'party_leadership');
  const f2 = await finding(a, 'a2', 2, 'anti_corruption', { sensitivity: 'sensitive' });
  await finding(a, 'a2', 3, 'party_building', { status: 'draft' });
  const f4 = await finding(a, 'a1', 1, 'party_leadership');
  await finding(b, 'b1', 1, 'strict_governance');
  const tasks = [
    { finding: f1, unit: 'a2', due: '2026-05-10', status: 'closed', closedAt: '2026-05-01T02:00:00Z' },
    { finding: f1, unit: 'a2', due: '2026-05-20', status: 'closed', closedAt: '2026-06-01T02:00:00Z' },
    { finding: f2, unit: 'a2', due: '2026-06-01', status: 'in_progress' },
    { finding: f4, unit: 'a1', due: '2026-07-01', status: 'open' },
  ] as const;
  for (const [i, t] of tasks.entries()) {
    await db
      .insertInto('task')
      .values({
        committee_id: a,
        unit_id: units[t.unit] as string,
        inspection_id: inspections[t.unit as 'a1' | 'a2'],
        finding_id: t.finding,
        seq: i + 1,
        title: `测试任务${i + 1}`,
        measures: '措施',
        responsible_leader: '领导',
        responsible_department: '办公室',
        owner_user_id: owner,
        due_date: t.due,
        status: t.status,
        long_term: false,
        closed_at: 'closedAt' in t ? t.closedAt : null,
      })
      .execute();
  }
  const handover = (seq: number, status: string, due: string, findingId: string) =>
    db
      .insertInto('handover')
      .values({
        committee_id: a,
        inspection_id: inspections.a2,
        unit_id: units.a2 as string,
        year: 2026,
        seq,
        kind: 'cadre',
        finding_id: findingId,
        recipient: 'organization',
        recipient_name: '甲市委组织部',
        status,
        sent_on: '2026-05-01',
        due_date: due,
        sent_by: owner,
        result_sealed: status === 'concluded' ? 'sealed' : null,
        concluded_on: status === 'concluded' ? '2026-05-20' : null,
      })
      .execute();
  await handover(1, 'sent', '2026-06-01', f1);
  await handover(2, 'concluded', '2026-06-01', f2);
  await handover(3, 'declined', '2026-06-01', f4);
  return { p, a, b, units, rounds, inspections };
}
