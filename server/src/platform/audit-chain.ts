// The SM3 hash chain over audit_entry (issue 8 §4): hash = SM3(prev_hash || canonical(entry)), genesis
// prev_hash = 64 zeros, entries chained in id order. Appending takes a transaction-scoped advisory lock,
// reads the head and takes the next id under it, so two transactions writing at once cannot fork the chain
// and id order is commit order. Reads of the head use a fresh statement after the lock: in READ COMMITTED
// (the default every use case runs in) each statement sees what the previous lock holder committed; in
// a REPEATABLE READ transaction the head could be stale, and the unique index on prev_hash (0015) then
// refuses the insert rather than let the chain fork.
//
// canonical(entry) — stable across drivers and PostgreSQL versions, computed from what the database
// returns (jsonb reorders keys and normalises numbers, so the JSON is re-serialised, not stored text):
//   canonicalJson(["xuncha-audit/1", id as decimal string, at, actor_id, actor_name, action, entity,
//                  entity_id, before, after, request_id, ip])
// where `at` is UTC with microseconds, 'YYYY-MM-DDTHH:MM:SS.ffffffZ' (formatted by SQL, AT_TEXT), and
// canonicalJson is JSON with object keys sorted by UTF-16 code units, no whitespace, ECMAScript number
// and string serialisation (the RFC 8785 JCS rules). Hash input: the 32 bytes of prev_hash, then the
// UTF-8 bytes of canonical(entry); both hashes are stored as lowercase hex.
import { createHash } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Tx } from './db.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock key serialising appends to the chain ("XCAH"). */
export const AUDIT_CHAIN_LOCK = 0x58434148;
/** The timestamp as hashed: fixed microsecond precision in UTC, independent of driver type parsers. */
export const AT_TEXT: RawBuilder<string> = sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One entry as the chain sees it; `id` as a number (int8 parser), `at` as AT_TEXT. */
export interface ChainEntry {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('审计内容含非有限数值，无法规范化');
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new Error(`审计内容含无法规范化的值（${typeof value}）`);
}

export function canonicalEntry(entry: ChainEntry): string {
  return canonicalJson([
    'xuncha-audit/1',
    String(entry.id),
    entry.at,
    entry.actor_id,
    entry.actor_name,
    entry.action,
    entry.entity,
    entry.entity_id,
    entry.before,
    entry.after,
    entry.request_id,
    entry.ip,
  ]);
}

export function chainHash(prevHash: string, entry: ChainEntry): string {
  return createHash('sm3').update(Buffer.from(prevHash, 'hex')).update(canonicalEntry(entry), 'utf8').digest('hex');
}

interface Head {
  next_id: number;
  now: string;
  head_id: number | null;
  head_hash: string | null;
}

async function lockChain(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(tx);
}

/** Under the lock: the last entry, the next id and the transaction's timestamp as hashed. */
async function readHead(tx: Tx): Promise<Head> {
  const result = await sql<Head>`
    SELECT nextval(pg_get_serial_sequence('audit_entry', 'id')) AS next_id,
           to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS now,
           h.id AS head_id, h.hash AS head_hash
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1) AS h ON true`.execute(tx);
  const head = result.rows[0];
  if (!head) throw new Error('无法读取审计链头');
  return head;
}

export type NewEntry = Omit<ChainEntry, 'id' | 'at'>;

