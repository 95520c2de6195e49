// 巡察工作总览: every figure against the hand-counted fixture (overview.fixtures.ts), the default and explicit
// term plan, and 400 / 401 / 403 / 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';
import { type OverviewFixture, seedOverviewFixture } from './overview.fixtures.ts';

let h: Harness;
let fx: OverviewFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedOverviewFixture(h);
});
afterAll(() => h.close());

describe('GET /api/overview', () => {
  it('counts the fixture as worked out by hand', async () => {
    const res = await (await h.as('ovleader')).get('/api/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-06-15');
    expect(body.committee).toEqual({ id: fx.committeeId, name: '总览测试区委' });
    // the only plan, running today
    expect(body.termPlan).toEqual({
      id: fx.termPlanId,
      name: '总览测试届',
      startDate: '2024-01-01',
      endDate: '2028-12-31',
    });

    // coverage (the term-plan service): units 局 covered 2025, 镇 covered 2025, 待巡局 scheduled (preparing, in
    // the term) → 2 of 3 covered = 66.7 %; the village stationed 2026-06-05 → 1 of 1; 不纳入局 excluded
    expect(body.coverage.units).toMatchObject({ total: 3, covered: 2, scheduled: 1, never: 0, coveredPct: 66.7 });
    expect(body.coverage.villages).toMatchObject({ total: 1, covered: 1, scheduled: 0, never: 0 });
    expect(body.coverage.excluded).toBe(1);

    // current rounds: 第二轮 (2026-06-01 – 07-31) contains today; its two inspections by phase and start date
    expect(body.rounds).toHaveLength(1);
    expect(body.rounds[0]).toMatchObject({ roundId: fx.currentRoundId, name: '第二轮', inspectionCount: 2 });
    expect(body.rounds[0].byPhase).toEqual([
      { phase: 'preparing', count: 1 },
      { phase: 'stationed', count: 1 },
    ]);
    expect(body.rounds[0].inspections.map((i: { unitName: string; phase: string }) => [i.unitName, i.phase])).toEqual([
      ['总览测试村', 'stationed'],
      ['总览待巡局', 'preparing'],
    ]);

    // findings of the term (inspections started 2024–2028), fed back only: F1 (党的建设, 共性), F2 (反腐败, 八项规定),
    // F3 (反腐败), F5 (反腐败, 共性) = 4; the draft F4 and F6 of the 2023 round are not counted
    expect(body.findings).toEqual({
      total: 4,
      common: 2,
      eightRules: 1,
      byAspect: [
        { aspect: 'anti_corruption', count: 3 },
        { aspect: 'party_building', count: 1 },
        { aspect: 'party_leadership', count: 0 },
        { aspect: 'strict_governance', count: 0 },
      ],
    });

    // rectification of the term's inspections (T7 of the 2023 inspection is not counted): 6 tasks; closed T1,
    // T2 = 2 (rate 2/6); on time T1 (12-01 ≤ 12-31), T2 late (04-10 > 03-31) → 1/2; overdue (not closed, due
    // before 06-15) T3 (05-31), T4 (06-10), T5 (06-01) = 3, T6 due 12-31 is not
    const r = body.rectification;
    expect(r).toMatchObject({ tasks: 6, closed: 2, overdue: 3, rectificationRate: 2 / 6, onTimeRate: 1 / 2 });
    // by kind: 局 T1–T4 (closed 2, overdue T3 T4); 镇 T5–T6 (closed 0, overdue T5)
    expect(r.byKind).toEqual([
      { kind: 'department', tasks: 4, closed: 2, overdue: 2 },
      { kind: 'township', tasks: 2, closed: 0, overdue: 1 },
    ]);
    // 局: 2 overdue, the oldest T3 due 05-31 = 15 days; 镇: 1 overdue, T5 due 06-01 = 14 days
    expect(r.overdueUnits).toEqual([
      {
        unitId: fx.units.dept,
        unitName: '总览测试局',
        unitKind: 'department',
        tasks: 4,
        overdue: 2,
        maxOverdueDays: 15,
      },
      { unitId: fx.units.town, unitName: '总览测试镇', unitKind: 'township', tasks: 2, overdue: 1, maxOverdueDays: 14 },
    ]);

    // handovers of the term's inspections: H1 concluded, H2 handling due 05-31 (overdue), H3 sent due 07-31;
    // H4 declined and H5 of the 2023 inspection are not counted → sent 3, with result 1, overdue 1
    expect(body.handovers).toEqual({ sent: 3, withResult: 1, overdue: 1 });

    // 问责 of the term: A1 decided, A2 proposed (A3 withdrawn, A4 of the 2023 inspection out of the term);
    // money on verified tasks of the term: T1 12,000.5 + T2 3,000 = 15,000.5 (T3 not verified, T7 out of the
    // term); 制度: T1 + T6 (阶段性完成) = 2 (T5 submitted, not verified)
    expect(body.results).toEqual({
      accountabilityDecided: 1,
      accountabilityProposed: 1,
      moneyRecovered: 15000.5,
      institutions: 2,
    });
  });

  it('takes an explicit term plan and committee', async () => {
    const client = await h.as('ovleader');
    const res = await client.get(`/api/overview?committeeId=${fx.committeeId}&termPlanId=${fx.termPlanId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().findings.total).toBe(4);
  });

  it('takes the round running today, or else the latest one started', async () => {
    const roundsOn = async (day: string) => {
      h.clock.set(new Date(`${day}T04:00:00Z`));
      try {
        const res = await (await h.login('ovleader')).get('/api/overview');
        return res.json().rounds.map((r: { name: string; inspectionCount: number }) => [r.name, r.inspectionCount]);
      } finally {
        h.clock.set(TEST_NOW);
      }
    };
    // 第一轮 runs 2025-03-01 – 05-31
    expect(await roundsOn('2025-04-01')).toEqual([['第一轮', 2]]);
    // between rounds: none running, the latest started is 第二轮 (2026-06-01)
    expect(await roundsOn('2026-09-01')).toEqual([['第二轮', 2]]);
    // before the first round of all: nothing
    expect(await roundsOn('2023-01-01')).toEqual([]);
  });

  it('shows the demo committee to its office', async () => {
    const res = await (await h.as('office')).get('/api/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.committee.id).toBe(h.demo.committeeId);
    // the test world has no 届内规划 (the district demo adds one): no coverage block, every other figure
    expect(body.termPlan).toBeNull();
    expect(body.coverage).toBeNull();
    expect(body.findings.total).toBeGreaterThan(0);
    expect(body.rectification.tasks).toBeGreaterThan(0);
    expect(body.rectification.overdueUnits.length).toBeLessThanOrEqual(5);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const before = await countRows(h, 'audit_entry');
    const res = await (await h.as('office')).get('/api/overview?committeeId=abc');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/编号格式不正确/);
    expect(await countRows(h, 'audit_entry')).toBe(before);
  });

  it('needs a session (401) and analytics.read (403)', async () => {
    expect((await h.anonymous.get('/api/overview')).statusCode).toBe(401);
    for (const user of ['danwei', 'zuyuan', 'lianluo']) {
      expect((await (await h.as(user)).get('/api/overview')).statusCode).toBe(403);
    }
  });

  it('answers 404 for a committee or term plan out of reach', async () => {
    const office = await h.as('office');
    for (const url of [
      `/api/overview?committeeId=${h.outsider.committeeId}`,
      `/api/overview?committeeId=${fx.committeeId}`,
      `/api/overview?termPlanId=${fx.termPlanId}`,
    ]) {
      expect((await office.get(url)).statusCode).toBe(404);
    }
    const ov = await h.as('ovleader');
    expect((await ov.get(`/api/overview?committeeId=${h.demo.committeeId}`)).statusCode).toBe(404);
  });
});
