// 风险排序: the scores of the hand-built area (risk.fixtures.ts) worked out by hand, weights that change the
// order, the uncovered-in-term filter for planning, the export, and scope / bad input.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type RiskFixture, seedRiskFixture } from './risk.fixtures.ts';

let h: Harness;
let fx: RiskFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedRiskFixture(h);
});
afterAll(() => h.close());

interface Row {
  unitId: string;
  rank: number;
  score: number;
  factors: Record<string, { value: number; contribution: number }>;
  inputs: Record<string, unknown>;
}
const ranking = async (query: string, user = 'office') => {
  const res = await (await h.as(user)).get(`/api/risk-ranking?areaUnitId=${fx.root}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number; weights: Record<string, number>; preview: boolean };
};
const order = (items: Row[]) => items.map((r) => r.unitId);

describe('GET /api/risk-ranking', () => {
  it('scores the fixture as worked out by hand (default weights 25/20/15/15/15/10, Σ = 100)', async () => {
    const body = await ranking('');
    expect(body.total).toBe(4);
    expect(body.weights).toEqual({
      since: 25,
      findings: 20,
      clues: 15,
      rectification: 15,
      integrity: 15,
      attention: 10,
    });
    expect(order(body.items)).toEqual([fx.a, fx.b, fx.c, fx.root]);
    const [a, b, c, root] = body.items as [Row, Row, Row, Row];
    // A: since = 730 days × 100 / 1825 = 40; findings = (3 fed back + 2 key [八项规定, 重点关注]) × 10 = 50
    //    (the draft does not count); clues = 2 × 20 = 40; rectification = (0.3×3 open + 0.3×1 overdue
    //    + 0.2×1 returned + 0.2×1 reopened) / 4 tasks × 100 = 1.6 / 4 × 100 = 40;
    //    integrity = 5000 × 3 / 1000 = 15 + 4 projects × 2 = 8 + 审批权 15 = 38;
    //    attention = 关注度 3 × 12 = 36 + 2 来信来访 × 10 = 20 → 56.
    //    score = (25×40 + 20×50 + 15×40 + 15×40 + 15×38 + 10×56) / 100 = 4330 / 100 = 43.3
    expect(a).toMatchObject({ rank: 1, score: 43.3 });
    expect(a.factors).toEqual({
      since: { value: 40, contribution: 10 },
      findings: { value: 50, contribution: 10 },
      clues: { value: 40, contribution: 6 },
      rectification: { value: 40, contribution: 6 },
      integrity: { value: 38, contribution: 5.7 },
      attention: { value: 56, contribution: 5.6 },
    });
    expect(a.inputs).toMatchObject({
      lastInspectedOn: '2024-06-15',
      daysSince: 730,
      findings: 3,
      keyFindings: 2,
      clues: 2,
      tasks: 4,
      openTasks: 3,
      overdueTasks: 1,
      returnedTasks: 1,
      reopenedTasks: 1,
      petitions: 2,
    });
    // B: never inspected → since 100; integrity = 200 × 3 / 1000 = 0.6 + 重点村 20 = 20.6;
    //    attention = 5 × 12 = 60. score = (25×100 + 15×20.6 + 10×60) / 100 = (2500 + 309 + 600) / 100 = 34.09 → 34.1
    expect(b).toMatchObject({ rank: 2, score: 34.1 });
    expect(b.factors.since).toEqual({ value: 100, contribution: 25 });
    expect(b.factors.integrity).toEqual({ value: 20.6, contribution: 3.1 });
    expect(b.inputs).toMatchObject({ lastInspectedOn: null, daysSince: null, villageClass: 'key' });
    // C: manual 2025-06-15 → 365 × 100 / 1825 = 20 (the 准备 inspection has not inspected anything);
    //    integrity = min(30, 60) + min(20, 30) + 15 + 15 = 80; attention = 1 × 12 = 12.
    //    score = (25×20 + 15×80 + 10×12) / 100 = 1820 / 100 = 18.2
    expect(c).toMatchObject({ rank: 3, score: 18.2 });
    expect(c.factors.integrity).toEqual({ value: 80, contribution: 12 });
    // R: inspected today (manual), nothing else → 0
    expect(root).toMatchObject({ rank: 4, score: 0 });
  });

  it('previews other weights without saving them, and they change the order as computed', async () => {
    // since only: B 100, A 40, C 20, R 0
    const sinceOnly = await ranking('wSince=100&wFindings=0&wClues=0&wRectification=0&wIntegrity=0&wAttention=0');
    expect(sinceOnly.preview).toBe(true);
    expect(order(sinceOnly.items)).toEqual([fx.b, fx.a, fx.c, fx.root]);
    expect(sinceOnly.items.map((r) => r.score)).toEqual([100, 40, 20, 0]);
    // since 50, integrity 50: B (100 + 20.6) / 2 = 60.3; C (20 + 80) / 2 = 50; A (40 + 38) / 2 = 39; R 0
    const mixed = await ranking('wSince=50&wFindings=0&wClues=0&wRectification=0&wIntegrity=50&wAttention=0');
    expect(mixed.items.map((r) => [r.unitId, r.score])).toEqual([
      [fx.b, 60.3],
      [fx.c, 50],
      [fx.a, 39],
      [fx.root, 0],
    ]);
    expect((await ranking('')).preview).toBe(false);
  });

  it('sorts by one factor and pages', async () => {
    // integrity contributions: C 12, A 5.7, B 3.1, R 0
    expect(order((await ranking('sort=-integrity')).items)).toEqual([fx.c, fx.a, fx.b, fx.root]);
    const second = await ranking('page=2&pageSize=2');
    expect(second.total).toBe(4);
    expect(second.items.map((r) => r.rank)).toEqual([3, 4]);
    const past = await ranking('page=9&pageSize=2');
    expect(past).toMatchObject({ total: 4, items: [] });
  });

  it('proposes only units not covered or scheduled in the term (and not in the round) for planning', async () => {
    // C has a 准备 inspection on 2026-07-01, inside the term 2025–2027: left out; A's 2024 inspection is before it
    const inTerm = await ranking(`uncoveredInTerm=true&termPlanId=${fx.termPlanId}`);
    expect(order(inTerm.items)).toEqual([fx.a, fx.b, fx.root]);
    expect(inTerm.items.map((r) => r.rank)).toEqual([1, 2, 3]);
    const withRound = await ranking(`uncoveredInTerm=true&termPlanId=${fx.termPlanId}&roundId=${fx.pastRoundId}`);
    expect(order(withRound.items)).toEqual([fx.b, fx.root]);
  });

  it('gives the leader the same figures; 401, 403, 404 and 400 with Chinese messages', async () => {
    expect((await ranking('', 'leader')).items[0]).toMatchObject({ unitId: fx.a, score: 43.3 });
    expect((await h.anonymous.get('/api/risk-ranking')).statusCode).toBe(401);
    for (const user of ['danwei', 'zuyuan'])
      expect((await (await h.as(user)).get('/api/risk-ranking')).statusCode).toBe(403);
    const office = await h.as('office');
    expect((await office.get(`/api/risk-ranking?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/risk-ranking?areaUnitId=${h.outsider.unitId}`)).statusCode).toBe(404);
    for (const [query, message] of [
      ['sort=worst', '排序方式不正确'],
      ['pageSize=1000', '每页最多 100 条'],
      ['wSince=101', '权重应在 0–100 之间'],
      ['uncoveredInTerm=yes', '应为 true 或 false'],
      ['wSince=0&wFindings=0&wClues=0&wRectification=0&wIntegrity=0&wAttention=0', '权重不能全部为 0'],
    ]) {
      const res = await office.get(`/api/risk-ranking?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body).toContain(message);
    }
  });
});

