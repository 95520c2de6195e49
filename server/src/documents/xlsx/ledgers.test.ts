// The six ledgers of DOMAIN §10 read back with exceljs: frozen header, widths, styled header, dates as
// date cells, exactly the list's rows, one audit entry each and refused without the permission; and
// the three import templates: dropdowns for every option column, date checks and a 填写说明 sheet.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadreImportSpec } from '../../modules/cadre/cadre.import.ts';
import { unitImportSpec } from '../../modules/org/unit-import.spec.ts';
import { LEDGER_IMPORT_SPEC } from '../../modules/task/task-lists.spec.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { HEADER_STYLE } from './columns.ts';
import type { ImportSpec } from './import.ts';
import { INSTRUCTIONS_SHEET, TEMPLATE_ROWS } from './template.ts';

let h: Harness;
let planId = '';
beforeAll(async () => {
  h = await createHarness();
  const plan = await (await h.as('office')).post('/api/term-plans', {
    committeeId: h.demo.committeeId,
    name: '十五届区委巡察工作规划',
    startDate: '2022-01-01',
    endDate: '2026-12-31',
  });
  planId = plan.json().id;
});
afterAll(() => h.close());

interface Ledger {
  name: string;
  export: () => string;
  /** the list endpoint whose `total` the export must match */
  list: () => string;
  entity: string;
  dates: string[];
  /** data rows of the list (the 三张清单 page counts findings, its rows are finding × task) */
  rows?: (list: { total: number; items: unknown[] }) => number;
  /** a user without the list's permission */
  refused: string;
}

const LEDGERS: Ledger[] = [
  {
    name: '三张清单',
    export: () => `/api/task-lists/export?inspectionId=${h.demo.zhujianInspectionId}`,
    list: () => `/api/inspections/${h.demo.zhujianInspectionId}/lists?pageSize=100`,
    entity: 'task_lists',
    rows: (list) => list.items.length,
    dates: ['完成时限'],
    refused: 'zuzhibu',
  },
  {
    name: '整改台账',
    export: () => '/api/tasks/export',
    list: () => '/api/tasks?pageSize=100',
    entity: 'task',
    dates: ['完成时限'],
    refused: 'zuzhibu',
  },
  {
    name: '成果运用台账',
    export: () => '/api/results-ledger/export',
    list: () => '/api/results-ledger?pageSize=100',
    entity: 'results',
    dates: ['反馈日期'],
    refused: 'zerenren',
  },
  {
    name: '线索处置台账',
    export: () => '/api/clues/export',
    list: () => '/api/clues?pageSize=100',
    entity: 'clue',
    dates: ['收到日期', '办结日期'],
    refused: 'zuyuan',
  },
  {
    name: '人才库名册',
    export: () => '/api/cadres/export',
    list: () => '/api/cadres?pageSize=100',
    entity: 'cadre',
    dates: [],
    refused: 'zerenren',
  },
  {
    name: '全覆盖进度表',
    export: () => `/api/term-plans/coverage/units/export?termPlanId=${planId}`,
    list: () => `/api/term-plans/${planId}/coverage/units?pageSize=100`,
    entity: 'term_plan',
    dates: ['最近巡察'],
    refused: 'lianluo',
  },
];

async function load(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  return book;
}

/**
 * The frozen row is the header: row 1, or row 2 under the banner of sensitive ledgers (watermark.ts).
 * The style checks below prove it is the header row.
 */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0];
  expect(view).toMatchObject({ state: 'frozen' });
  const top = view && 'ySplit' in view ? (view.ySplit ?? 0) : 0;
  expect([1, 2]).toContain(top);
  return top;
}

const exportsOf = async (entity: string) =>
  h.database.db.selectFrom('audit_entry').select('after').where('action', '=', `${entity}.export`).execute();

