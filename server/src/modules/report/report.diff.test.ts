// The line diff: exact output on small cases, and on random texts the two sides always rebuild the inputs
// with as many kept lines as a longest common subsequence has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from './report.diff.ts';

const rebuild = (lines: ReturnType<typeof diffLines>, side: 'before' | 'after') =>
  lines
    .filter((l) => l.kind === 'same' || l.kind === (side === 'before' ? 'removed' : 'added'))
    .map((l) => l.text)
    .join('\n');

function lcsLength(a: string[], b: string[]): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const saved = prev[j] as number;
      prev[j] = x === b[j - 1] ? diagonal + 1 : Math.max(prev[j] as number, prev[j - 1] as number);
      diagonal = saved;
    }
  }
  return prev[b.length] as number;
}

describe('diffLines', () => {
  it('marks an edited paragraph as removed then added, with line numbers on each side', () => {
    const before = '一、基本情况\n巡察组开展个别谈话 20 人次。\n二、主要问题';
    const after = '一、基本情况\n巡察组开展个别谈话 25 人次。\n召开座谈会 3 次。\n二、主要问题';
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: '一、基本情况', fromLine: 1, toLine: 1 },
      { kind: 'removed', text: '巡察组开展个别谈话 20 人次。', fromLine: 2, toLine: null },
      { kind: 'added', text: '巡察组开展个别谈话 25 人次。', fromLine: null, toLine: 2 },
      { kind: 'added', text: '召开座谈会 3 次。', fromLine: null, toLine: 3 },
      { kind: 'same', text: '二、主要问题', fromLine: 3, toLine: 4 },
    ]);
  });

  it('gives only same lines for identical texts, and all added for a text after an empty one', () => {
    expect(diffLines('甲\n乙', '甲\n乙').every((l) => l.kind === 'same')).toBe(true);
    expect(diffLines('', '甲\n乙').map((l) => l.kind)).toEqual(['removed', 'added', 'added']);
  });

  it('rebuilds both texts and keeps a longest common subsequence of lines (property)', () => {
    const text = fc.array(fc.constantFrom('甲', '乙', '丙', '丁', ''), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        expect(rebuild(lines, 'before')).toBe(before);
        expect(rebuild(lines, 'after')).toBe(after);
        const kept = lines.filter((l) => l.kind === 'same').length;
        expect(kept).toBe(lcsLength(before.split('\n'), after.split('\n')));
      }),
    );
  });
});
