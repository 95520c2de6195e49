// Key rotation: re-seals every sealed value in the database with the keyring's current key. Sealed values
// live in text columns named *_sealed (a naming rule every module follows), found from the catalogue, so
// a new module's columns are rotated without being listed here. Each batch is one short transaction:
// read a keyset page of rows holding values of other keys, open and re-seal them, write each back only if
// it is unchanged (a concurrent edit wins and is picked up by the next run), and audit the batch. The
// server keeps serving throughout: its keyring holds the old and the new key, so it reads either.
// Resumable and idempotent: values already under the current key are never touched.
import { sql } from 'kysely';
import type { AuditActor } from '../audit.ts';
import { writeAudit } from '../audit.ts';
import type { Db } from '../db.ts';
import { type Keyring, open, seal, sealedKeyId } from './sealed.ts';

export interface SealedTable {
  table: string;
  /** The single-column primary key: keyset order and the row to write back. */
  key: string;
  keyType: string;
  columns: string[];
}

export interface RotationProgress {
  table: string;
  resealed: number;
  /** Values changed by someone else between read and write, left for the next run. */
  skipped: number;
}

export interface RotationOptions {
  actor: AuditActor;
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}

const KEY_TYPES = new Set(['uuid', 'int8', 'int4', 'text']);

export async function sealedTables(db: Db): Promise<SealedTable[]> {
  const result = await sql<{ table: string; column: string; key: string | null; key_type: string | null }>`
    SELECT c.table_name AS table, c.column_name AS column, pk.column_name AS key, pk.udt_name AS key_type
    FROM information_schema.columns AS c
    JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    LEFT JOIN LATERAL (
      SELECT max(k.column_name) AS column_name, max(kc.udt_name) AS udt_name, count(*) AS n
      FROM information_schema.table_constraints AS tc
      JOIN information_schema.key_column_usage AS k
        ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
      JOIN information_schema.columns AS kc
        ON kc.table_schema = k.table_schema AND kc.table_name = k.table_name AND kc.column_name = k.column_name
      WHERE tc.table_schema = c.table_schema AND tc.table_name = c.table_name AND tc.constraint_type = 'PRIMARY KEY'
    ) AS pk ON pk.n = 1
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.column_name LIKE '%\\_sealed' AND c.data_type = 'text'
    ORDER BY c.table_name, c.column_name`.execute(db);
  const tables = new Map<string, SealedTable>();
  for (const row of result.rows) {
    if (!row.key || !row.key_type || !KEY_TYPES.has(row.key_type)) {
      throw new Error(`表 ${row.table} 含密文列 ${row.column}，但没有单列主键，无法分批轮换`);
    }
    const entry = tables.get(row.table) ?? { table: row.table, key: row.key, keyType: row.key_type, columns: [] };
    entry.columns.push(row.column);
    tables.set(row.table, entry);
  }
  return [...tables.values()];
}

type Row = Record<string, string | number | null>;

/** One keyset page of rows with at least one value not under the current key. */
async function pageOf(db: Db, target: SealedTable, current: string, after: string | number | null, limit: number) {
  const stale = sql.join(
    target.columns.map((c) => sql`(${sql.ref(c)} IS NOT NULL AND split_part(${sql.ref(c)}, ':', 2) <> ${current})`),
    sql` OR `,
  );
  const key = sql.ref(target.key);
  const from = after === null ? sql`true` : sql`${key} > ${after}::${sql.raw(target.keyType)}`;
  const result = await sql<Row>`
    SELECT ${key} AS key, ${sql.join(target.columns.map((c) => sql.ref(c)))} FROM ${sql.table(target.table)}
    WHERE ${from} AND (${stale}) ORDER BY ${key} LIMIT ${limit}`.execute(db);
  return result.rows;
}

async function rotateBatch(db: Db, keyring: Keyring, target: SealedTable, rows: Row[], actor: AuditActor) {
  const current = keyring.current.id;
  return db.transaction().execute(async (tx) => {
    const from: Record<string, number> = {};
    let resealed = 0;
    let skipped = 0;
    for (const row of rows) {
      for (const column of target.columns) {
        const value = row[column];
        if (typeof value !== 'string' || sealedKeyId(value) === current) continue;
        const keyId = sealedKeyId(value) ?? '?';
        const result = await sql`
          UPDATE ${sql.table(target.table)} SET ${sql.ref(column)} = ${seal(keyring, open(keyring, value))}
          WHERE ${sql.ref(target.key)} = ${row.key}::${sql.raw(target.keyType)} AND ${sql.ref(column)} = ${value}`.execute(
          tx,
        );
        if (Number(result.numAffectedRows ?? 0) === 1) {
          resealed += 1;
          from[keyId] = (from[keyId] ?? 0) + 1;
        } else {
          skipped += 1;
        }
      }
    }
    await writeAudit(tx, actor, {
      action: 'crypto.rotate_key',
      entity: target.table,
      entityId: null,
      after: { to: current, resealed, skipped, from },
    });
    return { resealed, skipped };
  });
}

/** Re-seals every value of every *_sealed column under the current key; returns the totals per table. */
export async function rotateSealedValues(
  db: Db,
  keyring: Keyring,
  options: RotationOptions,
): Promise<RotationProgress[]> {
  const batchSize = options.batchSize ?? 500;
  const totals: RotationProgress[] = [];
  for (const target of await sealedTables(db)) {
    const progress: RotationProgress = { table: target.table, resealed: 0, skipped: 0 };
    let after: string | number | null = null;
    for (;;) {
      const rows = await pageOf(db, target, keyring.current.id, after, batchSize);
      if (rows.length === 0) break;
      const done = await rotateBatch(db, keyring, target, rows, options.actor);
      progress.resealed += done.resealed;
      progress.skipped += done.skipped;
      options.onProgress?.({ ...progress });
      after = rows.at(-1)?.key ?? null;
      if (rows.length < batchSize) break;
    }
    totals.push(progress);
  }
  return totals;
}
