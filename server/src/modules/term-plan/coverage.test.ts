// Coverage view and forecast of a term plan, on rounds whose outcome is known by construction.
// Today is 2026-06-15; the term is 2022-01-01 → 2026-12-31 with 2 rounds a year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { addRound } from '../../test/planning-fixtures.ts';
import { forecastBlock, roundArithmetic } from './coverage.service.ts';

let h: Harness;
let planId: string;
beforeAll(async () => {
  h = await createHarness();
  // core demo: round 3 (2026-01-16) inspects 区住建局 (rectifying) and 区教育局 (stationed)
  await addRound(
    h,
    { name: '十四届区委第五轮巡察', year: 2021, seq: 5, startDate: '2021-04-01', endDate: '2021-06-30' },
    [{ unit: 'yiyuan', phase: 'archived' }],
  );
  await addRound(
    h,
    { name: '十五届区委第一轮巡察', year: 2023, seq: 1, startDate: '2023-03-01', endDate: '2023-05-31' },
    [
      { unit: 'caizheng', phase: 'archived' },
      { unit: 'weijian', type: 'lookback', phase: 'archived' },
      { unit: 'dongguan_sq', type: 'village', phase: 'archived' },
    ],
  );
  await addRound(
    h,
    { name: '十五届区委第五轮巡察', year: 2026, seq: 5, startDate: '2026-09-01', endDate: '2026-11-30' },
    [{ unit: 'ziran', phase: 'preparing' }],
  );
  await h.database.db
    .updateTable('org_unit')
    .set({ last_inspected_on: '2020-05-01' })
    .where('id', '=', h.demo.units.shichang as string)
    .execute();
  const res = await (await h.as('office')).post('/api/term-plans', {
    committeeId: h.demo.committeeId,
    name: '十五届区委巡察工作规划',
    startDate: '2022-01-01',
    endDate: '2026-12-31',
  });
  planId = res.json().id;
});
afterAll(() => h.close());

