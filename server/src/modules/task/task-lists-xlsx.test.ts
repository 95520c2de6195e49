// .xlsx of the 三张清单: export, template, all-or-nothing import with a corpus of bad files, round trip.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const exportUrl = () => `/api/task-lists/export?inspectionId=${h.demo.zhujianInspectionId}`;
const importUrl = (id = h.demo.zhujianInspectionId) => `/api/inspections/${id}/lists/import`;
const upload = async (content: Buffer, user = 'lianluo', url = importUrl()) =>
  (await h.as(user)).request({ method: 'POST', url, ...multipart({}, { filename: '三张清单.xlsx', content }) });

async function load(body: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}
/** The exported workbook, to edit a cell and upload it again. */
async function exported(): Promise<ExcelJS.Workbook> {
  const res = await (await h.as('lianluo')).get(exportUrl());
  expect(res.statusCode).toBe(200);
  return load(res.rawPayload);
}
const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const ledger = async () =>
  (await (await h.as('lianluo')).get(`/api/inspections/${h.demo.zhujianInspectionId}/lists?pageSize=100`)).json().items;
/** Audit entries other than exports (which the test itself causes). */
const writes = async () =>
  (await h.database.db.selectFrom('audit_entry').select('id').where('action', '<>', 'task_lists.export').execute())
    .length;
const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as string[]).slice(1);
const column = (sheet: ExcelJS.Worksheet, name: string) => header(sheet).indexOf(name) + 1;

describe('export and template', () => {
  it('exports one row per task with labels, audited; the office may export committee-wide', async () => {
    const book = await exported();
    const sheet = book.getWorksheet('三张清单');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.rowCount).toBe(1 + 7);
    expect(sheet.getRow(2).getCell(column(sheet, '完成情况')).value).toBe('未完成');
    const all = await (await h.as('office')).get('/api/task-lists/export');
    expect(all.statusCode).toBe(200);
    const wide = (await load(all.rawPayload)).getWorksheet('三张清单');
    // every inspection of the committee the office can see, the 区住建局 one included
    expect(wide?.rowCount ?? 0).toBeGreaterThanOrEqual(8);
    const audits = await h.database.db
      .selectFrom('audit_entry')
      .select('id')
      .where('action', '=', 'task_lists.export')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('export: 401, 403, 404; template: dropdowns for 完成情况', async () => {
    expect((await h.anonymous.get(exportUrl())).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get(exportUrl())).statusCode).toBe(403);
    expect(
      (await (await h.as('office')).get(`/api/task-lists/export?inspectionId=${h.outsider.inspectionId}`)).statusCode,
    ).toBe(404);
    const res = await (await h.as('lianluo')).get('/api/task-lists/import-template');
    expect(res.statusCode).toBe(200);
    const sheet = (await load(res.rawPayload)).getWorksheet('三张清单');
    if (!sheet) throw new Error('template sheet missing');
    expect(header(sheet)).toContain('完成情况');
    const validation = sheet.getCell(2, column(sheet, '完成情况')).dataValidation;
    expect(validation?.type).toBe('list');
    expect((await (await h.as('office')).get('/api/task-lists/import-template')).statusCode).toBe(403);
  });
});

