// What a restore checks before it writes anything: the backup is whole (every file's SM3 as the
// manifest says, the manifest's own SM3), the code can read it, and the target is empty.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db.ts';
import { listMigrations } from '../migrate.ts';
import { digestFile } from './checksum.ts';
import { BackupError, backupFilePath, KEY_FILE, type Manifest, readManifest, tableFile } from './manifest.ts';

/** Reads the manifest and checks every file it lists; names the first file that fails. */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const expected = [
    ...manifest.tables.map((table) => ({ file: tableFile(table.name), sm3: table.sm3 })),
    ...manifest.files.map((file) => ({ file: backupFilePath(file.name), sm3: file.sm3 })),
    ...(manifest.key?.included ? [{ file: KEY_FILE, sm3: manifest.key.sm3 }] : []),
  ];
  for (const { file, sm3 } of expected) {
    const actual = await digestFile(path.join(dir, file)).catch(() => undefined);
    if (!actual) throw new BackupError(`备份不完整：缺少文件 ${file}，已拒绝恢复`);
    if (actual.sm3 !== sm3) {
      throw new BackupError(`备份文件 ${file} 校验失败（SM3 不符）：备份可能被篡改或损坏，已拒绝恢复`);
    }
  }
  const newest = Math.max(0, ...(await listMigrations()).map((m) => m.version));
  if (manifest.migrationVersion > newest) {
    throw new BackupError(
      `备份来自较新的程序（迁移版本 ${manifest.migrationVersion}），当前程序只到版本 ${newest}：请先升级程序再恢复`,
    );
  }
  return manifest;
}

/** Tables that hold data only once someone has used the instance (migrations seed roles, not these). */
const IN_USE_TABLES = ['app_user', 'committee', 'audit_entry'];

/** Refuses a target that holds data: a restore never merges into or overwrites a live instance. */
export async function assertEmptyTarget(db: Db, filesDir: string, backupVersion: number): Promise<void> {
  const { rows: present } = await sql<{ name: string }>`SELECT relname::text AS name FROM pg_class
    WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')
      AND relname IN (${sql.join([...IN_USE_TABLES, 'schema_migration'])})`.execute(db);
  const names = new Set(present.map((row) => row.name));
  const used: string[] = [];
  for (const table of IN_USE_TABLES.filter((name) => names.has(name))) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(table)}`.execute(db);
    if (rows[0]?.n) used.push(`${table} ${rows[0].n} 行`);
  }
  if (used.length) {
    throw new BackupError(
      `目标数据库不是空库（${used.join('，')}）。恢复只能在空实例上进行：请使用新的空数据目录（DATA_DIR）或新建的空 PostgreSQL 数据库`,
    );
  }
  if (names.has('schema_migration')) {
    const { rows } = await sql<{ v: number | null }>`SELECT max(version) AS v FROM schema_migration`.execute(db);
    const version = rows[0]?.v ?? 0;
    if (version > backupVersion) {
      throw new BackupError(
        `目标数据库已迁移到版本 ${version}，高于备份的版本 ${backupVersion}：请在全新的空数据库上恢复（恢复后会自动迁移到最新版本）`,
      );
    }
  }
  const files = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  if (files.some((entry) => entry.isFile())) {
    throw new BackupError(`上传文件目录 ${filesDir} 不为空。恢复只能在空实例上进行：请使用新的空数据目录`);
  }
}