describe.each(LEDGERS)('$name export', (ledger) => {
  it('is formatted, has exactly the list rows and is audited once', async () => {
    const office = await h.as('office');
    const audits = (await exportsOf(ledger.entity)).length;
    const res = await office.get(ledger.export());
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(ledger.name);
    const sheet = (await load(res.rawPayload)).worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    expect(sheet.name).toBe(ledger.name);
    const top = headerRowOf(sheet);
    const headers = (sheet.getRow(top).values as unknown[]).slice(1).map(String);
    headers.forEach((header, i) => {
      const cell = sheet.getRow(top).getCell(i + 1);
      expect(cell.font?.bold, header).toBe(true);
      expect(cell.fill).toEqual(HEADER_STYLE.fill);
      // wide enough for the header: CJK characters count double
      expect(sheet.getColumn(i + 1).width ?? 0, header).toBeGreaterThanOrEqual(Math.min(header.length * 2, 10));
    });
    const list = (await office.get(ledger.list())).json();
    const dataRows = sheet.rowCount - top;
    expect(dataRows).toBe(ledger.rows ? ledger.rows(list) : list.total);
    for (const header of ledger.dates) {
      const column = headers.indexOf(header) + 1;
      expect(column, header).toBeGreaterThan(0);
      const cells = Array.from({ length: dataRows }, (_, i) => sheet.getRow(top + 1 + i).getCell(column));
      const filled = cells.filter((cell) => cell.value !== null);
      expect(filled.length, `${header} has dates`).toBeGreaterThan(0);
      for (const cell of filled) {
        expect(cell.type, header).toBe(ExcelJS.ValueType.Date);
        expect(cell.numFmt).toBe('yyyy-mm-dd');
      }
    }
    const entries = await exportsOf(ledger.entity);
    expect(entries).toHaveLength(audits + 1);
    const after = entries.at(-1)?.after;
    expect(typeof after === 'string' ? JSON.parse(after) : after).toMatchObject({ rows: dataRows });
  });

  it('is 401 anonymous and 403 without the list permission', async () => {
    expect((await h.anonymous.get(ledger.export())).statusCode).toBe(401);
    expect((await (await h.as(ledger.refused)).get(ledger.export())).statusCode).toBe(403);
  });
});

describe('线索处置台账 is exactly what each reader may read', () => {
  it.each(['office', 'zuzhang'])('%s: the export holds the codes of the list', async (username) => {
    const user = await h.as(username);
    const list = (await user.get('/api/clues?pageSize=100')).json();
    const sheet = (await load((await user.get('/api/clues/export')).rawPayload)).worksheets[0];
    if (!sheet) throw new Error('no worksheet');
    const codes: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > headerRowOf(sheet)) codes.push(row.getCell(1).value);
    });
    expect(codes.sort()).toEqual(list.items.map((c: { code: string }) => c.code).sort());
    // the disposition and handover result columns are there for those who may read the clues
    expect((sheet.getRow(headerRowOf(sheet)).values as unknown[]).slice(-4)).toEqual([
      '移交对象',
      '移交状态',
      '处置方式',
      '办结日期',
    ]);
  });
});

const TEMPLATES: { path: string; user: string; spec: ImportSpec }[] = [
  { path: '/api/task-lists/import-template', user: 'lianluo', spec: LEDGER_IMPORT_SPEC },
  { path: '/api/units/import-template', user: 'office', spec: unitImportSpec },
  { path: '/api/cadres/import-template', user: 'office', spec: cadreImportSpec },
];

describe.each(TEMPLATES)('$spec.sheetName import template', ({ path, user, spec }) => {
  it('has the headers, dropdowns for every option column, date checks and instructions', async () => {
    const res = await (await h.as(user)).get(path);
    expect(res.statusCode).toBe(200);
    const book = await load(res.rawPayload);
    const sheet = book.getWorksheet(spec.sheetName);
    if (!sheet) throw new Error('template sheet missing');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(spec.columns.map((c) => c.header));
    const options = book.getWorksheet('选项');
    spec.columns.forEach((column, i) => {
      const header = sheet.getRow(1).getCell(i + 1);
      expect(header.font?.bold).toBe(true);
      expect(sheet.getColumn(i + 1).width, column.header).toBeGreaterThanOrEqual(column.header.length * 2);
      const first = sheet.getRow(2).getCell(i + 1).dataValidation;
      const last = sheet.getRow(TEMPLATE_ROWS + 1).getCell(i + 1).dataValidation;
      const choices = column.labels ? Object.keys(column.labels) : column.type === 'bool' ? ['是', '否'] : null;
      if (choices) {
        expect(first?.type, column.header).toBe('list');
        expect(last).toEqual(first);
        const [, letter, from, to] =
          /^'选项'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(first?.formulae?.[0])) ?? [];
        const listed = [];
        for (let r = Number(from); r <= Number(to); r++) listed.push(options?.getCell(`${letter}${r}`).value);
        expect(listed, column.header).toEqual(choices);
      } else if (column.type === 'date') {
        expect(first).toMatchObject({ type: 'date', operator: 'greaterThan' });
        expect(sheet.getColumn(i + 1).numFmt).toBe('yyyy-mm-dd');
      } else {
        expect(first, column.header).toBeUndefined();
      }
    });
    const instructions = book.getWorksheet(INSTRUCTIONS_SHEET);
    const described = instructions?.getColumn(1).values.slice(2, 2 + spec.columns.length);
    expect(described).toEqual(spec.columns.map((c) => c.header));
  });
});
