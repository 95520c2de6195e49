// Term plans (届内全覆盖规划) through the real HTTP API: create, edit, include/exclude units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { countPlanning } from '../../test/planning-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const plan = (committeeId: string) => ({
  committeeId,
  name: '十五届区委巡察工作规划',
  startDate: '2022-01-01',
  endDate: '2026-12-31',
  roundsPerYear: 2,
});

let planId: string;

describe('POST /api/term-plans', () => {
  it('creates a plan over every active unit of the committee', async () => {
    const res = await (await h.as('office')).post('/api/term-plans', plan(h.demo.committeeId));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '十五届区委巡察工作规划',
      unitCount: 13,
      excludedCount: 0,
      roundsPerYear: 2,
    });
    expect(res.json().abilities).toEqual({ update: true });
    planId = res.json().id;
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', planId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['term_plan.create']);
  });

  it('rejects bad input with Chinese messages and writes nothing', async () => {
    const office = await h.as('office');
    const before = await countPlanning(h, 'term_plan');
    const cases = [
      { ...plan(h.demo.committeeId), endDate: '2021-12-31' },
      { ...plan(h.demo.committeeId), roundsPerYear: 0 },
      { ...plan(h.demo.committeeId), name: '  ' },
      { ...plan(h.demo.committeeId), startDate: '2022-02-30' },
      { ...plan(h.demo.committeeId), committeeId: 'abc' },
    ];
    for (const body of cases) {
      const res = await office.post('/api/term-plans', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await countPlanning(h, 'term_plan')).toBe(before);
  });

  it('refuses a plan overlapping another of the committee (409)', async () => {
    const res = await (await h.as('office')).post('/api/term-plans', {
      ...plan(h.demo.committeeId),
      name: '重叠的规划',
      startDate: '2026-06-01',
      endDate: '2031-05-31',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('与已有规划“十五届区委巡察工作规划”的期间重叠');
  });

  it('is 401 without login, 403 without term_plan.manage, 404 for another committee', async () => {
    expect((await h.anonymous.post('/api/term-plans', plan(h.demo.committeeId))).statusCode).toBe(401);
    expect((await (await h.as('leader')).post('/api/term-plans', plan(h.demo.committeeId))).statusCode).toBe(403);
    const outsider = await (await h.as('office')).post('/api/term-plans', plan(h.outsider.committeeId));
    expect(outsider.statusCode).toBe(404);
  });
});

describe('GET /api/term-plans', () => {
  it('lists and reads the plans of the user’s committee only', async () => {
    await h.database.db
      .insertInto('term_plan')
      .values({
        committee_id: h.outsider.committeeId,
        name: '城西规划',
        start_date: '2022-01-01',
        end_date: '2026-12-31',
      })
      .execute();
    const leader = await h.as('leader');
    const list = (await leader.get('/api/term-plans')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['十五届区委巡察工作规划']);
    expect(list.items[0].abilities).toEqual({ update: false });
    const outsiderPlan = await h.database.db
      .selectFrom('term_plan')
      .select('id')
      .where('committee_id', '=', h.outsider.committeeId)
      .executeTakeFirstOrThrow();
    expect((await leader.get(`/api/term-plans/${outsiderPlan.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/term-plans/${planId}`)).statusCode).toBe(200);
    expect((await leader.get('/api/term-plans?pageSize=500')).statusCode).toBe(400);
    expect((await (await h.as('lianluo')).get('/api/term-plans')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/term-plans')).statusCode).toBe(401);
  });
});

describe('PATCH /api/term-plans/:id', () => {
  it('edits and audits; refuses overlap (409) and an inverted term (400)', async () => {
    const office = await h.as('office');
    const patch = (id: string, body: object) =>
      office.request({ method: 'PATCH', url: `/api/term-plans/${id}`, payload: body });
    const res = await patch(planId, { roundsPerYear: 3, notes: '每年一轮巡，三年全覆盖' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roundsPerYear: 3, notes: '每年一轮巡，三年全覆盖' });
    const next = await office.post('/api/term-plans', {
      ...plan(h.demo.committeeId),
      name: '十六届区委巡察工作规划',
      startDate: '2027-01-01',
      endDate: '2031-12-31',
    });
    expect(next.statusCode).toBe(200);
    expect((await patch(next.json().id, { startDate: '2026-12-01' })).statusCode).toBe(409);
    const inverted = await patch(planId, { endDate: '2021-01-01' });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().message).toBe('结束日期应晚于开始日期');
    expect((await patch(planId, { roundsPerYear: 2 })).json().roundsPerYear).toBe(2);
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    const body = { name: '改名' };
    const url = `/api/term-plans/${planId}`;
    expect((await h.anonymous.request({ method: 'PATCH', url, payload: body })).statusCode).toBe(401);
    expect((await (await h.as('leader')).request({ method: 'PATCH', url, payload: body })).statusCode).toBe(403);
    const missing = '/api/term-plans/00000000-0000-4000-8000-000000000000';
    expect((await (await h.as('office')).request({ method: 'PATCH', url: missing, payload: body })).statusCode).toBe(
      404,
    );
  });
});

describe('POST /api/term-plans/:id/units', () => {
  const url = () => `/api/term-plans/${planId}/units`;

  it('excludes with a reason, includes again, sets a planned year', async () => {
    const office = await h.as('office');
    const yizhong = h.demo.units.yizhong as string;
    const excluded = await office.post(url(), { action: 'exclude', unitIds: [yizhong], reason: '已划归市教育局管理' });
    expect(excluded.json()).toEqual({ changed: 1 });
    expect((await office.get(`/api/term-plans/${planId}`)).json()).toMatchObject({ unitCount: 12, excludedCount: 1 });
    const again = await office.post(url(), { action: 'exclude', unitIds: [yizhong], reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('所选单位均已不纳入规划');
    expect((await office.post(url(), { action: 'include', unitIds: [yizhong] })).json()).toEqual({ changed: 1 });
    const planned = await office.post(url(), {
      action: 'plan',
      unitIds: [h.demo.units.caizheng, h.demo.units.weijian],
      plannedYear: 2026,
    });
    expect(planned.json()).toEqual({ changed: 2 });
  });

  it('rejects bad input and units of another committee, writing nothing', async () => {
    const office = await h.as('office');
    const audits = await h.database.db.selectFrom('audit_entry').select('id').execute();
    const cases = [
      { action: 'exclude', unitIds: [h.demo.units.yizhong] },
      { action: 'include', unitIds: [] },
      { action: 'remove', unitIds: [h.demo.units.yizhong] },
      { action: 'plan', unitIds: [h.demo.units.yizhong] },
      { action: 'include', unitIds: [h.outsider.unitId] },
    ];
    for (const body of cases) {
      const res = await office.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await h.database.db.selectFrom('audit_entry').select('id').execute()).length).toBe(audits.length);
  });

  it('is 401 / 403 / 404 as appropriate', async () => {
    const body = { action: 'exclude', unitIds: [h.demo.units.yizhong], reason: '理由' };
    expect((await h.anonymous.post(url(), body)).statusCode).toBe(401);
    expect((await (await h.as('leader')).post(url(), body)).statusCode).toBe(403);
    const outsiderPlan = await h.database.db
      .selectFrom('term_plan')
      .select('id')
      .where('committee_id', '=', h.outsider.committeeId)
      .executeTakeFirstOrThrow();
    const res = await (await h.as('office')).post(`/api/term-plans/${outsiderPlan.id}/units`, body);
    expect(res.statusCode).toBe(404);
  });
});
