// Line diff of two report versions (longest common subsequence). Reports are at most a few thousand
// lines, so the O(n·m) table is small; common leading and trailing lines are cut first, which leaves
// only the edited middle for the table in the usual case of a few changed paragraphs.
import type { DiffLine } from '@xuncha/contracts';

function lcsTable(a: string[], b: string[]): Uint32Array[] {
  // table[i][j] = LCS length of a[i..] and b[j..]
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = table[i] as Uint32Array;
    const below = table[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  return table;
}

function diffMiddle(a: string[], b: string[], fromOffset: number, toOffset: number): DiffLine[] {
  const table = lcsTable(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  const removed = () => out.push({ kind: 'removed', text: a[i] as string, fromLine: fromOffset + ++i, toLine: null });
  const added = () => out.push({ kind: 'added', text: b[j] as string, fromLine: null, toLine: toOffset + ++j });
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] as string, fromLine: fromOffset + i + 1, toLine: toOffset + j + 1 });
      i++;
      j++;
    } else if ((table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0)) removed();
    else added();
  }
  while (i < a.length) removed();
  while (j < b.length) added();
  return out;
}

const same = (text: string, fromLine: number, toLine: number): DiffLine => ({ kind: 'same', text, fromLine, toLine });

/** Every line of both texts in order, marked same / removed (only in `before`) / added (only in `after`). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const head = a.slice(0, start).map((text, k) => same(text, k + 1, k + 1));
  const middle = diffMiddle(a.slice(start, a.length - end), b.slice(start, b.length - end), start, start);
  const tail = a.slice(a.length - end).map((text, k) => same(text, a.length - end + k + 1, b.length - end + k + 1));
  return [...head, ...middle, ...tail];
}
