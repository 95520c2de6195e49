// One imported cell → one typed value, or the Chinese reason it cannot be one.
import type ExcelJS from 'exceljs';
import { restoreNeutralised, type XlsxColumnType } from './columns.ts';

export interface ImportColumn {
  header: string;
  key: string;
  required?: boolean;
  type?: XlsxColumnType;
  /** Chinese label → stored code; any other text is refused (the template offers these as a dropdown). */
  labels?: Record<string, string>;
  /** In characters. */
  maxLength?: number;
  /** Template column width in characters; defaults to one that fits the header. */
  width?: number;
}

export type ImportValue = string | number | boolean | null;
export type CellResult = { ok: true; value: ImportValue } | { ok: false; reason: string };

const ok = (value: ImportValue): CellResult => ({ ok: true, value });
const fail = (reason: string): CellResult => ({ ok: false, reason });

// Days between Excel's epoch (1899-12-30) and 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

function isFormula(value: ExcelJS.CellValue): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** Text as the user sees it in the cell, for rich text and hyperlinks too. */
function plainText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return null;
}

function isoDay(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function dateOf(value: ExcelJS.CellValue, text: string): string | null {
  if (value instanceof Date) return isoDay(value);
  // a date typed into a cell without a date format arrives as its serial number
  if (typeof value === 'number') return isoDay(new Date(Math.round((value - EXCEL_EPOCH_OFFSET) * DAY_MS)));
  const match = DATE_TEXT.exec(text);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return isoDay(parsed) === iso ? iso : null;
}

function numberOf(value: ExcelJS.CellValue, text: string): number | null {
  if (typeof value === 'number') return value;
  const cleaned = text.replaceAll(',', '').replaceAll('，', '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

function typed(column: ImportColumn, value: ExcelJS.CellValue, text: string): CellResult {
  switch (column.type ?? 'text') {
    case 'date': {
      const date = dateOf(value, text);
      return date ? ok(date) : fail(`“${text}”不是有效日期，应为 YYYY-MM-DD`);
    }
    case 'number': {
      const n = numberOf(value, text);
      return n === null ? fail(`“${text}”不是数字`) : ok(n);
    }
    case 'money': {
      const n = numberOf(value, text);
      if (n === null) return fail(`“${text}”不是金额`);
      return Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? ok(n) : fail('金额最多保留两位小数');
    }
    case 'bool':
      if (value === true || text === '是') return ok(true);
      if (value === false || text === '否') return ok(false);
      return fail(`应填“是”或“否”，不能是“${text}”`);
    default:
      return ok(restoreNeutralised(text));
  }
}

/** Converts one cell for `column`; an empty optional cell becomes null. */
export function readCell(column: ImportColumn, value: ExcelJS.CellValue): CellResult {
  if (isFormula(value)) return fail('单元格含公式，请复制后“粘贴为数值”再导入');
  const raw = plainText(value);
  if (raw === null && value !== null && value !== undefined) return fail('无法识别的单元格内容');
  const text = (raw ?? '').trim();
  if (text === '') return column.required ? fail(`“${column.header}”为必填项`) : ok(null);
  if (column.labels) {
    const code = column.labels[text];
    if (code !== undefined) return ok(code);
    return fail(`“${text}”不是有效选项，可选：${Object.keys(column.labels).join('、')}`);
  }
  const result = typed(column, value, text);
  if (
    result.ok &&
    typeof result.value === 'string' &&
    column.maxLength &&
    [...result.value].length > column.maxLength
  ) {
    return fail(`不能超过 ${column.maxLength} 个字（当前 ${[...result.value].length} 个字）`);
  }
  return result;
}
