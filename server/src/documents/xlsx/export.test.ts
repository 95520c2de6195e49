// .xlsx exports through the real HTTP API: same rows and scope as the list, real cell types,
// formula injection neutralised, audited, refused without login or permission.

import { TASK_SORTS } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../access/session-user.ts';
import { type TaskLedgerRow, taskExportBatch } from '../../modules/task/task.repository.ts';
import { loadGrants } from '../../platform/auth/session.repository.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { exportBatches } from './export.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function sheetOf(res: LightMyRequestResponse) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return sheet;
}

function columnValues(sheet: ExcelJS.Worksheet, column: number): unknown[] {
  const values: unknown[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(column).value);
  });
  return values;
}

describe('GET /api/tasks/export (整改台账)', () => {
  it('streams the ledger with headers, real dates, labels and a dated Chinese file name', async () => {
    const res = await (await h.as('office')).get('/api/tasks/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const expectedName = encodeURIComponent(`整改台账_${h.today.replaceAll('-', '')}.xlsx`);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${expectedName}`);
    const sheet = await sheetOf(res);
    expect(sheet.name).toBe('整改台账');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '单位',
      '问题',
      '任务',
      '整改措施',
      '责任领导',
      '责任部门',
      '责任人',
      '完成时限',
      '状态',
      '是否逾期',
    ]);
    sheet.getRow(1).eachCell((cell) => expect(cell.font?.bold).toBe(true));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:J1');

    const list = (await (await h.as('office')).get('/api/tasks?pageSize=100')).json();
    expect(sheet.rowCount - 1).toBe(list.total);
    const titles = columnValues(sheet, 3);
    expect(titles).toEqual(list.items.map((t: { title: string }) => t.title));
    const due = sheet.getRow(2).getCell(8);
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect((due.value as Date).toISOString().slice(0, 10)).toBe(list.items[0].dueDate);
    expect(columnValues(sheet, 9).every((s) => typeof s === 'string' && /[\u4e00-\u9fa5]/.test(s))).toBe(true);
    const overdue = columnValues(sheet, 10);
    expect(overdue.filter((v) => v === '是')).toHaveLength(
      list.items.filter((t: { overdue: boolean }) => t.overdue).length,
    );
  });

  it('applies the list filters and ignores paging', async () => {
    const office = await h.as('office');
    const res = await office.get('/api/tasks/export?status=submitted&page=3&pageSize=1000');
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res);
    expect(columnValues(sheet, 9)).toEqual(['待销号']);
  });

  it('exports only what the user may see', async () => {
    const own = await sheetOf(await (await h.as('zerenren2')).get('/api/tasks/export'));
    expect(columnValues(own, 7)).toEqual(['陈晨', '陈晨']);
    const office = await sheetOf(await (await h.as('office')).get('/api/tasks/export'));
    expect(columnValues(office, 3)).not.toContain('城西整改任务');
  });

  it('writes one audit entry with the filters and the row count', async () => {
    const before = await countRows(h, 'audit_entry');
    await (await h.as('office')).get('/api/tasks/export?overdue=true');
    expect(await countRows(h, 'audit_entry')).toBe(before + 1);
    const entry = await h.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity', 'after', 'actor_name'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'task.export', entity: 'task', actor_name: '王芳' });
    const after = typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after;
    expect(after).toEqual({ filters: { overdue: true, sort: 'dueDate' }, rows: 1 });
  });

  it('rejects bad filters with a Chinese message and exports nothing', async () => {
    const before = await countRows(h, 'audit_entry');
    const res = await (await h.as('office')).get('/api/tasks/export?overdue=maybe');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/应为 true 或 false/);
    expect(await countRows(h, 'audit_entry')).toBe(before);
  });

  it('requires login and the permission', async () => {
    expect((await h.anonymous.get('/api/tasks/export')).statusCode).toBe(401);
    expect((await (await h.as('auditor')).get('/api/tasks/export')).statusCode).toBe(403);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const office = await h.as('office');
    const created = await (await h.as('lianluo')).post(`/api/findings/${h.demo.findings.f4}/tasks`, {
      title: '=HYPERLINK("http://evil.example","点击")',
      measures: '+cmd|/c calc',
      responsibleLeader: '@吴建国',
      responsibleDepartment: '-政策法规科',
      ownerUserId: h.demo.users.zerenren2,
      dueDate: '2026-12-31',
    });
    expect(created.statusCode).toBe(200);
    const sheet = await sheetOf(await office.get('/api/tasks/export?q=HYPERLINK'));
    const row = sheet.getRow(2);
    expect(row.getCell(3).value).toBe('\'=HYPERLINK("http://evil.example","点击")');
    expect(row.getCell(4).value).toBe("'+cmd|/c calc");
    expect(row.getCell(5).value).toBe("'@吴建国");
    expect(row.getCell(6).value).toBe("'-政策法规科");
    sheet.eachRow((r) => {
      r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    });
  });
});

describe('keyset batches', () => {
  it('return the list order for every sort, across batch boundaries', async () => {
    const office = await h.as('office');
    const user: SessionUser = {
      id: h.demo.users.office as string,
      username: 'office',
      displayName: '王芳',
      committeeId: h.demo.committeeId,
      unitId: null,
      grants: await loadGrants(h.database.db, h.demo.users.office as string),
    };
    for (const sort of TASK_SORTS) {
      const list = (await office.get(`/api/tasks?pageSize=100&sort=${sort}`)).json();
      const ids: string[] = [];
      const batches = exportBatches<TaskLedgerRow>(
        ({ after, limit }) => taskExportBatch(h.database.db, user, { sort }, h.today, { after, limit }),
        2,
      );
      for await (const row of batches) ids.push(row.id);
      expect(ids, sort).toEqual(list.items.map((t: { id: string }) => t.id));
    }
  });
});

describe('GET /api/findings/export (问题清单)', () => {
  it('exports the findings the user may see, classification in Chinese', async () => {
    const res = await (await h.as('office')).get('/api/findings/export');
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res);
    const list = (await (await h.as('office')).get('/api/findings?pageSize=100')).json();
    // the list has no tie-break among findings created together: compare the sets
    expect(columnValues(sheet, 3).sort()).toEqual(list.items.map((f: { title: string }) => f.title).sort());
    expect(columnValues(sheet, 3)).not.toContain('城西机密问题');
    expect(
      columnValues(sheet, 5).every((v) =>
        ['党的领导', '党的建设', '全面从严治党', '党风廉政建设和反腐败'].includes(String(v)),
      ),
    ).toBe(true);
  });

  it('requires the permission', async () => {
    expect((await (await h.as('auditor')).get('/api/findings/export')).statusCode).toBe(403);
  });
});
