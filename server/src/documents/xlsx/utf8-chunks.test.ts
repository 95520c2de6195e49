import { describe, expect, it } from 'vitest';
import { utf8Chunks } from './utf8-chunks.ts';

async function* split(bytes: Buffer, at: number[]) {
  let from = 0;
  for (const to of [...at, bytes.length]) {
    yield bytes.subarray(from, to);
    from = to;
  }
}

describe('utf8Chunks', () => {
  it('never cuts a character in two, wherever the input chunks end', async () => {
    const text = '整改台账：城关镇东风村😀ok';
    const bytes = Buffer.from(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const chunks: Buffer[] = [];
      for await (const chunk of utf8Chunks(split(bytes, [cut]))) chunks.push(chunk);
      expect(chunks.map((c) => c.toString('utf8')).join('')).toBe(text);
    }
  });
});
