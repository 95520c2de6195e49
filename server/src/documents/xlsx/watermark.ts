// Watermark of exports that carry sensitive data (issue 8 §9: 线索处置台账, 了解情况台账): who exported
// and when, on screen (a banner above the header row) and on paper (every printed page's header and
// footer), so a leaked copy names its source.
import type ExcelJS from 'exceljs';
import type { Clock } from '../../platform/clock.ts';

export interface Watermark {
  /** The top banner row: 导出人：… 导出时间：… 内部资料 注意保密 */
  banner: string;
  /** Printed on every page (Excel header/footer codes: &L left, &C centre, &R right, &P page, &N pages). */
  oddHeader: string;
  oddFooter: string;
}

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** '2026-06-15 12:00:00' in Asia/Shanghai. */
export function exportTime(at: Date): string {
  const part = (type: string) => shanghaiTime.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

// `&` starts an Excel header/footer code: a user name containing one must not be read as a code.
const literal = (s: string) => s.replaceAll('&', '&&');

export function exportWatermark(user: { displayName: string; username: string }, clock: Clock): Watermark {
  const who = `${user.displayName}（${user.username}）`;
  const when = exportTime(clock.now());
  return {
    banner: `导出人：${who} 导出时间：${when} 内部资料 注意保密`,
    oddHeader: `&L${literal(`导出人：${who}`)}&R${literal(`导出时间：${when}`)}`,
    oddFooter: `&L内部资料 注意保密&C第 &P 页 共 &N 页&R${literal(who)}`,
  };
}

/**
 * Puts the watermark on a sheet whose first row holds the banner (the column headers start on row 2):
 * the banner spans every column, and the print header/footer repeats it on each page.
 */
export function applyWatermark(sheet: ExcelJS.Worksheet, watermark: Watermark, columnCount: number): void {
  sheet.headerFooter = { oddHeader: watermark.oddHeader, oddFooter: watermark.oddFooter };
  if (columnCount > 1) sheet.mergeCells(1, 1, 1, columnCount);
  const banner = sheet.getRow(1);
  banner.font = { bold: true, color: { argb: 'FFC00000' } };
  banner.height = 20;
}
