// 粘贴导入: cells copied from Excel arrive as TSV — tabs between cells, line breaks between rows, and a
// cell holding a tab, line break or quote wrapped in quotes ("" for a quote). Pure functions, no React.
import type { LedgerPastedRow } from '@xuncha/contracts';

export type PastedKey = keyof LedgerPastedRow;

/** The pasted columns, in the order the grid documents them. */
export const PASTE_COLUMNS: { key: PastedKey; header: string }[] = [
  { key: 'findingSeq', header: '问题序号' },
  { key: 'title', header: '整改任务' },
  { key: 'measures', header: '整改措施' },
  { key: 'responsibleLeader', header: '责任领导' },
  { key: 'responsibleDepartment', header: '责任部门' },
  { key: 'ownerName', header: '责任人' },
  { key: 'dueDate', header: '完成时限' },
  { key: 'longTerm', header: '长期坚持' },
];

export function parseTsv(text: string): string[][] {
  const t = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < t.length; i += 1) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * Rows to send. With a header line (e.g. copied together with the template's or the export's header),
 * columns are found by name and any other column is ignored; without one they are taken in order.
 */
export function pastedRows(text: string): { rows: LedgerPastedRow[]; headerFound: boolean; extraColumns: boolean } {
  const lines = parseTsv(text);
  const first = (lines[0] ?? []).map((c) => c.trim());
  const headerFound = first.includes('问题序号') && first.includes('整改任务');
  const positions = PASTE_COLUMNS.map((c, i) => (headerFound ? first.indexOf(c.header) : i));
  const body = headerFound ? lines.slice(1) : lines;
  const rows = body.map(
    (cells) =>
      Object.fromEntries(
        PASTE_COLUMNS.map((c, i) => {
          const at = positions[i] ?? -1;
          return [c.key, at >= 0 ? (cells[at] ?? '').trim() : ''];
        }),
      ) as LedgerPastedRow,
  );
  const extraColumns = !headerFound && body.some((cells) => cells.length > PASTE_COLUMNS.length);
  return { rows, headerFound, extraColumns };
}

/** `rows.3.dueDate` → row 3, column dueDate; null for an error about the whole request. */
export function rowErrorOf(path: string): { index: number; key: string } | null {
  const match = /^rows\.(\d+)(?:\.(\w+))?$/.exec(path);
  return match ? { index: Number(match[1]), key: match[2] ?? '' } : null;
}
