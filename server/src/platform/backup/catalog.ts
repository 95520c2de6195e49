// What a backup covers, read from the database's own catalog so that tables added by later
// migrations are included without touching this code: every table of the current schema (the one
// the connection's search_path points at) except the migration ledger, which restore rebuilds by
// running the migrations, and live credentials: sessions and pending second-factor logins. A restored
// instance starts with everyone logged out, so a cookie stolen before the backup opens nothing after it.
import { sql } from 'kysely';
import type { Db } from '../db.ts';

export interface TableInfo {
  name: string;
  primaryKey: string[];
  /** Columns a restore writes: all but generated ones (the database recomputes those). */
  insertable: string[];
  /** Identity columns: loaded with OVERRIDING SYSTEM VALUE, their sequences moved past the data. */
  identity: string[];
  /** Other tables this one references by foreign key. */
  references: string[];
  /** Has a `stored_name` column: its rows name uploaded files that belong in the backup. */
  storesFiles: boolean;
}

/** The column naming an uploaded file (files.ts): evidence, attachments, reports, … */
export const FILE_COLUMN = 'stored_name';

export async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<TableInfo>`
    SELECT c.relname::text AS name,
      coalesce((SELECT array_agg(a.attname::text ORDER BY k.ord)
        FROM pg_constraint p
        CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE p.conrelid = c.oid AND p.contype = 'p'), '{}'::text[]) AS "primaryKey",
      coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''),
        '{}'::text[]) AS insertable,
      coalesce((SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity <> ''),
        '{}'::text[]) AS identity,
      coalesce((SELECT array_agg(DISTINCT f.relname::text) FROM pg_constraint p JOIN pg_class f ON f.oid = p.confrelid
        WHERE p.conrelid = c.oid AND p.contype = 'f' AND p.confrelid <> c.oid), '{}'::text[]) AS "references",
      EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ${FILE_COLUMN}
        AND NOT a.attisdropped) AS "storesFiles"
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      AND NOT c.relispartition AND c.relname NOT IN ('schema_migration', 'session', 'login_challenge')
    ORDER BY c.relname`.execute(db);
  return loadOrder(rows);
}

/**
 * Referenced tables first (Kahn's algorithm, ties by name so every backup lists tables alike).
 * A reference cycle cannot be ordered; its tables follow by name — the restore loads with
 * triggers (and so foreign-key checks) off, which is why order is a courtesy and not a necessity.
 */
export function loadOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const pending = new Map(tables.map((t) => [t.name, new Set(t.references.filter((r) => byName.has(r)))]));
  const ordered: TableInfo[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, refs]) => refs.size === 0).map(([name]) => name);
    const next = ready.length ? ready : [...pending.keys()];
    for (const name of next.sort()) {
      ordered.push(byName.get(name) as TableInfo);
      pending.delete(name);
    }
    for (const refs of pending.values()) for (const name of next) refs.delete(name);
  }
  return ordered;
}
