// The exchange tests' dataset, on top of the 整改进度 fixture (progress.fixtures.ts: round 2026-09 "进度看板测试轮次",
// starting 2026-01-05, two units, three findings on unit a and two on unit b, eleven tasks). Here: unit b's
// findings become 党风廉政建设和反腐败, an empty second round starts the next day, and unit a gets one
// concluded handover and one declined (which does not count).
import { sql } from 'kysely';
import type { Harness } from '../../test/harness.ts';
import { seedProgressFixture } from '../rectification-dashboard/progress.fixtures.ts';

export const EXCHANGE_PERIOD = { from: '2026-01-05', to: '2026-01-06' };

export async function seedExchangeFixture(h: Harness) {
  const db = h.database.db;
  const fx = await seedProgressFixture(h);
  await sql`UPDATE finding SET aspect = 'anti_corruption' WHERE unit_id = ${fx.unitB}`.execute(db);
  await db
    .insertInto('round')
    .values({
      committee_id: h.demo.committeeId,
      name: '报送测试空轮次',
      year: 2026,
      seq: 10,
      start_date: '2026-01-06',
      end_date: '2026-03-01',
    })
    .execute();
  const sender = h.demo.users.office as string;
  await sql`
    INSERT INTO handover (committee_id, inspection_id, unit_id, year, seq, kind, finding_id, recipient, recipient_name,
      status, sent_on, due_date, sent_by, result_sealed, concluded_on, decline_reason)
    SELECT f.committee_id, f.inspection_id, f.unit_id, 2026, 900 + f.seq, 'cadre', f.id, 'organization', '区委组织部',
      CASE f.seq WHEN 1 THEN 'concluded' ELSE 'declined' END, '2026-03-02', '2026-04-02', ${sender},
      CASE f.seq WHEN 1 THEN 'sealed-test' END, CASE f.seq WHEN 1 THEN '2026-03-20'::date END,
      CASE f.seq WHEN 2 THEN '不属于本部门职责' END
    FROM finding f WHERE f.unit_id = ${fx.unitA} AND f.seq IN (1, 2)`.execute(db);
  return fx;
}

/**
 * Hand-computed from the fixture against TEST_NOW (2026-06-15):
 *   round 2026-09: inspections 2 (units a, b); findings 3 + 2 = 5 (drafts count: findings recorded), by aspect
 *     party_building 3 (unit a), anti_corruption 2 (unit b); tasks 11; closed = #1, #2, #8 = 3; overdue = not
 *     closed and due before 2026-06-15 = #3 (06-10), #4 (05-01), #6 (06-14), #7 (01-01), #9 (06-07), #11 (03-17)
 *     = 6 (#5 due 12-31, #10 due 07-01 are not); rate = 3 / 11 = 0.272727… → 0.2727; handovers 2 − 1 declined
 *     = 1, concluded 1.
 *   round 2026-10: no inspection → zeros, rate null.
 *   totals: rounds 2, units 2, the same counters (the empty round adds nothing).
 */
export const EXPECTED_ROUND = {
  name: '进度看板测试轮次',
  year: 2026,
  seq: 9,
  startDate: '2026-01-05',
  endDate: '2026-02-28',
  units: 2,
  inspections: 2,
  findings: 5,
  findingsByAspect: { party_leadership: 0, party_building: 3, strict_governance: 0, anti_corruption: 2 },
  tasks: 11,
  closed: 3,
  overdue: 6,
  rectificationRate: 0.2727,
  handovers: 1,
  handoversConcluded: 1,
};

export const EXPECTED_EMPTY_ROUND = {
  name: '报送测试空轮次',
  year: 2026,
  seq: 10,
  startDate: '2026-01-06',
  endDate: '2026-03-01',
  units: 0,
  inspections: 0,
  findings: 0,
  findingsByAspect: { party_leadership: 0, party_building: 0, strict_governance: 0, anti_corruption: 0 },
  tasks: 0,
  closed: 0,
  overdue: 0,
  rectificationRate: null,
  handovers: 0,
  handoversConcluded: 0,
};

export const EXPECTED_STATISTICS = (() => {
  const { name: _n, year: _y, seq: _s, startDate: _a, endDate: _b, ...counters } = EXPECTED_ROUND;
  return { ...counters, rounds: 2 };
})();
