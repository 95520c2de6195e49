// The bad-file corpus, for each ledger that has an import: every file is refused with a Chinese
// reason pointing at the sheet, row and column (or at the file), and NOTHING is written: the row
// counts of the ledger's tables and of the audit log are the same before and after.
// Formula-like text is not refused: it is stored as text and exported neutralised.
import { taskStatusLabel } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cadreImportSpec } from '../../modules/cadre/cadre.import.ts';
import { unitImportSpec } from '../../modules/org/unit-import.spec.ts';
import { LEDGER_IMPORT_SPEC } from '../../modules/task/task-lists.spec.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { brokenZip, randomFile, wordDocument, zipBomb } from './bad-files.ts';
import type { ImportSpec } from './import.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Cell = ExcelJS.CellValue;
interface Ledger {
  name: string;
  spec: ImportSpec;
  user: string;
  url: () => string;
  exportUrl: () => string;
  tables: string[];
  /** a file that imports: header and data rows from row 2 */
  base: () => Promise<ExcelJS.Workbook>;
  number: string;
  date: string | null;
  required: string;
  /** makes row 3 repeat row 2's key */
  duplicate: (sheet: ExcelJS.Worksheet) => void;
  /** a text column, where formula-like text goes */
  text: string;
  /** the row to put it in (one the user may edit); row 2 by default */
  textRow?: (sheet: ExcelJS.Worksheet) => number;
  /** makes the base rows new again (an import that only adds refuses people it already has) */
  renew?: (sheet: ExcelJS.Worksheet) => void;
}

const header = (sheet: ExcelJS.Worksheet, name: string) => {
  const at = (sheet.getRow(1).values as unknown[]).indexOf(name);
  if (at < 1) throw new Error(`no column ${name}`);
  return at;
};
const set = (sheet: ExcelJS.Worksheet, row: number, name: string, value: Cell) => {
  sheet.getRow(row).getCell(header(sheet, name)).value = value;
};
function fresh(spec: ImportSpec, rows: Record<string, Cell>[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(spec.sheetName);
  sheet.addRow(spec.columns.map((c) => c.header));
  for (const row of rows) sheet.addRow(spec.columns.map((c) => row[c.header] ?? null));
  return book;
}
const copyKey = (names: string[]) => (sheet: ExcelJS.Worksheet) => {
  for (const name of names) set(sheet, 3, name, sheet.getRow(2).getCell(header(sheet, name)).value);
};

let renewed = 0;
const LEDGERS: Ledger[] = [
  {
    name: '三张清单',
    spec: LEDGER_IMPORT_SPEC,
    user: 'lianluo',
    url: () => `/api/inspections/${h.demo.zhujianInspectionId}/lists/import`,
    exportUrl: () => `/api/task-lists/export?inspectionId=${h.demo.zhujianInspectionId}`,
    tables: ['task', 'finding', 'task_event'],
    async base() {
      const res = await (await h.as('lianluo')).get(this.exportUrl());
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return book;
    },
    number: '问题序号',
    date: '完成时限',
    required: '问题序号',
    // rows 2 and 3 are two tasks: give row 3 row 2's task (same 问题序号 and 任务序号)
    duplicate: copyKey(['问题序号', '任务序号', '完成情况', '是否常态化坚持', '是否集中整改期内完成', '是否重点关注']),
    text: '整改措施',
    textRow: (sheet) => {
      const status = header(sheet, '状态');
      let found = 0;
      sheet.eachRow((row, n) => {
        if (!found && row.getCell(status).value === taskStatusLabel.open) found = n;
      });
      return found;
    },
  },
  {
    name: '单位',
    spec: unitImportSpec,
    user: 'office',
    url: () => '/api/units/import',
    exportUrl: () => '/api/units/export',
    tables: ['org_unit', 'org_unit_event'],
    base: async () =>
      fresh(unitImportSpec, [
        { 单位代码: 'CORPUS-1', 单位名称: '区档案馆', 单位类别: '直属单位' },
        { 单位代码: 'CORPUS-2', 单位名称: '区地方志办', 单位类别: '直属单位', 社会关注度: 2 },
      ]),
    number: '社会关注度',
    date: '上次巡察日期（系统外）',
    required: '单位代码',
    duplicate: copyKey(['单位代码']),
    text: '主要负责人',
  },
  {
    name: '人才库名册',
    spec: cadreImportSpec,
    user: 'office',
    url: () => '/api/cadres/import',
    exportUrl: () => '/api/cadres/export',
    tables: ['cadre'],
    base: async () =>
      fresh(cadreImportSpec, [
        { 姓名: '蒋文', 性别: '男', 出生年份: 1985, 所在单位: '区财政局', 职务: '科员' },
        { 姓名: '沈丽', 性别: '女', 出生年份: 1990, 所在单位: '区审计局', 职务: '审计员', 专长: '审计' },
      ]),
    number: '出生年份',
    date: null,
    required: '姓名',
    duplicate: copyKey(['姓名', '所在单位']),
    text: '备注',
    renew: (sheet) => {
      renewed += 1;
      for (const row of [2, 3]) set(sheet, row, '姓名', `${sheet.getRow(row).getCell(1).value}${renewed}`);
    },
  },
];

const bytes = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());
const sheetOf = (book: ExcelJS.Workbook, ledger: Ledger) => {
  const sheet = book.getWorksheet(ledger.spec.sheetName);
  if (!sheet) throw new Error('sheet missing');
  return sheet;
};

