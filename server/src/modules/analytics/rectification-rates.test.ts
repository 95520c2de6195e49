// 整改成效: the rates, ageing, per-kind and per-unit figures against the hand-worked round of
// progress.fixtures.ts (11 tasks, TEST_NOW 2026-06-15), the drill-downs whose totals equal the figures, the
// exports, the analytics filter (area, kind, term), and 400 / 401 / 403 / 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type ProgressFixture, seedProgressFixture } from '../rectification-dashboard/progress.fixtures.ts';
import { auditCount, readSheet } from './workload.fixtures.ts';

let h: Harness;
let fx: ProgressFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedProgressFixture(h);
});
afterAll(() => h.close());

describe('GET /api/analytics/rectification', () => {
  it('computes the rates as worked out by hand', async () => {
    const res = await (await h.as('leader')).get(`/api/analytics/rectification?roundId=${fx.roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // tasks 1–11: closed #1 #2 #8 = 3 (on time: #1 only; #8 closed 00:30 on the 15th Shanghai, due the 14th);
    // overdue #3 #4 #6 #7 #9 #11 = 6; returned #2 #4 = 2; reopened #6 = 1; ever closed = 3 closed + #5 + #6 = 5
    // 整改完成率 3/11, 按期完成率 1/3, 退回率 2/11, 反弹率 1/5
    expect(body.totals).toMatchObject({
      findings: 3,
      tasks: 11,
      closed: 3,
      closedOnTime: 1,
      overdue: 6,
      returned: 2,
      reopened: 1,
      everClosed: 5,
      rectificationRate: 3 / 11,
      onTimeRate: 1 / 3,
      returnedRate: 2 / 11,
      reboundRate: 1 / 5,
    });
    // days past due: #3 5, #6 1 → 1–7; #9 8 → 8–30; #4 45, #11 90 → 31–90; #7 165 → >90
    expect(body.ageing.map((a: { count: number }) => a.count)).toEqual([2, 1, 2, 1]);
    // 乡镇 (unit a, tasks 1–6): closed #1 #2, on time #1, returned #2 #4, reopened #6, ever closed #1 #2 #5 #6
    // 学校 (unit b, tasks 7–11): closed #8 (late), nothing returned or reopened, ever closed #8
    expect(body.byKind).toEqual([
      expect.objectContaining({
        unitKind: 'township',
        tasks: 6,
        closed: 2,
        rectificationRate: 2 / 6,
        onTimeRate: 1 / 2,
      }),
      expect.objectContaining({
        unitKind: 'school',
        tasks: 5,
        closed: 1,
        onTimeRate: 0,
        everClosed: 1,
        reboundRate: 0,
      }),
    ]);
    expect(body.byKind[0]).toMatchObject({ returnedRate: 2 / 6, reboundRate: 1 / 4, overdue: 3 });
    expect(body.units.total).toBe(2);
    expect(body.units.items.map((u: { unitId: string }) => u.unitId)).toEqual([fx.unitB, fx.unitA]);
  });

  it('narrows by area, unit kind and term', async () => {
    const office = await h.as('office');
    const area = (await office.get(`/api/analytics/rectification?roundId=${fx.roundId}&areaUnitId=${fx.unitA}`)).json();
    expect(area.totals).toMatchObject({ tasks: 6, closed: 2, overdue: 3, findings: 2 });
    const kind = (await office.get(`/api/analytics/rectification?roundId=${fx.roundId}&unitKind=school`)).json();
    expect(kind.totals).toMatchObject({ tasks: 5, closed: 1, overdue: 3, findings: 1 });
    // a term that ends before the fixture's 进驻 (2026-01-05) selects none of its inspections
    const term = await h.database.db
      .insertInto('term_plan')
      .values({ committee_id: h.demo.committeeId, name: '测试届', start_date: '2020-01-01', end_date: '2020-12-31' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const none = (await office.get(`/api/analytics/rectification?roundId=${fx.roundId}&termPlanId=${term.id}`)).json();
    expect(none.totals.tasks).toBe(0);
    expect(none.byKind).toEqual([]);
  });

  it('answers 401, 403, 404 and 400 with Chinese messages, writing nothing', async () => {
    expect((await h.anonymous.get('/api/analytics/rectification')).statusCode).toBe(401);
    expect((await (await h.as('danwei')).get('/api/analytics/rectification')).statusCode).toBe(403);
    expect((await (await h.as('zuyuan')).get('/api/analytics/rectification/tasks')).statusCode).toBe(403);
    const office = await h.as('office');
    for (const query of [`committeeId=${h.outsider.committeeId}`, `roundId=${h.outsider.roundId}`]) {
      const res = await office.get(`/api/analytics/rectification/tasks?${query}`);
      expect(res.statusCode, query).toBe(404);
    }
    const before = await auditCount(h);
    for (const [query, message] of [
      ['unitKind=bank', '单位类别不正确'],
      ['kind=everything', '明细类别不正确'],
      ['ageing=d1_2', '逾期时长分段不正确'],
      ['areaUnitId=abc', '编号格式不正确'],
    ] as const) {
      const res = await office.get(`/api/analytics/rectification/tasks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(message);
    }
    expect(await auditCount(h)).toBe(before);
  });
});

describe('GET /api/analytics/rectification/tasks (drill-down)', () => {
  it('lists exactly the tasks each figure counts', async () => {
    const office = await h.as('office');
    const total = async (params: string) =>
      (await office.get(`/api/analytics/rectification/tasks?roundId=${fx.roundId}&${params}`)).json().total;
    expect(await total('kind=all')).toBe(11);
    expect(await total('kind=closed')).toBe(3);
    expect(await total('kind=closed_on_time')).toBe(1);
    expect(await total('kind=closed_late')).toBe(2);
    expect(await total('kind=overdue')).toBe(6);
    expect(await total('kind=returned')).toBe(2);
    expect(await total('kind=reopened')).toBe(1);
    expect(await total('kind=ever_closed')).toBe(5);
    expect(await total('ageing=d31_90')).toBe(2);
    expect(await total('kind=all&unitKind=township')).toBe(6);
    expect(await total(`kind=overdue&unitId=${fx.unitB}`)).toBe(3);
    const page = (await office.get(`/api/analytics/rectification/tasks?roundId=${fx.roundId}&ageing=d90_plus`)).json();
    expect(page.items).toEqual([expect.objectContaining({ title: '测试任务7', overdueDays: 165, status: 'open' })]);
  });

  it('exports the figure rows and the unit table, audited', async () => {
    const office = await h.as('office');
    const before = await auditCount(h);
    const tasks = await office.get(`/api/analytics/rectification/tasks/export?roundId=${fx.roundId}&kind=overdue`);
    expect(tasks.statusCode).toBe(200);
    const rows = await readSheet(tasks.rawPayload);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual([
      '单位',
      '问题',
      '整改任务',
      '责任人',
      '完成时限',
      '状态',
      '逾期天数',
      '退回次数',
      '反弹次数',
    ]);
    const units = await readSheet(
      (await office.get(`/api/analytics/rectification/export?roundId=${fx.roundId}&sort=unitName`)).rawPayload,
    );
    expect(units).toHaveLength(3);
    expect(await auditCount(h)).toBe(before + 2);
  });
});
