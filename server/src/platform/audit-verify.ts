// Verification of the audit hash chain (audit-chain.ts): streams audit_entry in id order in keyset
// batches, recomputes every hash and checks every link, and reports the FIRST broken link with its kind:
//   edited     the entry's content (or stored hash) no longer matches its hash, its link is intact;
//   deleted    the entry is intact but its prev_hash is not the previous entry's hash (entries missing
//              before it, or one slipped in);
//   reordered  the entry's content and links belong elsewhere in the chain (rows or ids swapped);
//   unchained  the entry has no hash at all (written around the chain).
// After a break it resynchronises on the stored hash and keeps counting, so `broken` counts all entries
// that fail. The chain cannot show entries cut off the END of the log: compare `head` with a value noted
// earlier (the auditor records it after each verification).
import type { AuditChainBreak, AuditChainReport } from '@xuncha/contracts';
import { sql } from 'kysely';
import { type ChainEntry, chainHash, GENESIS_HASH, selectChainEntries } from './audit-chain.ts';
import type { Db } from './db.ts';

export interface VerifyOptions {
  batchSize?: number;
  onProgress?: (checked: number) => void;
}

type Row = ChainEntry & { prev_hash: string | null; hash: string | null };

/** The id an entry's content was hashed under, when it has been moved: the row before its old successor. */
async function originalIdOf(db: Db, row: Row): Promise<number | null> {
  if (!row.hash) return null;
  const found = await sql<{ id: number | null }>`
    SELECT (SELECT max(p.id) FROM audit_entry AS p WHERE p.id < s.id) AS id
    FROM audit_entry AS s WHERE s.prev_hash = ${row.hash} LIMIT 1`.execute(db);
  const id = found.rows[0]?.id ?? null;
  return id !== null && id !== row.id && row.prev_hash && chainHash(row.prev_hash, { ...row, id }) === row.hash
    ? id
    : null;
}

async function classify(db: Db, row: Row, expectedPrev: string, recomputed: string | null): Promise<AuditChainBreak> {
  const base = { id: row.id, expectedPrevHash: expectedPrev, storedPrevHash: row.prev_hash, storedHash: row.hash };
  if (recomputed === null) return { ...base, kind: 'unchained', computedHash: null, movedFromId: null };
  if (recomputed === row.hash) return { ...base, kind: 'deleted', computedHash: recomputed, movedFromId: null };
  const movedFromId = row.prev_hash === expectedPrev ? null : await originalIdOf(db, row);
  return { ...base, kind: movedFromId === null ? 'edited' : 'reordered', computedHash: recomputed, movedFromId };
}

export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 5000;
  const started = performance.now();
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let broken = 0;
  let firstBreak: AuditChainBreak | null = null;
  let head: AuditChainReport['head'] = null;
  const page = (after: number): Promise<Row[]> =>
    selectChainEntries(db).where('id', '>', after).orderBy('id').limit(batchSize).execute();
  // the next page is fetched while this one is hashed: the database and the hashing overlap
  let next: Promise<Row[]> | null = page(0);
  while (next) {
    const rows: Row[] = await next;
    const last = rows.at(-1);
    if (!last) break;
    next = rows.length === batchSize ? page(last.id) : null;
    for (const row of rows) {
      const recomputed = row.prev_hash && row.hash ? chainHash(row.prev_hash, row) : null;
      if (recomputed === null || recomputed !== row.hash || row.prev_hash !== expectedPrev) {
        broken += 1;
        firstBreak ??= await classify(db, row, expectedPrev, recomputed);
      }
      expectedPrev = row.hash ?? expectedPrev;
      head = { id: row.id, hash: row.hash };
    }
    checked += rows.length;
    options.onProgress?.(checked);
  }
  return {
    ok: broken === 0,
    checked,
    broken,
    firstBreak,
    head,
    elapsedMs: Math.round(performance.now() - started),
  };
}