/** JSON as jsonb will hand it back (undefined members dropped, Dates as strings): what gets hashed. */
const normalise = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Appends one entry to the chain inside `tx` (the caller's use-case transaction): lock, head, insert. */
export async function appendAuditEntry(tx: Tx, fields: NewEntry): Promise<void> {
  await lockChain(tx);
  let head = await readHead(tx);
  if (head.head_id !== null && head.head_hash === null) {
    // rows from before 0015 not chained yet (a write raced the post-migrate step): chain them first
    await chainPendingIn(tx, Number.POSITIVE_INFINITY);
    head = await readHead(tx);
  }
  const entry: ChainEntry = {
    ...fields,
    id: head.next_id,
    at: head.now,
    before: normalise(fields.before),
    after: normalise(fields.after),
  };
  const prevHash = head.head_hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, entry);
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const stored = await sql<{ before: unknown; after: unknown }>`
    INSERT INTO audit_entry (id, at, actor_id, actor_name, action, entity, entity_id, before, after,
                             request_id, ip, prev_hash, hash)
    OVERRIDING SYSTEM VALUE
    VALUES (${entry.id}, ${entry.at}::timestamptz, ${entry.actor_id}, ${entry.actor_name}, ${entry.action},
            ${entry.entity}, ${entry.entity_id}, ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb,
            ${entry.request_id}, ${entry.ip}, ${prevHash}, ${hash})
    RETURNING before, after`.execute(tx);
  // the hash was computed from the normalised values; make sure jsonb really stored those (it returns
  // what verify-audit will hash), or the chain would carry an entry that can never verify
  const row = stored.rows[0];
  if (
    !row ||
    canonicalJson(row.before) !== canonicalJson(entry.before) ||
    canonicalJson(row.after) !== canonicalJson(entry.after)
  ) {
    throw new Error('审计条目写入后与计算哈希时的内容不一致');
  }
}

/** Chains up to `limit` legacy rows (hash NULL, all older than any chained row) in id order. */
async function chainPendingIn(tx: Tx, limit: number): Promise<number> {
  const first = await tx
    .selectFrom('audit_entry')
    .select('id')
    .where('hash', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!first) return 0;
  await sql`SELECT set_config('xuncha.audit_chain_legacy', 'on', true)`.execute(tx);
  // pending rows are chained in id order, so everything below the first pending row is chained already
  const previous = await tx
    .selectFrom('audit_entry')
    .select('hash')
    .where('id', '<', first.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prevHash = previous?.hash ?? GENESIS_HASH;
  let done = 0;
  let after = first.id - 1;
  while (done < limit) {
    const rows = await pendingRows(tx, after, Math.min(1000, limit - done));
    if (rows.length === 0) break;
    after = rows.at(-1)?.id ?? after;
    const links = rows.map((row) => {
      const link = { id: row.id, prev: prevHash, hash: chainHash(prevHash, row) };
      prevHash = link.hash;
      return link;
    });
    await sql`
      UPDATE audit_entry AS a SET prev_hash = l.prev, hash = l.hash
      FROM unnest(${links.map((l) => l.id)}::bigint[], ${links.map((l) => l.prev)}::text[],
                  ${links.map((l) => l.hash)}::text[]) AS l(id, prev, hash)
      WHERE a.id = l.id AND a.hash IS NULL`.execute(tx);
    done += rows.length;
  }
  await sql`SELECT set_config('xuncha.audit_chain_legacy', 'off', true)`.execute(tx);
  return done;
}

/** Keyset over the primary key (and the partial index of unchained rows, 0015): no rescans of the log. */
function pendingRows(tx: Tx, after: number, limit: number): Promise<ChainEntry[]> {
  return selectChainEntries(tx).where('id', '>', after).where('hash', 'is', null).orderBy('id').limit(limit).execute();
}

/** Rows as the chain hashes them (also used by verification). */
export function selectChainEntries(db: Db | Tx) {
  return db
    .selectFrom('audit_entry')
    .select([
      'id',
      AT_TEXT.as('at'),
      'actor_id',
      'actor_name',
      'action',
      'entity',
      'entity_id',
      'before',
      'after',
      'request_id',
      'ip',
      'prev_hash',
      'hash',
    ]);
}

/**
 * Chains every row written before the chain existed, in short transactions of `batch` rows (each under
 * the chain lock, so it interleaves safely with live writes). Run after migrate(); a no-op afterwards.
 */
export async function chainPendingAuditEntries(db: Db, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const chained = await db.transaction().execute(async (tx) => {
      await lockChain(tx);
      return chainPendingIn(tx, batch);
    });
    total += chained;
    if (chained < batch) return total;
  }
}