describe('/api/risk-weights', () => {
  const put = async (user: string, payload: unknown) =>
    (await h.as(user)).request({ method: 'PUT', url: '/api/risk-weights', payload: payload as object });
  const versions = async () =>
    Number(
      (
        await h.database.db
          .selectFrom('risk_weight')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const integrityOnly = { since: 0, findings: 0, clues: 0, rectification: 0, integrity: 100, attention: 0 };

  it('refuses bad weights (400), other roles (403), strangers (401/404) and stale versions (409), writing nothing', async () => {
    const weights = { since: 25, findings: 20, clues: 15, rectification: 15, integrity: 15, attention: 10 };
    for (const [payload, message] of [
      [{ version: 0, weights: { ...weights, since: 101 } }, '权重应在 0–100 之间'],
      [{ version: 0, weights: { ...weights, clues: -1 } }, '权重应在 0–100 之间'],
      [{ version: 0, weights: { ...weights, attention: 2.5 } }, '权重必须是整数'],
      [{ version: 0, weights: { ...integrityOnly, integrity: 0 } }, '权重不能全部为 0'],
      [{ version: 0, weights: { since: 10 } }, '权重必须是数字'],
    ] as const) {
      const res = await put('office', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body).toContain(message);
    }
    expect((await put('banshi', { version: 0, weights })).statusCode).toBe(403);
    expect((await put('leader', { version: 0, weights })).statusCode).toBe(403);
    expect(
      (await h.anonymous.request({ method: 'PUT', url: '/api/risk-weights', payload: { version: 0, weights } }))
        .statusCode,
    ).toBe(401);
    expect((await put('office', { committeeId: h.outsider.committeeId, version: 0, weights })).statusCode).toBe(404);
    const stale = await put('office', { version: 3, weights });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('权重已被他人修改');
    expect(await versions()).toBe(0);
    const current = (await (await h.as('leader')).get('/api/risk-weights')).json();
    expect(current).toMatchObject({ version: 0, isDefault: true, canConfigure: false, weights });
  });

  it('saves a new version (audited, history kept) and the ranking follows it', async () => {
    const first = await put('office', { version: 0, weights: integrityOnly, reason: '下一轮侧重廉政风险' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, isDefault: false, canConfigure: true, setByName: '王芳' });
    // integrity only: C 80, A 38, B 20.6, R 0
    const body = await ranking('');
    expect(body.items.map((r) => [r.unitId, r.score])).toEqual([
      [fx.c, 80],
      [fx.a, 38],
      [fx.b, 20.6],
      [fx.root, 0],
    ]);
    // the same version again is stale now
    expect((await put('office', { version: 0, weights: integrityOnly })).statusCode).toBe(409);
    const second = await put('office', { version: 1, weights: { ...integrityOnly, since: 100 } });
    expect(second.json()).toMatchObject({ version: 2 });
    const history = (await (await h.as('leader')).get('/api/risk-weights/history?pageSize=10')).json();
    expect(history.total).toBe(2);
    expect(history.items.map((e: { version: number; reason: string | null }) => [e.version, e.reason])).toEqual([
      [2, null],
      [1, '下一轮侧重廉政风险'],
    ]);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_id'])
      .where('action', '=', 'risk_weight.update')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.entity_id).toBe(h.demo.committeeId);
    expect(
      (await (await h.as('office')).get(`/api/risk-weights/history?committeeId=${h.outsider.committeeId}`)).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/risk-ranking/export', () => {
  it('exports the ranked rows with the reasons in words, audited; 404 / 403 outside', async () => {
    const office = await h.as('office');
    const res = await office.get(
      `/api/risk-ranking/export?areaUnitId=${fx.root}&wSince=25&wFindings=20&wClues=15&wRectification=15&wIntegrity=15&wAttention=10`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
    });
    const header = rows[0] as string[];
    expect(rows).toHaveLength(5);
    const first = Object.fromEntries(header.map((k, i) => [k, rows[1]?.[i]]));
    expect(first).toMatchObject({ 排名: '1', 单位: '风险测试局', 单位类别: '机关部门', 风险分: '43.3' });
    expect(first.评分说明).toContain('距上次巡察 2.0 年（2024-06-15）（+10.0）');
    expect(first.评分说明).toContain('问题线索 2 件（+6.0）');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('action', '=', 'risk_ranking.export')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await office.get(`/api/risk-ranking/export?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(404);
    expect((await (await h.as('danwei')).get('/api/risk-ranking/export')).statusCode).toBe(403);
  });
});