describe('import', () => {
  it('round trip: an unchanged export imports back with nothing changed', async () => {
    const before = await ledger();
    const res = await upload(await bytes(await exported()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 7, created: 0, updated: 0 });
    expect(await ledger()).toEqual(before);
  });

  it('updates a task by 序号, creates a new one and keeps formula-like text as text', async () => {
    const book = await exported();
    const sheet = book.getWorksheet('三张清单');
    if (!sheet) throw new Error('sheet missing');
    const openRow = (ledgerRows: { task: { id: string } | null }[]) =>
      ledgerRows.findIndex((r) => r.task?.id === h.demo.tasks.open) + 2;
    const row = openRow(await ledger());
    sheet.getRow(row).getCell(column(sheet, '责任部门')).value = '局办公室（导入）';
    const f4 = sheet.getRow(sheet.rowCount);
    expect(f4.getCell(column(sheet, '问题序号')).value).toBe(4);
    f4.getCell(column(sheet, '整改任务')).value = '=HYPERLINK("http://x")';
    f4.getCell(column(sheet, '整改措施')).value = '制定年度检查计划';
    f4.getCell(column(sheet, '责任领导')).value = '吴建国';
    f4.getCell(column(sheet, '责任部门')).value = '局办公室';
    f4.getCell(column(sheet, '责任人')).value = '冯伟';
    f4.getCell(column(sheet, '完成时限')).value = new Date(Date.UTC(2026, 7, 31));
    const res = await upload(await bytes(book));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 7, created: 1, updated: 1 });
    const rows = await ledger();
    expect(
      rows.find((r: { task: { id: string } | null }) => r.task?.id === h.demo.tasks.open).task.responsibleDepartment,
    ).toBe('局办公室（导入）');
    const created = rows.find((r: { findingSeq: number; task: unknown }) => r.findingSeq === 4 && r.task);
    expect(created.task).toMatchObject({ title: '=HYPERLINK("http://x")', seq: 1, ownerName: '冯伟', status: 'open' });
  });

  it('bad-file corpus: 400/422 with sheet, cell and Chinese reason; nothing written', async () => {
    const tasks = await countRows(h, 'task');
    const audits = await writes();

    const notXlsx = await upload(Buffer.from('序号,问题\n1,x'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().message).toMatch(/不是 Excel 工作簿/);

    const wrongSheet = new ExcelJS.Workbook();
    wrongSheet.addWorksheet('Sheet1').addRow(['a']);
    const ws = await upload(await bytes(wrongSheet));
    expect(ws.statusCode).toBe(422);
    expect(ws.json().details[0].message).toMatch(/找不到名为“三张清单”的工作表/);

    const book = await exported();
    const sheet = book.getWorksheet('三张清单');
    if (!sheet) throw new Error('sheet missing');
    const c = (name: string) => column(sheet, name);
    sheet.getRow(2).getCell(c('完成情况')).value = '差不多';
    sheet.getRow(2).getCell(c('完成时限')).value = '明天';
    sheet.getRow(3).getCell(c('问题序号')).value = null;
    sheet.getRow(4).getCell(c('整改措施')).value = { formula: '1+1', result: 2 };
    const types = await upload(await bytes(book));
    expect(types.statusCode).toBe(422);
    const paths = types.json().details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `三张清单!${sheet.getColumn(c('完成情况')).letter}2`,
        `三张清单!${sheet.getColumn(c('完成时限')).letter}2`,
        `三张清单!${sheet.getColumn(c('问题序号')).letter}3`,
        `三张清单!${sheet.getColumn(c('整改措施')).letter}4`,
      ]),
    );
    expect(types.json().details.find((d: { path: string }) => d.path.endsWith('4')).message).toMatch(/公式/);

    const rules = await exported();
    const rs = rules.getWorksheet('三张清单');
    if (!rs) throw new Error('sheet missing');
    const r = (name: string) => column(rs, name);
    rs.getRow(2).getCell(r('问题序号')).value = 99; // unknown finding
    rs.getRow(4).getCell(r('任务序号')).value = rs.getRow(3).getCell(r('任务序号')).value; // duplicate key
    rs.getRow(4).getCell(r('问题序号')).value = rs.getRow(3).getCell(r('问题序号')).value;
    rs.getRow(5).getCell(r('责任人')).value = '不存在的人';
    rs.getRow(6).getCell(r('整改任务')).value = null; // missing required
    const ruled = await upload(await bytes(rules));
    expect(ruled.statusCode).toBe(422);
    const messages = ruled
      .json()
      .details.map((d: { message: string }) => d.message)
      .join('\n');
    expect(messages).toMatch(/没有已反馈的第 99 号问题/);
    expect(messages).toMatch(/是同一项任务|不一致/);
    expect(messages).toMatch(/不是本单位人员/);
    expect(messages).toMatch(/“整改任务”为必填项/);

    expect(await countRows(h, 'task')).toBe(tasks);
    expect(await writes()).toBe(audits);
  });

  it('is 401 anonymous, 403 for the office, 404 out of scope, 413 over 10 MB', async () => {
    const file = await bytes(await exported());
    const anon = await h.anonymous.request({
      method: 'POST',
      url: importUrl(),
      ...multipart({}, { filename: 'a.xlsx', content: file }),
    });
    expect(anon.statusCode).toBe(401);
    expect((await upload(file, 'office')).statusCode).toBe(403);
    expect((await upload(file, 'lianluo', importUrl(h.outsider.inspectionId))).statusCode).toBe(404);
    const big = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(11 * 1024 * 1024)]);
    expect((await upload(big)).statusCode).toBe(413);
  });

  it('refuses to edit a closed task through the import (409 as a row error)', async () => {
    const book = await exported();
    const sheet = book.getWorksheet('三张清单');
    if (!sheet) throw new Error('sheet missing');
    const rows = await ledger();
    const closedRow = rows.findIndex((x: { task: { id: string } | null }) => x.task?.id === h.demo.tasks.closed) + 2;
    sheet.getRow(closedRow).getCell(column(sheet, '责任领导')).value = '另一位领导';
    const res = await upload(await bytes(book));
    expect(res.statusCode).toBe(422);
    expect(res.json().details).toEqual([expect.objectContaining({ message: '任务已销号，不能修改' })]);
  });
});
