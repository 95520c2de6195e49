// 整改不实预警: the rules against the hand-worked fixture (signal.fixtures.ts: which task each rule flags, with
// the boundaries exactly N / one outside), the summary, filters, export, the office's decision (409 twice),
// re-scans (cleared, reopened by a new rule) and scope (401 / 403 / 404) and bad input.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ABSENT } from '../../test/authz/resolvers.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type SignalFixture, seedSignalFixture } from './signal.fixtures.ts';

let h: Harness;
let fx: SignalFixture;
beforeAll(async () => {
  h = await createHarness();
  fx = await seedSignalFixture(h);
  const res = await (await h.as('office')).post('/api/rectification-signals/scan', {});
  expect(res.statusCode).toBe(200);
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

interface Row {
  taskId: string;
  kinds: string[];
  reasons: string[];
  status: string;
  canHandle: boolean;
}
const keyOf = (taskId: string) => Object.entries(fx.tasks).find(([, id]) => id === taskId)?.[0];
async function list(query: string, user = 'office'): Promise<{ total: number; items: Row[] }> {
  const res = await (await h.as(user)).get(`/api/rectification-signals?roundId=${fx.roundId}&pageSize=100&${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}
const reasonsOf = (rows: Row[], key: string) => rows.find((r) => r.taskId === fx.tasks[key])?.reasons;

describe('the rules on the fixture', () => {
  it('flags exactly the tasks worked out by hand, with their kinds', async () => {
    const { total, items } = await list('sort=unitName');
    expect(total).toBe(16);
    const flagged = Object.fromEntries(items.map((r) => [keyOf(r.taskId), r.kinds]));
    const bulk = ['bulk_close'];
    const thin = ['thin_evidence'];
    expect(flagged).toEqual({
      A1: bulk,
      A2: bulk,
      A3: bulk,
      A4: bulk,
      A5: bulk,
      B1: thin,
      B2: thin,
      B5: thin,
      B6: thin,
      B7: thin,
      B9: thin,
      B10: ['rebound'],
      B11: ['rebound'],
      C1: bulk,
      C2: bulk,
      C3: bulk,
    });
  });

  it('says why in words', async () => {
    const { items } = await list('');
    // A: 5 closed on 04-30; the period ends 03-01 + 2 months = 05-01, one day later; A has 12 tasks
    expect(reasonsOf(items, 'A1')).toEqual([
      '突击销号：2026 年 4 月 30 日一天内销号 5 项（该单位共 12 项整改任务），距集中整改期结束（2026 年 5 月 1 日）1 天',
    ]);
    // C: 3 of 4 tasks on 06-08, due 06-10 (the period ended 05-01, long before)
    expect(reasonsOf(items, 'C1')).toEqual([
      '突击销号：2026 年 6 月 8 日一天内销号 3 项（该单位共 4 项整改任务），距完成时限（2026 年 6 月 10 日）2 天',
    ]);
    expect(reasonsOf(items, 'B1')).toEqual(['佐证单薄：无任何佐证材料即销号']);
    // 50 KB + 100 KB = 150 KB
    expect(reasonsOf(items, 'B2')).toEqual([
      '佐证单薄：仅 2 个文件、合计 150 KB（不足 200 KB），无制度、资金或人员处理记录',
    ]);
    expect(reasonsOf(items, 'B5')).toEqual(['佐证单薄：问题属“制度缺失”，佐证中没有制度文件']);
    expect(reasonsOf(items, 'B6')).toEqual(['佐证单薄：问题涉及廉洁纪律，佐证中没有挽回资金或人员处理记录']);
    // created 03-05, 申请销号 05-09: 26 + 30 + 9 = 65 days
    expect(reasonsOf(items, 'B7')).toEqual(['佐证单薄：整改历时 65 天，佐证全部在申请销号前 30 分钟内集中上传']);
    expect(reasonsOf(items, 'B10')).toEqual(['回访反弹：销号后被重新打开整改 1 次']);
    expect(reasonsOf(items, 'B11')).toEqual(['回访反弹：2026 年 6 月 1 日回访发现反弹（台账又出现白条报销）']);
  });

  it('counts per kind and per unit', async () => {
    const res = await (await h.as('leader')).get(`/api/rectification-signals/summary?roundId=${fx.roundId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({
      total: 16,
      thinEvidence: 6,
      bulkClose: 8,
      rebound: 2,
      open: 16,
      confirmed: 0,
      dismissed: 0,
    });
    expect(body.units.total).toBe(3);
    expect(body.units.items.map((u: { unitName: string; total: number }) => [u.unitName, u.total])).toEqual([
      ['预警测试中学', 8],
      ['预警测试镇', 5],
      ['预警测试医院', 3],
    ]);
    expect(body.lastScan).toMatchObject({ scannedByName: expect.any(String) });
    expect(body.canScan).toBe(false);
  });

  it('filters by kind, unit kind and unit', async () => {
    expect((await list('kind=bulk_close')).total).toBe(8);
    expect((await list('kind=thin_evidence&unitKind=school')).total).toBe(6);
    expect((await list(`unitId=${fx.units.c}`)).total).toBe(3);
    expect((await list('unitKind=village')).total).toBe(0);
  });
});

describe('the office decides', () => {
  it('confirms once, then 409; audited; the leader may not (403)', async () => {
    const office = await h.as('office');
    const before = await auditCount();
    const url = `/api/rectification-signals/${fx.tasks.B1}/handle`;
    const res = await office.post(url, { decision: 'confirmed', note: '现场核查无佐证，转督办' });
    expect(res.statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    const again = await office.post(url, { decision: 'dismissed', note: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('该预警已处理过，不能重复处理');
    expect((await (await h.as('leader')).post(url, { decision: 'dismissed', note: '不行' })).statusCode).toBe(403);
    const row = (await list('status=confirmed')).items;
    expect(row.map((r) => keyOf(r.taskId))).toEqual(['B1']);
    expect(row[0]?.canHandle).toBe(false);
  });

  it('refuses bad input with a Chinese message and writes nothing', async () => {
    const office = await h.as('office');
    const before = await auditCount();
    const res = await office.post(`/api/rectification-signals/${fx.tasks.B2}/handle`, {
      decision: 'confirmed',
      note: ' ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/核实情况说明/);
    expect(
      (await office.post(`/api/rectification-signals/${fx.tasks.B2}/handle`, { decision: 'x', note: '说明' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await office.post('/api/rectification-signals/not-an-id/handle', { decision: 'confirmed', note: '说明' }))
        .statusCode,
    ).toBe(400);
    expect((await office.get('/api/rectification-signals?pageSize=500')).statusCode).toBe(400);
    expect((await office.get('/api/rectification-signals?kind=foo')).statusCode).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await list('status=open')).items.find((r) => r.taskId === fx.tasks.B2)?.status).toBe('open');
  });

  it('is 401 without login, 403 for the unit and team, 404 out of scope', async () => {
    expect((await h.anonymous.get('/api/rectification-signals')).statusCode).toBe(401);
    expect((await h.anonymous.post('/api/rectification-signals/scan', {})).statusCode).toBe(401);
    for (const user of ['danwei', 'zuyuan', 'lianluo']) {
      expect((await (await h.as(user)).get('/api/rectification-signals')).statusCode).toBe(403);
      expect((await (await h.as(user)).get('/api/rectification-signals/summary')).statusCode).toBe(403);
    }
    const office = await h.as('office');
    expect((await office.get(`/api/rectification-signals?committeeId=${h.outsider.committeeId}`)).statusCode).toBe(404);
    expect((await office.get(`/api/rectification-signals/summary?roundId=${h.outsider.roundId}`)).statusCode).toBe(404);
    expect(
      (await office.post('/api/rectification-signals/scan', { committeeId: h.outsider.committeeId })).statusCode,
    ).toBe(404);
    for (const id of [h.outsider.taskId, ABSENT])
      expect(
        (await office.post(`/api/rectification-signals/${id}/handle`, { decision: 'dismissed', note: '说明' }))
          .statusCode,
      ).toBe(404);
    const ids = (await list('')).items.map((r) => r.taskId);
    expect(ids).not.toContain(h.outsider.taskId);
  });
});

describe('re-scan', () => {
  it('clears what no longer matches, keeps decisions, reopens on a new rule', async () => {
    const db = h.database.db;
    const owner = h.demo.users.zerenren as string;
    // B9 gets a 制度 record: no longer thin
    await db
      .insertInto('evidence')
      .values({ task_id: fx.tasks.B9 as string, kind: 'institution', description: '制度', uploaded_by: owner })
      .execute();
    // B1 (confirmed as thin) is reopened after a 回访: a rule the office has not seen → 待核实 again
    await db
      .updateTable('task')
      .set({ reopened_count: 1 })
      .where('id', '=', fx.tasks.B1 as string)
      .execute();
    const office = await h.as('office');
    expect((await office.post('/api/rectification-signals/scan', {})).statusCode).toBe(200);
    expect((await list('status=cleared')).items.map((r) => keyOf(r.taskId))).toEqual(['B9']);
    expect((await list('')).total).toBe(15);
    const b1 = (await list('')).items.find((r) => r.taskId === fx.tasks.B1);
    expect(b1).toMatchObject({ status: 'open', kinds: ['thin_evidence', 'rebound'] });
    const res = await office.post(`/api/rectification-signals/${fx.tasks.B9}/handle`, {
      decision: 'confirmed',
      note: '说明',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该预警已自动消除，无需处理');
    expect((await (await h.as('leader')).post('/api/rectification-signals/scan', {})).statusCode).toBe(403);
  });
});

describe('GET /api/rectification-signals/export', () => {
  it('exports the filtered signals with reasons in words, audited', async () => {
    const office = await h.as('office');
    const before = await auditCount();
    const res = await office.get(
      `/api/rectification-signals/export?roundId=${fx.roundId}&kind=bulk_close&sort=unitName`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')));
    });
    const header = rows[0] as string[];
    expect(rows).toHaveLength(9);
    const byUnit = rows.slice(1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i]])));
    const first = byUnit.find((r) => r.单位 === '预警测试镇') ?? {};
    expect(first).toMatchObject({
      单位: '预警测试镇',
      单位类别: '乡镇/街道',
      预警类型: '突击销号',
      处理状态: '待核实',
    });
    expect(first.预警理由).toMatch(/一天内销号 5 项/);
    expect(await auditCount()).toBe(before + 1);
    expect(
      (await office.get(`/api/rectification-signals/export?committeeId=${h.outsider.committeeId}`)).statusCode,
    ).toBe(404);
    expect((await (await h.as('danwei')).get('/api/rectification-signals/export')).statusCode).toBe(403);
  });
});