async function counts(tables: string[]): Promise<number[]> {
  return Promise.all(
    [...tables, 'audit_entry'].map(async (table) => {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(h.database.db);
      return Number(rows[0]?.n);
    }),
  );
}

async function upload(ledger: Ledger, content: Buffer) {
  return (await h.as(ledger.user)).request({
    method: 'POST',
    url: ledger.url(),
    ...multipart({}, { filename: `${ledger.name}.xlsx`, content }),
  });
}

interface BadFile {
  case: string;
  file: (ledger: Ledger) => Promise<Buffer | null>;
  status: number;
  /** each error's path: `sheet!cell`, the sheet, or the uploaded file */
  path: RegExp | ((ledger: Ledger) => RegExp);
  message: RegExp;
}

/** Edits the ledger's valid file; null when the ledger has no such column. */
const edited = (edit: (sheet: ExcelJS.Worksheet, ledger: Ledger) => unknown) => async (ledger: Ledger) => {
  const book = await ledger.base();
  return edit(sheetOf(book, ledger), ledger) === false ? null : bytes(book);
};
const inSheet = (ledger: Ledger) => new RegExp(`^${ledger.spec.sheetName}![A-Z]*\\d+$`);

const BAD_FILES: BadFile[] = [
  {
    case: 'wrong sheet name',
    file: async (ledger) => {
      const book = await ledger.base();
      sheetOf(book, ledger).name = 'Sheet1';
      return bytes(book);
    },
    status: 422,
    path: (ledger) => new RegExp(`^${ledger.spec.sheetName}$`),
    message: /找不到名为“.+”的工作表（文件中的工作表为：Sheet1/,
  },
  {
    case: 'wrong header',
    file: edited((sheet, ledger) => {
      sheet.getRow(1).getCell(header(sheet, ledger.required)).value = '编号';
      return true;
    }),
    status: 422,
    path: inSheet,
    message: /第 1 行缺少表头/,
  },
  {
    case: 'text in a number column',
    file: edited((sheet, ledger) => set(sheet, 2, ledger.number, '三')),
    status: 422,
    path: inSheet,
    message: /“三”不是数字/,
  },
  {
    case: 'text in a date column',
    file: edited((sheet, ledger) => (ledger.date ? set(sheet, 2, ledger.date, '下个月底') : false)),
    status: 422,
    path: inSheet,
    message: /“下个月底”不是有效日期/,
  },
  {
    case: 'missing required',
    file: edited((sheet, ledger) => set(sheet, 3, ledger.required, null)),
    status: 422,
    path: inSheet,
    message: /为必填项/,
  },
  {
    case: 'duplicated key',
    file: edited((sheet, ledger) => ledger.duplicate(sheet)),
    status: 422,
    path: inSheet,
    message: /与第 2 行(重复|是同一项任务)/,
  },
  {
    case: 'a real formula cell',
    file: edited((sheet, ledger) => set(sheet, 2, ledger.text, { formula: 'HYPERLINK("http://x","y")', result: 'y' })),
    status: 422,
    path: inSheet,
    message: /含公式/,
  },
  {
    case: 'over 10 MB',
    file: async (ledger) => Buffer.concat([await bytes(await ledger.base()), Buffer.alloc(10 * 1024 * 1024)]),
    status: 413,
    path: /^$/,
    message: /不能超过 10 MB/,
  },
  { case: 'a .docx renamed', file: wordDocument, status: 400, path: /^file$/, message: /Word 文档/ },
  { case: 'random bytes', file: async () => randomFile(), status: 400, path: /^file$/, message: /不是 Excel 工作簿/ },
  { case: 'an empty file', file: async () => Buffer.alloc(0), status: 400, path: /^file$/, message: /不是 Excel/ },
  { case: 'a broken zip', file: async () => brokenZip(), status: 400, path: /^file$/, message: /已损坏/ },
  { case: 'a zip bomb', file: () => zipBomb(300, true), status: 400, path: /^file$/, message: /解压后过大/ },
  {
    case: 'a zip bomb lying about its size',
    file: () => zipBomb(300, false),
    status: 400,
    path: /^file$/,
    message: /解压后过大/,
  },
];

