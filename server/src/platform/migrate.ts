// Numbered .sql migrations, applied in order, each in its own transaction, recorded in schema_migration.
// A landed migration is never edited: add the next number instead.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { chainPendingAuditEntries } from './audit-chain.ts';
import type { Database, Db } from './db.ts';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

export interface MigrationFile {
  version: number;
  name: string;
  file: string;
}

export async function listMigrations(): Promise<MigrationFile[]> {
  const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d{4}_.+\.sql$/.test(n)).sort();
  return names.map((name) => ({ version: Number(name.slice(0, 4)), name, file: path.join(MIGRATIONS_DIR, name) }));
}

/** `upTo`: stop after this version (a restore first rebuilds the schema its backup was taken from). */
export async function migrate(
  database: Database,
  options: { upTo?: number } = {},
): Promise<{ applied: string[]; version: number }> {
  await database.execScript(`CREATE TABLE IF NOT EXISTS schema_migration (
    version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set(
    (await database.db.selectFrom('schema_migration').select('version').execute()).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const migration of await listMigrations()) {
    if (options.upTo !== undefined && migration.version > options.upTo) break;
    if (done.has(migration.version)) continue;
    const script = await readFile(migration.file, 'utf8');
    // A multi-statement simple query runs as one implicit transaction on both engines, and the
    // version row is part of it: a failed migration leaves no trace.
    await database.execScript(
      `${script}\n;INSERT INTO schema_migration (version, name) VALUES (${migration.version}, '${migration.name}');`,
    );
    applied.push(migration.name);
  }
  const version = await currentVersionOf(database.db);
  // audit rows written before the hash chain (0015) are chained here, from Node: SQL has no SM3
  if (version >= 15) await chainPendingAuditEntries(database.db);
  return { applied, version };
}

export async function currentVersionOf(db: Db): Promise<number> {
  const row = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migration`.execute(db);
  return row.rows[0]?.v ?? 0;
}
