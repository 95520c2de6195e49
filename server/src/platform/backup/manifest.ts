// The backup's table of contents. Every other file in a backup is named by it (never by a path
// taken from the manifest: table files and stored files have derived paths, so a doctored manifest
// cannot point a restore outside the backup) and carries its SM3; the manifest carries its own SM3
// over its canonical JSON.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { sm3Hex } from './checksum.ts';

export const BACKUP_FORMAT = 'xuncha-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Refusals a person acts on (tampered backup, non-empty target…): the CLI prints only the message. */
export class BackupError extends Error {}

const sm3 = z.string().regex(/^[0-9a-f]{64}$/);
const tableName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);
const storedName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);

const ManifestBody = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  appVersion: z.string(),
  migrationVersion: z.number().int().nonnegative(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  /** In load order: a table comes after the tables it references. */
  tables: z.array(z.object({ name: tableName, rows: z.number().int().nonnegative(), bytes: z.number(), sm3 })),
  files: z.array(z.object({ name: storedName, bytes: z.number(), sm3 })),
  /** Referenced by the database but absent from the upload directory when the backup was taken. */
  missingFiles: z.array(z.string()),
  /** Which master key sealed the data: an HMAC check value, never the key (unless `included`). */
  key: z.object({ id: z.string(), check: sm3, included: z.boolean(), sm3: sm3.optional() }).nullable(),
});
export type ManifestBody = z.infer<typeof ManifestBody>;
export type Manifest = ManifestBody & { sm3: string };

export const tableFile = (name: string) => path.join('tables', `${name}.jsonl.gz`);
/** Same two-character fan-out as the upload directory (files.ts storedPath). */
export const backupFilePath = (name: string) => path.join('files', name.slice(0, 2), name);
export const KEY_FILE = path.join('key', 'master.key');

export async function writeManifest(dir: string, body: ManifestBody): Promise<Manifest> {
  const manifest = { ...body, sm3: sm3Hex(JSON.stringify(body)) };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** Parses and checks the manifest's own SM3 (over the JSON as written, in its own key order). */
export async function readManifest(dir: string): Promise<Manifest> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new BackupError(`${dir} 不是有效的备份：缺少或无法解析 ${MANIFEST_FILE}`);
  }
  const { sm3: claimed, ...body } = raw;
  if (claimed !== sm3Hex(JSON.stringify(body))) {
    throw new BackupError(`备份清单 ${MANIFEST_FILE} 校验失败（SM3 不符）：备份可能被篡改或损坏，已拒绝恢复`);
  }
  const parsed = ManifestBody.safeParse(body);
  if (!parsed.success) {
    throw new BackupError(`备份清单 ${MANIFEST_FILE} 格式不受支持（格式版本应为 ${BACKUP_FORMAT_VERSION}）`);
  }
  return { ...parsed.data, sm3: claimed };
}