describe('GET /api/term-plans/:id/coverage', () => {
  it('counts covered / scheduled / never per kind and per year, villages apart', async () => {
    const res = await (await h.as('leader')).get(`/api/term-plans/${planId}/coverage`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 回头看 (区卫健局) and an inspection before the term (区人民医院) do not cover; a preparing one schedules
    expect(body.units).toMatchObject({ total: 11, covered: 3, scheduled: 1, never: 7, coveredPct: 27.3 });
    expect(body.units.byKind.find((k: { kind: string }) => k.kind === 'department')).toMatchObject({
      total: 6,
      covered: 3,
      scheduled: 1,
      never: 2,
    });
    expect(body.units.byYear).toEqual([
      { year: 2023, covered: 1, scheduled: 0, planned: 0 },
      { year: 2026, covered: 2, scheduled: 1, planned: 0 },
    ]);
    expect(body.villages).toMatchObject({ total: 2, covered: 1, scheduled: 0, never: 1, coveredPct: 50 });
    expect(body.villages.byYear).toEqual([{ year: 2023, covered: 1, scheduled: 0, planned: 0 }]);
    expect(body.excluded).toBe(0);
  });

  it('follows the phase: a stationed inspection covers, a preparing one only schedules', async () => {
    const office = await h.as('office');
    const ziran = await h.database.db
      .selectFrom('inspection')
      .select('id')
      .where('unit_id', '=', h.demo.units.ziran as string)
      .executeTakeFirstOrThrow();
    await h.database.db.updateTable('inspection').set({ phase: 'stationed' }).where('id', '=', ziran.id).execute();
    expect((await office.get(`/api/term-plans/${planId}/coverage`)).json().units).toMatchObject({
      covered: 4,
      scheduled: 0,
    });
    await h.database.db.updateTable('inspection').set({ phase: 'preparing' }).where('id', '=', ziran.id).execute();
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    for (const path of ['coverage', 'coverage/units', 'forecast']) {
      expect((await h.anonymous.get(`/api/term-plans/${planId}/${path}`)).statusCode).toBe(401);
      expect((await (await h.as('lianluo')).get(`/api/term-plans/${planId}/${path}`)).statusCode).toBe(403);
    }
    const outsider = await h.database.db
      .insertInto('term_plan')
      .values({
        committee_id: h.outsider.committeeId,
        name: '城西规划',
        start_date: '2022-01-01',
        end_date: '2026-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const path of ['coverage', 'coverage/units', 'forecast']) {
      expect((await (await h.as('office')).get(`/api/term-plans/${outsider.id}/${path}`)).statusCode).toBe(404);
    }
    expect((await (await h.as('office')).get('/api/term-plans/abc/coverage')).statusCode).toBe(400);
  });
});

describe('GET /api/term-plans/:id/forecast', () => {
  it('warns with the shortfall and lists the units that will not be covered at this pace', async () => {
    const res = await (await h.as('office')).get(`/api/term-plans/${planId}/forecast`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // 200 days left → ⌊2 × 200 / 365.25⌋ = 1 round; held: 2023-03 and 2026-01 (the 2026-09 round is ahead)
    expect(body).toMatchObject({ daysLeft: 200, roundsInTerm: 10, roundsHeld: 2, remainingRounds: 1 });
    // units: 3 targets (回头看 not counted) in 2 rounds → 1.5 per round → capacity 1: 区自然资源局 (scheduled)
    expect(body.units).toMatchObject({ toCover: 11, uncovered: 8, pace: 1.5, paceSource: 'history', capacity: 1 });
    expect(body.units.shortfall).toBe(7);
    // never inspected first (by name), then the manual 2020 date, then 2021, then the 2023 回头看
    expect(body.units.atRisk.map((u: { unitName: string }) => u.unitName).slice(-3)).toEqual([
      '区市场监督管理局',
      '区人民医院',
      '区卫生健康局',
    ]);
    expect(body.units.atRisk.at(-3).lastInspectedOn).toBe('2020-05-01');
    expect(body.villages).toMatchObject({ toCover: 2, uncovered: 1, pace: 0.5, capacity: 0, shortfall: 1 });
    expect(body.villages.atRisk.map((u: { unitName: string }) => u.unitName)).toEqual(['南园社区']);
  });

  it('uses the plan’s own pace before any round is held', async () => {
    const next = await (await h.as('office')).post('/api/term-plans', {
      committeeId: h.demo.committeeId,
      name: '十六届区委巡察工作规划',
      startDate: '2027-01-01',
      endDate: '2031-12-31',
    });
    const body = (await (await h.as('office')).get(`/api/term-plans/${next.json().id}/forecast`)).json();
    expect(body).toMatchObject({ daysLeft: 1826, roundsInTerm: 10, roundsHeld: 0, remainingRounds: 10 });
    // 11 units over 10 rounds: 1.1 a round, all 11 can be reached
    expect(body.units).toMatchObject({ toCover: 11, pace: 1.1, paceSource: 'plan', capacity: 11, shortfall: 0 });
    expect(body.units.atRisk).toEqual([]);
  });

  it('spends a round slot once it has begun, and none after the term', () => {
    const term = { startDate: '2022-01-01', endDate: '2026-12-31', roundsPerYear: 2 };
    expect(roundArithmetic(term, '2022-01-01')).toEqual({ daysLeft: 1826, roundsInTerm: 10, remainingRounds: 10 });
    expect(roundArithmetic(term, '2022-01-10').remainingRounds).toBe(9);
    expect(roundArithmetic(term, '2027-03-01')).toEqual({ daysLeft: 0, roundsInTerm: 10, remainingRounds: 0 });
    const row = { is_village: false, to_cover: 20, uncovered: 9, targets: 0, held: 0, capacity: 4 };
    expect(forecastBlock(row, 10)).toMatchObject({ pace: 2, paceSource: 'plan', shortfall: 5 });
  });
});

describe('GET /api/term-plans/:id/coverage/units', () => {
  const list = async (query: string) =>
    (await (await h.as('office')).get(`/api/term-plans/${planId}/coverage/units?${query}`)).json();

  it('pages the plan units with status and filters', async () => {
    const all = await list('pageSize=5');
    expect(all.total).toBe(13);
    expect(all.items).toHaveLength(5);
    expect(await list('page=9&pageSize=5')).toMatchObject({ items: [], total: 13 });
    expect((await list('status=never')).total).toBe(8);
    expect((await list('status=scheduled')).items[0]).toMatchObject({
      unitName: '区自然资源局',
      scheduledOn: '2026-09-01',
    });
    const caizheng = (await list(`q=${encodeURIComponent('财政')}`)).items[0];
    expect(caizheng).toMatchObject({
      status: 'covered',
      coveredOn: '2023-03-01',
      coveredRound: '十五届区委第一轮巡察',
    });
    expect((await list('kind=village')).total).toBe(2);
    const atRisk = await list('atRisk=true&pageSize=100');
    expect(atRisk.total).toBe(8);
    // listed in the forecast's order: the same units the warning names, units before villages
    const forecast = (await (await h.as('office')).get(`/api/term-plans/${planId}/forecast`)).json();
    expect(atRisk.items.map((u: { unitName: string }) => u.unitName)).toEqual(
      [...forecast.units.atRisk, ...forecast.villages.atRisk].map((u: { unitName: string }) => u.unitName),
    );
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('shows the manual last-inspected date without counting it', async () => {
    const shichang = (await list(`q=${encodeURIComponent('市场监督')}`)).items[0];
    expect(shichang).toMatchObject({ status: 'never', manualLastInspectedOn: '2020-05-01', atRisk: true });
  });

  it('rejects bad filters with Chinese messages', async () => {
    const res = await (await h.as('office')).get(`/api/term-plans/${planId}/coverage/units?status=done&atRisk=yes`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['atRisk', 'status']);
  });

  it('exports the same filtered rows as 全覆盖进度表.xlsx', async () => {
    const res = await (await h.as('office')).get(
      `/api/term-plans/coverage/units/export?termPlanId=${planId}&status=never`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('全覆盖进度表');
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'term_plan.export')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 8 });
    expect(
      (await (await h.as('lianluo')).get(`/api/term-plans/coverage/units/export?termPlanId=${planId}`)).statusCode,
    ).toBe(403);
  });
});