describe.each(LEDGERS)('$name import: bad-file corpus', (ledger) => {
  it('accepts the valid base file (the corpus below differs from it in one point)', async () => {
    const book = await ledger.base();
    const res = await upload(ledger, await bytes(book));
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(BAD_FILES)('$case → $status', async (bad) => {
    const file = await bad.file(ledger);
    if (!file) return; // this ledger has no such column
    await h.as(ledger.user);
    const before = await counts(ledger.tables);
    const res = await upload(ledger, file);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(bad.status);
    const body = res.json();
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    const details: { path: string; message: string }[] = body.details ?? [];
    const path = typeof bad.path === 'function' ? bad.path(ledger) : bad.path;
    if (bad.status === 413) expect(details).toEqual([]);
    else expect(details.length).toBeGreaterThan(0);
    for (const detail of details) expect(detail.path).toMatch(path);
    expect([body.message, ...details.map((d) => d.message)].join('\n')).toMatch(bad.message);
    expect(await counts(ledger.tables)).toEqual(before);
  });

  it.each([`=cmd|' /C calc'!A0`, '+1+1', '-2+3', '@SUM(1+1)'])(
    'formula-like text %s is kept as text and exported neutralised',
    async (text) => {
      const book = await ledger.base();
      const sheet = sheetOf(book, ledger);
      ledger.renew?.(sheet);
      set(sheet, ledger.textRow?.(sheet) ?? 2, ledger.text, text);
      const res = await upload(ledger, await bytes(book));
      expect(res.statusCode, res.body).toBe(200);
      const exported = new ExcelJS.Workbook();
      await exported.xlsx.load(
        (await (await h.as(ledger.user)).get(ledger.exportUrl())).rawPayload as unknown as ArrayBuffer,
      );
      const out = exported.worksheets[0];
      const cells: ExcelJS.Cell[] = [];
      out?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      expect(cells.some((cell) => cell.value === `'${text}`)).toBe(true);
      expect(cells.every((cell) => cell.type !== ExcelJS.ValueType.Formula)).toBe(true);
    },
  );
});
