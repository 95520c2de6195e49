// 整改进度: the numbers against the hand-worked fixture (progress.fixtures.ts), sorting, paging, the drill-down,
// the export, and scope (401 / 403 / 404) and bad input.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type ProgressFixture, seedProgressFixture } from './progress.fixtures.ts';

let h: Harness;
let fx: ProgressFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedProgressFixture(h);
});
afterAll(() => h.close());

const auditCount = async () =>
  Number(
    (
      await h.database.db
        .selectFrom('audit_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('GET /api/rectification-progress', () => {
  it('counts the round as worked out by hand: totals, rates, ageing', async () => {
    const res = await (await h.as('office')).get(`/api/rectification-progress?roundId=${fx.roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-06-15');
    expect(body.totals).toEqual({
      findings: 3,
      tasks: 11,
      closed: 3,
      partlyClosed: 1,
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
    expect(body.ageing).toEqual([
      { bucket: 'd1_7', count: 2 },
      { bucket: 'd8_30', count: 1 },
      { bucket: 'd31_90', count: 2 },
      { bucket: 'd90_plus', count: 1 },
    ]);
    expect(body.units.total).toBe(2);
    // equal overdue counts (3 each): the older oldest-overdue task comes first
    expect(body.units.items.map((u: { unitId: string }) => u.unitId)).toEqual([fx.unitB, fx.unitA]);
    expect(body.units.items[1]).toMatchObject({
      unitName: '看板测试镇',
      unitKind: 'township',
      findings: 2,
      tasks: 6,
      closed: 2,
      closedOnTime: 1,
      overdue: 3,
      maxOverdueDays: 45,
      returned: 2,
      reopened: 1,
      rectificationRate: 2 / 6,
    });
    expect(body.units.items[0]).toMatchObject({
      findings: 1,
      tasks: 5,
      closed: 1,
      closedOnTime: 0,
      maxOverdueDays: 165,
    });
  });

  it('moves with the clock: overdue is derived from today, not stored', async () => {
    h.clock.set(new Date('2026-06-25T04:00:00Z'));
    try {
      // a fresh session: ten days would outlast the cached one
      const office = await h.login('office');
      const body = (await office.get(`/api/rectification-progress?roundId=${fx.roundId}`)).json();
      // task 10 (due 07-01) is still not due; 1–7 days aged into 8–30, task 11 (90 days) into >90
      expect(body.totals.overdue).toBe(6);
      expect(body.ageing.map((a: { count: number }) => a.count)).toEqual([0, 3, 1, 2]);
    } finally {
      h.clock.set(new Date('2026-06-15T04:00:00Z'));
    }
  });

  it('sorts by rate and pages the units; the totals stay those of the whole filter', async () => {
    const office = await h.as('office');
    const res = await office.get(`/api/rectification-progress?roundId=${fx.roundId}&sort=-rate&pageSize=1&page=2`);
    const body = res.json();
    expect(body.units).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(body.units.items.map((u: { unitId: string }) => u.unitId)).toEqual([fx.unitB]);
    expect(body.totals.tasks).toBe(11);
    const beyond = (await office.get(`/api/rectification-progress?roundId=${fx.roundId}&page=9`)).json();
    expect(beyond.units.items).toEqual([]);
    expect(beyond.totals.tasks).toBe(11);
  });

  it('filters by unit kind', async () => {
    const body = (
      await (await h.as('office')).get(`/api/rectification-progress?roundId=${fx.roundId}&unitKind=school`)
    ).json();
    expect(body.totals).toMatchObject({ findings: 1, tasks: 5, overdue: 3 });
    expect(body.units.items.map((u: { unitId: string }) => u.unitId)).toEqual([fx.unitB]);
  });

  it("shows a unit liaison only the own unit's figures", async () => {
    const body = (await (await h.as('lianluo')).get('/api/rectification-progress')).json();
    expect(body.units.items.map((u: { unitId: string }) => u.unitId)).toEqual([h.demo.units.zhujian]);
    expect(body.totals.tasks).toBeGreaterThan(0);
    // a round of the own committee is visible, with nothing of the unit in it
    const round = (await (await h.as('lianluo')).get(`/api/rectification-progress?roundId=${fx.roundId}`)).json();
    expect(round.totals.tasks).toBe(0);
    expect(round.units.total).toBe(0);
  });

  it('answers 401 anonymous, 403 without rectification.read, 404 outside the scope', async () => {
    expect((await h.anonymous.get('/api/rectification-progress')).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get('/api/rectification-progress')).statusCode).toBe(403);
    const office = await h.as('office');
    for (const query of [
      `committeeId=${h.outsider.committeeId}`,
      `roundId=${h.outsider.roundId}`,
      'roundId=00000000-0000-4000-8000-000000000000',
      `committeeId=${h.outsider.committeeId}&roundId=${fx.roundId}`,
    ]) {
      const res = await office.get(`/api/rectification-progress?${query}`);
      expect(res.statusCode, query).toBe(404);
    }
    // the outsider's figures never leak into the office's totals
    const all = (await office.get('/api/rectification-progress?pageSize=100')).json();
    expect(all.units.items.map((u: { unitId: string }) => u.unitId)).not.toContain(h.outsider.unitId);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const office = await h.as('office');
    const before = await auditCount();
    for (const [query, message] of [
      ['sort=overdueDays', '排序方式不正确'],
      ['committeeId=abc', '编号格式不正确'],
      ['unitKind=bank', '单位类别不正确'],
      ['pageSize=500', '每页最多 100 条'],
    ] as const) {
      const res = await office.get(`/api/rectification-progress?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toContain(message);
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('GET /api/rectification-progress/tasks (drill-down)', () => {
  const ids = (body: { items: { id: string }[] }) => body.items.map((t) => t.id);
  it('lists the rows behind each figure', async () => {
    const office = await h.as('office');
    const get = async (q: string) =>
      (await office.get(`/api/rectification-progress/tasks?roundId=${fx.roundId}&${q}`)).json();
    const t = fx.taskIds;
    // the oldest due date first
    expect(ids(await get('kind=overdue&ageing=d31_90'))).toEqual([t[10], t[3]]);
    expect(ids(await get('kind=overdue&ageing=d90_plus'))).toEqual([t[6]]);
    expect((await get('kind=overdue')).total).toBe(6);
    expect(new Set(ids(await get('kind=returned')))).toEqual(new Set([t[1], t[3]]));
    expect(ids(await get('kind=reopened'))).toEqual([t[5]]);
    expect(new Set(ids(await get('kind=closed_late')))).toEqual(new Set([t[1], t[7]]));
    const unitA = await get(`kind=overdue&unitId=${fx.unitA}`);
    expect(unitA.total).toBe(3);
    expect(unitA.items[0]).toMatchObject({
      unitName: '看板测试镇',
      overdueDays: 45,
      returnedCount: 2,
      status: 'returned',
    });
  });

  it('keeps the scope: 401, 403, 404 and nothing of another committee', async () => {
    expect((await h.anonymous.get('/api/rectification-progress/tasks')).statusCode).toBe(401);
    expect((await (await h.as('zerenren')).get('/api/rectification-progress/tasks')).statusCode).toBe(403);
    const office = await h.as('office');
    expect(
      (await office.get(`/api/rectification-progress/tasks?committeeId=${h.outsider.committeeId}`)).statusCode,
    ).toBe(404);
    const other = (await office.get(`/api/rectification-progress/tasks?kind=open&unitId=${h.outsider.unitId}`)).json();
    expect(other.total).toBe(0);
    const bad = await office.get('/api/rectification-progress/tasks?ageing=d2_3');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('逾期时长分段不正确');
  });
});

describe('GET /api/rectification-progress/export', () => {
  it('exports every unit row of the filter in Chinese, audited', async () => {
    const office = await h.as('office');
    const before = await auditCount();
    const res = await office.get(`/api/rectification-progress/export?roundId=${fx.roundId}&sort=unitName`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
    });
    const header = rows[0] as string[];
    expect(rows).toHaveLength(3);
    const byName = rows.slice(1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
    const school = byName.find((r) => r.单位 === '看板测试中学');
    expect(school).toMatchObject({
      单位类别: '学校',
      任务数: '5',
      逾期: '3',
      '整改完成率(%)': '20',
      最长逾期天数: '165',
    });
    expect(await auditCount()).toBe(before + 1);
    expect(
      (await office.get(`/api/rectification-progress/export?committeeId=${h.outsider.committeeId}`)).statusCode,
    ).toBe(404);
    expect((await (await h.as('zerenren')).get('/api/rectification-progress/export')).statusCode).toBe(403);
  });
});

describe('GET /api/my-unit/rectification', () => {
  it("gives the liaison the own unit's case: findings with progress and due marks, counts as the dashboard's", async () => {
    const lianluo = await h.as('lianluo');
    const res = await lianluo.get('/api/my-unit/rectification');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.cases).toHaveLength(1);
    const own = body.cases[0];
    expect(own).toMatchObject({ unitId: h.demo.units.zhujian, inspectionId: h.demo.zhujianInspectionId });
    const tasks = own.findings.flatMap((f: { tasks: { id: string }[] }) => f.tasks);
    const overdue = tasks.find((t: { id: string }) => t.id === h.demo.tasks.overdue);
    expect(overdue).toMatchObject({ overdue: true, dueSoon: false });
    for (const f of own.findings) expect(f.total).toBe(f.tasks.length);
    const dashboard = (await lianluo.get('/api/rectification-progress')).json();
    expect(own.counts).toEqual(dashboard.totals);
  });

  it('is empty for the office (no unit of its own), 403 for a task owner, 401 anonymous', async () => {
    expect((await (await h.as('office')).get('/api/my-unit/rectification')).json().cases).toEqual([]);
    expect((await (await h.as('zerenren')).get('/api/my-unit/rectification')).statusCode).toBe(403);
    expect((await h.anonymous.get('/api/my-unit/rectification')).statusCode).toBe(401);
  });
});
