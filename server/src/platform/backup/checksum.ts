// SM3 digests of what goes into a backup, taken while the bytes stream past (no second read on
// backup), and of files already on disk (verification before a restore).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';

export interface Digest {
  sm3: string;
  bytes: number;
}

/** A pass-through stream that digests everything flowing through it. */
export function digesting(): { stream: Transform; result(): Digest } {
  const hash = createHash('sm3');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sm3: hash.digest('hex'), bytes }) };
}

export async function digestFile(file: string): Promise<Digest> {
  const hash = createHash('sm3');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sm3: hash.digest('hex'), bytes };
}

export function sm3Hex(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}
