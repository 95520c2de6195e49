// The upper committee's view of its lower committees: figures against the hand-worked fixture
// (linkage.fixtures.ts), paging, export, drill-down by permission, and scope (401 / 403 / 404) and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type LinkageFixture, seedLinkageFixture } from './linkage.fixtures.ts';

let h: Harness;
let fx: LinkageFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedLinkageFixture(h.database.db);
});
afterAll(() => h.close());

interface Row {
  committeeId: string;
  [key: string]: unknown;
}
const byId = (rows: Row[], id: string) => rows.find((r) => r.committeeId === id);

describe('GET /api/linkage/committees', () => {
  it('counts each committee as worked out by hand', async () => {
    const res = await (await h.as('p_office')).get(`/api/linkage/committees?committeeId=${fx.p}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-06-15');
    expect(body.mayDrill).toBe(true);
    expect(body.mayLaunch).toBe(true);
    expect(body.lower.total).toBe(2);
    // A: coverage 2 of 4 (a2 by A, a4 by P's 提级); current round A-2, least advanced phase preparing
    expect(byId(body.lower.items, fx.a)).toEqual({
      committeeId: fx.a,
      name: '测试甲市委',
      level: '市委',
      parentId: fx.p,
      depth: 1,
      termPlanName: '甲市委届内规划',
      unitsToCover: 4,
      unitsCovered: 2,
      coverageRate: 0.5,
      rounds: 2,
      currentRoundName: '甲市委第二轮',
      currentRoundPhase: 'preparing',
      inspections: 3,
      // 3 fed back (the draft does not count): 党的领导 2, 反腐败 1
      findings: 3,
      findingsByAspect: { party_leadership: 2, party_building: 0, strict_governance: 0, anti_corruption: 1 },
      // 4 tasks, 2 closed (1 on time), 1 open past due: 2/4 and 1/2
      tasks: 4,
      tasksClosed: 2,
      tasksOverdue: 1,
      rectificationRate: 0.5,
      onTimeRate: 0.5,
      // the declined handover is not counted as sent
      handoversSent: 2,
      handoversWithResult: 1,
      handoversOverdue: 1,
    });
    // B: no term plan running (0 / 0 → null), one round, one finding, no tasks (rates null)
    expect(byId(body.lower.items, fx.b)).toMatchObject({
      termPlanName: null,
      unitsToCover: 0,
      unitsCovered: 0,
      coverageRate: null,
      rounds: 1,
      currentRoundName: '乙市委第一轮',
      currentRoundPhase: 'investigating',
      inspections: 1,
      findings: 1,
      findingsByAspect: { party_leadership: 0, party_building: 0, strict_governance: 1, anti_corruption: 0 },
      tasks: 0,
      rectificationRate: null,
      onTimeRate: null,
      handoversSent: 0,
    });
    // P's own row: its 提级 inspection counts for P, not for A
    expect(body.own).toMatchObject({
      committeeId: fx.p,
      depth: 0,
      parentId: null,
      rounds: 1,
      inspections: 1,
      findings: 0,
    });
  });

  it('pages the lower committees and keeps the own row on every page', async () => {
    const c = await h.as('p_office');
    const first = (await c.get(`/api/linkage/committees?committeeId=${fx.p}&pageSize=1`)).json();
    const second = (await c.get(`/api/linkage/committees?committeeId=${fx.p}&pageSize=1&page=2`)).json();
    expect(first.lower).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(first.lower.items).toHaveLength(1);
    expect(second.lower.items).toHaveLength(1);
    expect(first.lower.items[0].committeeId).not.toBe(second.lower.items[0].committeeId);
    expect(second.own.committeeId).toBe(fx.p);
  });

  it('gives aggregates only: no unit, finding or person in the answer', async () => {
    const text = (await (await h.as('p_banshi')).get(`/api/linkage/committees?committeeId=${fx.p}`)).body;
    for (const secret of ['甲市a1局', '测试问题', '不应外传', 'p_office']) expect(text).not.toContain(secret);
  });

  it('shows a committee without lower committees its own row only (the demo district)', async () => {
    const body = (await (await h.as('office')).get('/api/linkage/committees')).json();
    expect(body.own.committeeId).toBe(h.demo.committeeId);
    expect(body.lower.total).toBe(0);
  });

  it('lets a lower committee see neither its upper nor its sibling (404)', async () => {
    const a = await h.as('a_office');
    expect((await a.get(`/api/linkage/committees?committeeId=${fx.p}`)).statusCode).toBe(404);
    expect((await a.get(`/api/linkage/committees?committeeId=${fx.b}`)).statusCode).toBe(404);
    expect((await a.get(`/api/linkage/committees?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(404);
    const own = (await a.get('/api/linkage/committees')).json();
    expect(own.own.committeeId).toBe(fx.a);
    expect(own.lower.total).toBe(0);
    // the demo district does not see the city above it
    const district = await h.as('office');
    expect((await district.get(`/api/linkage/committees?committeeId=${h.demo.cityCommitteeId}`)).statusCode).toBe(404);
  });

  it('refuses the anonymous (401), the unpermitted (403) and bad input (400, in Chinese)', async () => {
    expect((await h.anonymous.get('/api/linkage/committees')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/linkage/committees')).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).get('/api/linkage/committees')).statusCode).toBe(403);
    const bad = await (await h.as('p_office')).get('/api/linkage/committees?committeeId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await (await h.as('p_office')).get('/api/linkage/committees?pageSize=1000')).statusCode).toBe(400);
  });

  it('exports every row as .xlsx', async () => {
    const res = await (await h.as('p_office')).get(`/api/linkage/committees/export?committeeId=${fx.p}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await (await h.as('a_office')).get(`/api/linkage/committees/export?committeeId=${fx.p}`)).statusCode).toBe(
      404,
    );
  });
});

describe('drill-down into a lower committee', () => {
  it('lists its inspections and fed-back findings, without a sensitive title or any facts', async () => {
    const c = await h.as('p_leader');
    const inspections = (await c.get(`/api/linkage/committees/${fx.a}/inspections`)).json();
    expect(inspections.total).toBe(3);
    expect(inspections.items.map((i: { unitName: string }) => i.unitName)).toEqual([
      '甲市a3局',
      '甲市a2局',
      '甲市a1局',
    ]);
    expect(inspections.items[1]).toMatchObject({ phase: 'rectifying', findings: 2, roundName: '甲市委第二轮' });
    const res = await c.get(`/api/linkage/committees/${fx.a}/findings?pageSize=10`);
    expect(res.statusCode).toBe(200);
    const findings = res.json();
    expect(findings.total).toBe(3);
    expect(res.body).not.toContain('不应外传');
    const sensitive = findings.items.find((f: { sensitive: boolean }) => f.sensitive);
    expect(sensitive).toMatchObject({ title: null, aspect: 'anti_corruption', tasks: 1, tasksClosed: 0 });
    const filtered = (await c.get(`/api/linkage/committees/${fx.a}/findings?aspect=party_leadership`)).json();
    expect(filtered.total).toBe(2);
  });

  it('is 403 for a holder of linkage.read alone and 404 for a committee not below', async () => {
    expect((await (await h.as('p_banshi')).get(`/api/linkage/committees/${fx.a}/inspections`)).statusCode).toBe(403);
    const leader = await h.as('p_leader');
    expect((await leader.get(`/api/linkage/committees/${fx.p}/findings`)).statusCode).toBe(404);
    expect((await leader.get(`/api/linkage/committees/${h.outsider.committeeId}/findings`)).statusCode).toBe(404);
    // the lower committee's director may drill — but only below its own committee, never into a sibling
    expect((await (await h.as('a_office')).get(`/api/linkage/committees/${fx.b}/findings`)).statusCode).toBe(404);
    expect((await h.anonymous.get(`/api/linkage/committees/${fx.a}/findings`)).statusCode).toBe(401);
    expect((await leader.get(`/api/linkage/committees/${fx.a}/findings?aspect=xx`)).statusCode).toBe(400);
  });
});
