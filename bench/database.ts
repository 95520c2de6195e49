// The benchmark's own database, chosen like the app chooses (DATABASE_URL → PostgreSQL, else PGlite),
// but never the app's ./data: a fresh temp dir for PGlite, a fresh schema `bench_<random>` on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db.ts';
import { migrate } from '../server/src/platform/migrate.ts';

export interface BenchDatabase {
  database: Database;
  /** Where uploaded files would go; a temp dir so nothing lands in ./data. */
  scratchDir: string;
  serverVersion: string;
  /** Idempotent: closes the connection and removes the temp dir / drops the schema. */
  dispose(): Promise<void>;
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openForBench(url: string | undefined, scratchDir: string) {
  if (!url) {
    const database = await openPglite(path.join(scratchDir, 'pgdata'));
    return { database, drop: async () => {} };
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE SCHEMA ${schema}`);
  // 10 is the app's pool size too (openDatabase uses the default), so both servers get the same pool.
  const database = openPostgres({ connectionString: url, schema, max: 10 });
  return { database, drop: () => adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL || undefined;
  const scratchDir = await mkdtemp(path.join(tmpdir(), 'xuncha-bench-'));
  let opened: Awaited<ReturnType<typeof openForBench>> | undefined;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await opened?.database.close();
    } finally {
      await opened?.drop();
      await rm(scratchDir, { recursive: true, force: true });
    }
  };
  try {
    opened = await openForBench(url, scratchDir);
    const { applied } = await migrate(opened.database);
    log(`migrated (${applied.join(', ')})`);
    const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(opened.database.db);
    return { database: opened.database, scratchDir, serverVersion: version.rows[0]?.v ?? 'unknown', dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
