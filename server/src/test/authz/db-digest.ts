// A fingerprint of the whole database (row count and a digest per table) to prove that refused
// requests wrote nothing. One query per call: every table in one UNION ALL, so it stays cheap.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

/** Tables that grow as a side effect of any call (logins, sessions, audit of refusals): counts only. */
export const GROWING_TABLES = new Set([
  'audit_entry',
  'session',
  'login_attempt',
  'login_lock',
  'login_challenge',
  'recovery_code',
  'password_history',
]);

export interface TableState {
  rows: number;
  digest: string | null;
}

export async function databaseState(db: Db): Promise<Record<string, TableState>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows.map(({ name }) =>
    GROWING_TABLES.has(name)
      ? sql`select ${name} as name, count(*)::int as rows, null::text as digest from ${sql.table(name)}`
      : sql`select ${name} as name, count(*)::int as rows,
          md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.table(name)} t`,
  );
  const result = await sql<{ name: string; rows: number; digest: string | null }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.name, { rows: Number(r.rows), digest: r.digest }]));
}

/** The tables whose content changed, and growing tables that shrank (neither may happen). */
export function changedTables(before: Record<string, TableState>, after: Record<string, TableState>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => {
    const [b, a] = [before[name], after[name]];
    if (!b || !a) return true;
    if (GROWING_TABLES.has(name)) return a.rows < b.rows;
    return a.rows !== b.rows || a.digest !== b.digest;
  });
}
