// All-or-nothing `.xlsx` imports: every row of the sheet is checked and every bad cell reported
// (sheet, column letter, row, Chinese reason) before anything may be written.
import { Readable } from 'node:stream';
import type { FieldError } from '@xuncha/contracts';
import ExcelJS from 'exceljs';
import { AppError, badRequest, payloadTooLarge } from '../../platform/errors.ts';
import { columnLetter } from './columns.ts';
import { type ImportColumn, type ImportValue, readCell } from './import-cells.ts';
import { decodeSafely } from './utf8-chunks.ts';
import { checkXlsxPackage } from './zip-check.ts';

export type { ImportColumn, ImportValue } from './import-cells.ts';

export interface ImportSpec {
  sheetName: string;
  columns: ImportColumn[];
  /** Keys whose combined values must not repeat within the file. */
  uniqueKey?: string[];
}

export type ImportRow = Record<string, ImportValue> & { rowNumber: number };

export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Enough to fix a file; a completely wrong file would otherwise produce one error per cell. */
const MAX_REPORTED_ERRORS = 500;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const importInvalid = (message: string, details: FieldError[]) =>
  new AppError(422, 'import_invalid', message, details);

async function toBuffer(input: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(input)) return input;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size > IMPORT_MAX_BYTES) throw payloadTooLarge('导入文件不能超过 10 MB，请分批导入');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function assertXlsx(file: Buffer) {
  if (file.length > IMPORT_MAX_BYTES) throw payloadTooLarge('导入文件不能超过 10 MB，请分批导入');
  if (!ZIP_MAGIC.every((byte, i) => file[i] === byte)) {
    throw badRequest('文件不是 Excel 工作簿（.xlsx）；旧版 .xls 或 CSV 文件请先另存为 .xlsx', [
      { path: 'file', message: '不是 .xlsx 文件' },
    ]);
  }
}

interface SheetHeader {
  /** key → 1-based column index */
  positions: Map<string, number>;
  errors: FieldError[];
}

function readHeader(row: ExcelJS.Row, spec: ImportSpec): SheetHeader {
  const found = new Map<string, number>();
  row.eachCell((cell, col) => {
    const text = String(cell.text ?? '').trim();
    if (text && !found.has(text)) found.set(text, col);
  });
  const positions = new Map<string, number>();
  const errors: FieldError[] = [];
  for (const column of spec.columns) {
    const at = found.get(column.header);
    if (at) positions.set(column.key, at);
    else errors.push({ path: `${spec.sheetName}!1`, message: `第 1 行缺少表头“${column.header}”` });
  }
  return { positions, errors };
}

class RowChecker {
  readonly rows: ImportRow[] = [];
  readonly errors: FieldError[] = [];
  private readonly seen = new Map<string, number>();
  private readonly spec: ImportSpec;
  private readonly positions: Map<string, number>;

  constructor(spec: ImportSpec, positions: Map<string, number>) {
    this.spec = spec;
    this.positions = positions;
  }

  private fail(key: string, rowNumber: number, message: string) {
    const letter = columnLetter(this.positions.get(key) ?? 1);
    this.errors.push({ path: `${this.spec.sheetName}!${letter}${rowNumber}`, message });
  }

  check(row: ExcelJS.Row) {
    if (!row.hasValues) return;
    const values: ImportRow = { rowNumber: row.number };
    let valid = true;
    for (const column of this.spec.columns) {
      const result = readCell(column, row.getCell(this.positions.get(column.key) ?? 0).value);
      if (result.ok) values[column.key] = result.value;
      else {
        valid = false;
        this.fail(column.key, row.number, `“${column.header}”：${result.reason}`);
      }
    }
    if (valid && this.isUnique(values)) this.rows.push(values);
  }

  private isUnique(values: ImportRow): boolean {
    const keys = this.spec.uniqueKey;
    if (!keys?.length) return true;
    const identity = JSON.stringify(keys.map((k) => values[k]));
    const earlier = this.seen.get(identity);
    if (earlier === undefined) {
      this.seen.set(identity, values.rowNumber);
      return true;
    }
    const headers = keys.map((k) => this.spec.columns.find((c) => c.key === k)?.header ?? k).join('、');
    this.fail(keys[0] ?? '', values.rowNumber, `与第 ${earlier} 行重复（${headers}不能相同）`);
    return false;
  }
}

async function readSheet(file: Buffer, spec: ImportSpec) {
  const reader = decodeSafely(
    new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    }),
  );
  const sheetNames: string[] = [];
  let checker: RowChecker | null = null;
  let headerErrors: FieldError[] = [];
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    sheetNames.push(name);
    const wanted = name === spec.sheetName;
    for await (const row of sheet) {
      if (!wanted || headerErrors.length) continue;
      if (!checker) {
        const header = readHeader(row, spec);
        headerErrors = header.errors;
        checker = new RowChecker(spec, header.positions);
      } else checker.check(row);
    }
  }
  return { sheetNames, checker, headerErrors };
}

function invalid(errors: FieldError[]): AppError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const more = errors.length > shown.length ? `，仅列出前 ${shown.length} 处` : '';
  return importInvalid(`导入文件有 ${errors.length} 处错误${more}，请修改后重新导入；本次未导入任何数据`, shown);
}

/** Validates the whole sheet; returns every row, or throws 422 listing every bad cell. */
export async function parseImport(input: Buffer | Readable, spec: ImportSpec): Promise<{ rows: ImportRow[] }> {
  const file = await toBuffer(input);
  assertXlsx(file);
  await checkXlsxPackage(file);
  let parsed: Awaited<ReturnType<typeof readSheet>>;
  try {
    parsed = await readSheet(file, spec);
  } catch {
    throw badRequest('文件已损坏或不是有效的 Excel 工作簿（.xlsx）', [{ path: 'file', message: '无法读取' }]);
  }
  const { sheetNames, checker, headerErrors } = parsed;
  if (!sheetNames.includes(spec.sheetName)) {
    const present = sheetNames.length ? `文件中的工作表为：${sheetNames.join('、')}` : '文件中没有工作表';
    throw invalid([
      { path: spec.sheetName, message: `找不到名为“${spec.sheetName}”的工作表（${present}），请使用导入模板` },
    ]);
  }
  if (headerErrors.length) throw invalid(headerErrors);
  if (!checker) throw invalid([{ path: `${spec.sheetName}!1`, message: '工作表是空的：第 1 行应为表头' }]);
  if (checker.errors.length) throw invalid(checker.errors);
  if (!checker.rows.length) throw invalid([{ path: `${spec.sheetName}!2`, message: '表头下没有任何数据行' }]);
  return { rows: checker.rows };
}
