// `xuncha restore`, after verify.ts has passed: rebuild the schema the backup was taken from, load
// every table in one transaction, copy the files, then migrate to the code's newest version (an
// older backup is upgraded the same way a running instance would be).
import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database, Db } from '../db.ts';
import { storedPath } from '../files.ts';
import { currentVersionOf, migrate } from '../migrate.ts';
import { listTables, type TableInfo } from './catalog.ts';
import { BackupError, backupFilePath, type Manifest, tableFile } from './manifest.ts';
import { assertEmptyTarget } from './verify.ts';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

export interface RestoreOptions {
  filesDir: string;
  onTable?: (table: string, rows: number) => void;
}

export interface RestoreResult {
  rows: number;
  files: number;
  /** Migrations newer than the backup, applied after the load. */
  upgraded: string[];
}

/** `manifest` must come from verifyBackup(backupDir). */
export async function restoreBackup(
  database: Database,
  backupDir: string,
  manifest: Manifest,
  options: RestoreOptions,
): Promise<RestoreResult> {
  await assertEmptyTarget(database.db, options.filesDir, manifest.migrationVersion);
  await migrate(database, { upTo: manifest.migrationVersion });
  const version = await currentVersionOf(database.db);
  if (version !== manifest.migrationVersion) {
    throw new BackupError(
      `当前程序没有备份所用的迁移版本 ${manifest.migrationVersion}（最接近的是 ${version}），无法恢复`,
    );
  }
  const copied: string[] = [];
  let rows: number;
  try {
    for (const file of manifest.files) {
      const target = storedPath(options.filesDir, file.name);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(backupDir, backupFilePath(file.name)), target, constants.COPYFILE_EXCL);
      copied.push(target);
    }
    rows = await loadTables(database.db, backupDir, manifest, options.onTable);
  } catch (error) {
    // the load rolled back: take the files back too, so the target is empty again for a retry
    await Promise.all(copied.map((file) => rm(file, { force: true })));
    throw error;
  }
  await sql`ANALYZE`.execute(database.db);
  const { applied } = await migrate(database);
  return { rows, files: copied.length, upgraded: applied };
}

async function loadTables(db: Db, dir: string, manifest: Manifest, onTable: RestoreOptions['onTable']) {
  const tables = new Map((await listTables(db)).map((table) => [table.name, table]));
  const inBackup = new Set(manifest.tables.map((table) => table.name));
  const differing = [...tables.keys()].filter((name) => !inBackup.has(name));
  differing.push(...[...inBackup].filter((name) => !tables.has(name)));
  if (differing.length) {
    throw new BackupError(
      `备份与迁移版本 ${manifest.migrationVersion} 的表结构不一致（${differing.join('、')}），无法恢复`,
    );
  }
  return db.transaction().execute(async (tx) => {
    await disableTriggers(tx);
    // migrations seed some tables (roles, permissions, calendar): the backup's rows replace them.
    // CASCADE reaches the tables a backup leaves out (sessions), empty in a target that was checked empty.
    await sql`TRUNCATE ${sql.join([...tables.keys()].map((name) => sql.id(name)))} CASCADE`.execute(tx);
    let total = 0;
    for (const entry of manifest.tables) {
      const table = tables.get(entry.name) as TableInfo;
      const rows = await loadTable(tx, table, path.join(dir, tableFile(entry.name)));
      if (rows !== entry.rows) {
        throw new BackupError(`表 ${entry.name} 装载了 ${rows} 行，备份清单记录为 ${entry.rows} 行，已回滚`);
      }
      await moveIdentityPastData(tx, table);
      total += rows;
      onTable?.(entry.name, rows);
    }
    return total;
  });
}

/**
 * Rows go back exactly as they were: no BEFORE INSERT trigger may rewrite them (derived paths),
 * no AFTER trigger may add to them (summary counters are restored as rows), the append-only guard
 * on the audit log must not refuse them, and foreign keys need no particular order. `replica` does
 * all of that for this transaction only.
 */
async function disableTriggers(tx: Db): Promise<void> {
  await sql`SET LOCAL session_replication_role = replica`.execute(tx).catch(() => {
    throw new BackupError(
      '恢复需要在装载期间暂停触发器（session_replication_role = replica）：请以数据库超级用户执行，' +
        '或先授权 GRANT SET ON PARAMETER session_replication_role TO <应用用户>（PostgreSQL 15 及以上）',
    );
  });
}

async function loadTable(tx: Db, table: TableInfo, file: string): Promise<number> {
  const columns = sql.join(table.insertable.map((column) => sql.id(column)));
  const overriding = table.identity.length ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  let batch: string[] = [];
  let chars = 0;
  let rows = 0;
  const flush = async () => {
    if (!batch.length) return;
    await sql`INSERT INTO ${sql.id(table.name)} (${columns}) ${overriding}
      SELECT ${columns} FROM json_populate_recordset(NULL::${sql.id(table.name)}, ${`[${batch.join(',')}]`}::json)`.execute(
      tx,
    );
    rows += batch.length;
    batch = [];
    chars = 0;
  };
  let rest = '';
  // a chunk may end inside a multi-byte character: the decoder carries it over to the next one
  const decoder = new StringDecoder('utf8');
  await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      const lines = (rest + decoder.write(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        batch.push(line);
        chars += line.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      }
    }
  });
  rest += decoder.end();
  if (rest) batch.push(rest);
  await flush();
  return rows;
}

async function moveIdentityPastData(tx: Db, table: TableInfo): Promise<void> {
  for (const column of table.identity) {
    await sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
      FROM ${sql.id(table.name)}`.execute(tx);
  }
}
