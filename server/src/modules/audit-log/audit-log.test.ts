// 审计日志 through the API (安全审计员): filters, keyset pages, one entry's before/after, the watermarked
// export (itself audited), and the retention setting's floor (网络安全法: ≥ 6 months).
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit.ts';
import { loadConfig } from '../../platform/config.ts';
import { withTransaction } from '../../platform/db.ts';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
const probeId = crypto.randomUUID();
beforeAll(async () => {
  h = await createHarness();
  // five entries about one record, by one named actor
  for (let i = 0; i < 5; i++)
    await withTransaction(h.database.db, (tx) =>
      writeAudit(
        tx,
        { userId: null, userName: '审计探针', requestId: null, ip: '10.0.0.9' },
        { action: 'probe.touch', entity: 'probe', entityId: probeId, before: { n: i }, after: { n: i + 1 } },
      ),
    );
});
afterAll(() => h.close());

type Page = { items: { id: string; action: string; entityId: string }[]; nextCursor: string | null };
const list = async (query: string): Promise<Page> =>
  (await (await h.as('auditor')).get(`/api/audit-log?${query}`)).json();

describe('listing', () => {
  it('filters by action, entity, record and actor, newest first', async () => {
    const page = await list(`action=probe.touch&entity=probe&entityId=${probeId}&actor=审计探针`);
    expect(page.items).toHaveLength(5);
    const ids = page.items.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    expect(page.nextCursor).toBeNull();
    expect((await list('actor=无此人')).items).toHaveLength(0);
  });

  it('pages by keyset without gaps or repeats', async () => {
    const first = await list(`entityId=${probeId}&limit=2`);
    expect(first.items).toHaveLength(2);
    const second = await list(`entityId=${probeId}&limit=2&after=${first.nextCursor}`);
    const third = await list(`entityId=${probeId}&limit=2&after=${second.nextCursor}`);
    const all = [...first.items, ...second.items, ...third.items].map((e) => e.id);
    expect(new Set(all).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('filters by time range', async () => {
    const at = (await list(`entityId=${probeId}&limit=1`)).items[0] as unknown as { at: string };
    const from = new Date(Date.parse(at.at) - 1000).toISOString();
    const to = new Date(Date.parse(at.at) + 1000).toISOString();
    expect((await list(`entityId=${probeId}&from=${from}&to=${to}`)).items.length).toBeGreaterThan(0);
    expect((await list(`entityId=${probeId}&to=${from}`)).items).toHaveLength(0);
  });

  it('is 400 on a bad filter, 401 anonymous, 403 for everyone but the auditor', async () => {
    const auditor = await h.as('auditor');
    for (const q of ['from=yesterday', 'limit=1000', 'after=abc']) {
      const res = await auditor.get(`/api/audit-log?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await h.anonymous.get('/api/audit-log')).statusCode).toBe(401);
    for (const username of ['sysadmin', 'secadmin', 'office', 'leader'])
      expect((await (await h.as(username)).get('/api/audit-log')).statusCode, username).toBe(403);
  });
});

describe('one entry', () => {
  it('shows before and after, 404 when there is none', async () => {
    const [entry] = (await list(`entityId=${probeId}&limit=1`)).items;
    const res = await (await h.as('auditor')).get(`/api/audit-log/${entry?.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ actorName: '审计探针', ip: '10.0.0.9', before: { n: 4 }, after: { n: 5 } });
    expect((await (await h.as('auditor')).get('/api/audit-log/999999999')).statusCode).toBe(404);
    expect((await (await h.as('auditor')).get('/api/audit-log/x1')).statusCode).toBe(400);
    expect((await (await h.as('sysadmin')).get(`/api/audit-log/${entry?.id}`)).statusCode).toBe(403);
  });
});

describe('export', () => {
  it('exports the filtered log with a watermark, and audits the export', async () => {
    const res = await (await h.as('auditor')).get(`/api/audit-log/export?entityId=${probeId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toBe(
      '导出人：安全审计员（auditor） 导出时间：2026-06-15 12:00:00 内部资料 注意保密',
    );
    expect(sheet.headerFooter.oddHeader).toContain('导出人：安全审计员（auditor）');
    expect(sheet.getRow(2).getCell(4).value).toBe('操作');
    expect(sheet.rowCount).toBe(2 + 5);
    const audit = await h.database.db
      .selectFrom('audit_entry')
      .select(['after', 'actor_name'])
      .where('action', '=', 'audit.export')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_name: '安全审计员', after: { rows: 5 } });
  });
});

describe('retention setting', () => {
  const saved = process.env.AUDIT_RETENTION_MONTHS;
  afterEach(() => {
    if (saved === undefined) delete process.env.AUDIT_RETENTION_MONTHS;
    else process.env.AUDIT_RETENTION_MONTHS = saved;
  });

  it('defaults to 12 months, accepts 6 and refuses less with a clear message', () => {
    delete process.env.AUDIT_RETENTION_MONTHS;
    expect(loadConfig().auditRetentionMonths).toBe(12);
    process.env.AUDIT_RETENTION_MONTHS = '6';
    expect(loadConfig().auditRetentionMonths).toBe(6);
    process.env.AUDIT_RETENTION_MONTHS = '5';
    expect(() => loadConfig()).toThrow(
      'AUDIT_RETENTION_MONTHS 不能小于 6（网络安全法要求日志至少留存六个月），当前为 5',
    );
  });

  it('is reported with every page of the log', async () => {
    expect((await (await h.as('auditor')).get('/api/audit-log?limit=1')).json().retentionMonths).toBe(12);
  });
});
