// How one value of a list row becomes one spreadsheet cell: real dates, two-decimal money, 是/否,
// Chinese labels for codes, and text that can never run as a formula.
import type ExcelJS from 'exceljs';

export type XlsxColumnType = 'text' | 'date' | 'number' | 'money' | 'bool';

export interface XlsxColumn {
  header: string;
  /** The row property this column shows. */
  key: string;
  /** In characters; defaults to a width that fits the header. */
  width?: number;
  type?: XlsxColumnType;
  /** Code → Chinese label (statuses, taxonomy codes). */
  labels?: Record<string, string>;
}

export const DATE_FORMAT = 'yyyy-mm-dd';

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
/** The header row of every ledger and template: bold on grey, centred, wrapped, ruled — as printed 台账 look. */
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
};

/** Styles the header cells (only those: a row style would colour the whole row to column XFD). */
export function styleHeader(row: ExcelJS.Row, columnCount: number) {
  for (let i = 1; i <= columnCount; i++) row.getCell(i).style = HEADER_STYLE;
}
export const MONEY_FORMAT = '#,##0.00';
const DATE_STRING = /^(\d{4})-(\d{2})-(\d{2})$/;

// Spreadsheet programs treat these leading characters as the start of a formula (CSV/DDE injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a quote so text such as `=HYPERLINK(…)` stays text when the user edits or re-saves the cell. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula`, so an exported sheet imports back to exactly the original text. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** 'YYYY-MM-DD' → the UTC-midnight Date that exceljs stores as that calendar day's serial number. */
export function excelDate(value: string): Date | null {
  const match = DATE_STRING.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().startsWith(value) ? date : null;
}

function labelled(column: XlsxColumn, value: unknown): string {
  const code = String(value);
  return column.labels?.[code] ?? code;
}

function textOf(column: XlsxColumn, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => labelled(column, item)).join('、');
  return labelled(column, value);
}

/** The cell value for one row property; null leaves the cell empty. */
export function cellValue(column: XlsxColumn, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type ?? 'text') {
    case 'date':
      return (typeof value === 'string' && excelDate(value)) || neutraliseFormula(String(value));
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return value ? '是' : '否';
    default:
      return neutraliseFormula(textOf(column, value));
  }
}

export function numberFormat(type: XlsxColumnType | undefined): string | undefined {
  if (type === 'date') return DATE_FORMAT;
  if (type === 'money') return MONEY_FORMAT;
  return undefined;
}

/** A width that fits the header: CJK characters are about two Latin characters wide. */
export function defaultWidth(column: XlsxColumn): number {
  if (column.width) return column.width;
  const headerWidth = [...column.header].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
  return Math.max(headerWidth + 4, column.type === 'date' ? 12 : 10);
}

/** 1 → A, 27 → AA: column letters for error locations and autofilter ranges. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Excel forbids []:*?/\ in sheet names and cuts them at 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}
