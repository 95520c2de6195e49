// `xuncha backup`: every table as JSON lines (row_to_json, ordered by primary key, gzip) — plain
// data any PostgreSQL-dialect engine reads back, so a PGlite backup restores into PostgreSQL and the
// other way round — plus the uploaded files the data references, all from ONE repeatable-read,
// read-only transaction: every table and the file list come from the same snapshot, whatever other
// connections write meanwhile (on PGlite the CLI holds the data-dir lock, so nothing else writes).
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database, Db } from '../db.ts';
import { storedPath } from '../files.ts';
import { FILE_COLUMN, listTables, type TableInfo } from './catalog.ts';
import { digesting, sm3Hex } from './checksum.ts';
import { keyCheck, type MasterKey } from './key.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  backupFilePath,
  KEY_FILE,
  type Manifest,
  type ManifestBody,
  tableFile,
  writeManifest,
} from './manifest.ts';

const FETCH_ROWS = 2000;
const STORED_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const APP_VERSION: string = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../../../package.json'), 'utf8'),
).version;

export interface BackupOptions {
  /** The backup becomes a new directory `xuncha-backup-<time>` inside this one. */
  outDir: string;
  filesDir: string;
  key: MasterKey | undefined;
  /** Ships the master key inside the backup: anyone holding the backup can then read sealed fields. */
  includeKey: boolean;
  /** Progress after each table (the CLI prints it; a test writes from another connection here). */
  onTable?: (table: string, rows: number) => Promise<void> | void;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
  /** Total size of the backup's data files. */
  bytes: number;
}

type Snapshot = Omit<ManifestBody, 'key' | 'appVersion' | 'format' | 'formatVersion'>;

export async function createBackup(database: Database, options: BackupOptions): Promise<BackupResult> {
  if (options.includeKey && !options.key)
    throw new BackupError('没有可放入备份的主密钥（未设置 XUNCHA_KEY，也没有密钥文件）');
  const dir = path.join(
    path.resolve(options.outDir),
    `xuncha-backup-${new Date().toISOString().replace(/[-:.]/g, '')}`,
  );
  await mkdir(path.dirname(dir), { recursive: true });
  await mkdir(dir, { mode: 0o700 }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EEXIST' ? new BackupError(`备份目录 ${dir} 已存在`) : error;
  });
  try {
    await mkdir(path.join(dir, 'tables'));
    const snapshot = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => takeSnapshot(tx, database.kind, dir, options));
    const manifest = await writeManifest(dir, {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      ...snapshot,
      key: await recordKey(dir, options),
    });
    const bytes = [...manifest.tables, ...manifest.files].reduce((sum, entry) => sum + entry.bytes, 0);
    return { dir, manifest, bytes };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function takeSnapshot(tx: Db, kind: Database['kind'], dir: string, options: BackupOptions): Promise<Snapshot> {
  // timestamps in one zone, so the same data gives the same bytes on either engine
  await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
  const head = await sql<{ createdAt: string; serverVersion: string; migrationVersion: number | null }>`
    SELECT now() AS "createdAt", current_setting('server_version') AS "serverVersion",
      (SELECT max(version) FROM schema_migration) AS "migrationVersion"`
    .execute(tx)
    .catch(() => {
      throw new BackupError('数据库尚未初始化（没有迁移记录），没有可备份的数据');
    });
  const { createdAt, serverVersion, migrationVersion } = head.rows[0] as (typeof head.rows)[0];
  const tables = await listTables(tx);
  const entries: ManifestBody['tables'] = [];
  for (const table of tables) {
    const entry = await dumpTable(tx, table, dir);
    entries.push(entry);
    await options.onTable?.(entry.name, entry.rows);
  }
  // copied while the snapshot is held: a file uploaded after it is not referenced by it and is left out
  const { files, missingFiles } = await copyFiles(await referencedFiles(tx, tables), options.filesDir, dir);
  return {
    createdAt: new Date(createdAt).toISOString(),
    migrationVersion: migrationVersion ?? 0,
    database: { kind, serverVersion },
    tables: entries,
    files,
    missingFiles,
  };
}

async function dumpTable(tx: Db, table: TableInfo, dir: string): Promise<ManifestBody['tables'][number]> {
  const orderBy = table.primaryKey.length
    ? sql`ORDER BY ${sql.join(table.primaryKey.map((column) => sql.ref(`t.${column}`)))}`
    : sql``;
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR
    SELECT row_to_json(t)::text AS line FROM ${sql.id(table.name)} AS t ${orderBy}`.execute(tx);
  let rows = 0;
  async function* lines() {
    for (;;) {
      const batch = await sql<{ line: string }>`FETCH ${sql.raw(String(FETCH_ROWS))} FROM backup_rows`.execute(tx);
      if (batch.rows.length === 0) return;
      rows += batch.rows.length;
      yield Buffer.from(`${batch.rows.map((row) => row.line).join('\n')}\n`);
    }
  }
  const digest = digesting();
  const target = createWriteStream(path.join(dir, tableFile(table.name)), { mode: 0o600 });
  await pipeline(Readable.from(lines()), createGzip(), digest.stream, target);
  await sql`CLOSE backup_rows`.execute(tx);
  return { name: table.name, rows, ...digest.result() };
}

async function referencedFiles(tx: Db, tables: TableInfo[]): Promise<string[]> {
  const names = new Set<string>();
  for (const table of tables.filter((t) => t.storesFiles)) {
    const { rows } = await sql<{ name: string }>`SELECT DISTINCT ${sql.ref(FILE_COLUMN)} AS name
      FROM ${sql.id(table.name)} WHERE ${sql.ref(FILE_COLUMN)} IS NOT NULL`.execute(tx);
    for (const { name } of rows) {
      if (!STORED_NAME.test(name)) throw new BackupError(`表 ${table.name} 中的文件名“${name}”不合规，无法备份`);
      names.add(name);
    }
  }
  return [...names].sort();
}

async function copyFiles(names: string[], filesDir: string, dir: string) {
  const files: ManifestBody['files'] = [];
  const missingFiles: string[] = [];
  for (const name of names) {
    const source = storedPath(filesDir, name);
    if (!existsSync(source)) {
      missingFiles.push(name);
      continue;
    }
    const target = path.join(dir, backupFilePath(name));
    await mkdir(path.dirname(target), { recursive: true });
    const digest = digesting();
    await pipeline(createReadStream(source), digest.stream, createWriteStream(target, { mode: 0o600 }));
    files.push({ name, ...digest.result() });
  }
  return { files, missingFiles };
}

async function recordKey(dir: string, options: BackupOptions): Promise<ManifestBody['key']> {
  const { key, includeKey } = options;
  if (!key) return null;
  if (!includeKey) return { id: key.id, check: keyCheck(key), included: false };
  await mkdir(path.join(dir, path.dirname(KEY_FILE)), { mode: 0o700 });
  await writeFile(path.join(dir, KEY_FILE), key.hex, { mode: 0o600 });
  return { id: key.id, check: keyCheck(key), included: true, sm3: sm3Hex(key.hex) };
}
