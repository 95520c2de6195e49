// Test support: what "restored exactly" means — every table's row count and an SM3 over all its rows
// (row_to_json in UTC, sorted, so engines with different collations agree), and every stored file's bytes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { listTables } from './catalog.ts';
import { sm3Hex } from './checksum.ts';

export interface TableDigest {
  rows: number;
  sm3: string;
}

export async function tableDigests(db: Db): Promise<Record<string, TableDigest>> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
    const digests: Record<string, TableDigest> = {};
    for (const table of (await listTables(tx)).sort((a, b) => a.name.localeCompare(b.name))) {
      const { rows } = await sql<{
        line: string;
      }>`SELECT row_to_json(t)::text AS line FROM ${sql.id(table.name)} AS t`.execute(tx);
      const lines = rows.map((row) => row.line).sort();
      digests[table.name] = { rows: lines.length, sm3: sm3Hex(lines.join('\n')) };
    }
    return digests;
  });
}

/** Every regular file under `dir`, by relative path. */
export async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files: Record<string, Buffer> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = await readFile(full);
  }
  return files;
}
