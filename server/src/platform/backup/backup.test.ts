// Backup and restore end to end: the demo world plus uploaded files is backed up, restored into a
// fresh embedded database in a temp dir (and, with DATABASE_URL, into a new PostgreSQL database —
// both directions between the engines), and every table and file must come back identical.
// Tampered backups, non-empty targets, wrong keys and concurrent writers are refused or harmless.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { createTestDatabase } from '../../test/test-db.ts';
import { verifyAuditChain } from '../audit-verify.ts';
import { loadConfig } from '../config.ts';
import { keyringFor } from '../crypto/keyring.ts';
import { open } from '../crypto/sealed.ts';
import { type Database, openPglite, openPostgres } from '../db.ts';
import { storedPath } from '../files.ts';
import { type BackupResult, createBackup } from './dump.ts';
import { type MasterKey, planRestoreKey, readMasterKey } from './key.ts';
import { restoreBackup } from './load.ts';
import { type Manifest, readManifest, tableFile, writeManifest } from './manifest.ts';
import { filesUnder, tableDigests } from './testing.ts';
import { verifyBackup } from './verify.ts';

const PG_URL = process.env.DATABASE_URL;
const SLOW = { timeout: 180_000 };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);

let h: Harness;
let key: MasterKey;
let scratch: string;
let backup: BackupResult;
const cleanups: (() => Promise<void>)[] = [];

async function upload(filename: string, content: Buffer) {
  const client = await h.as('zerenren');
  const body = multipart({ kind: 'document', description: '整改佐证材料' }, { filename, content });
  const res = await client.request({ method: 'POST', url: `/api/tasks/${h.demo.tasks.overdue}/evidence`, ...body });
  expect(res.statusCode).toBe(200);
}

async function backupOf(database: Database, filesDir: string, extra: Partial<Parameters<typeof createBackup>[1]> = {}) {
  const outDir = await mkdtemp(path.join(scratch, 'out-'));
  return createBackup(database, { outDir, filesDir, key, includeKey: false, ...extra });
}

/** A fresh embedded instance in its own temp dir, as `DATA_DIR=<dir> xuncha restore` would open it. */
async function emptyPglite() {
  const dataDir = await mkdtemp(path.join(scratch, 'pglite-'));
  const database = await openPglite(path.join(dataDir, 'pgdata'));
  cleanups.push(() => database.close());
  return { database, filesDir: path.join(dataDir, 'files') };
}

/** A new PostgreSQL database next to the test's (CREATE DATABASE), dropped afterwards. */
async function emptyPostgres(url: string) {
  const name = `xuncha_restore_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres({ connectionString: target.toString(), max: 2 });
  cleanups.push(async () => {
    await database.close();
    await admin(`DROP DATABASE ${name}`);
  });
  return { database, filesDir: await mkdtemp(path.join(scratch, 'pg-files-')) };
}

async function expectRestoredExactly(target: { database: Database; filesDir: string }, from: BackupResult) {
  await restoreBackup(target.database, from.dir, await verifyBackup(from.dir), { filesDir: target.filesDir });
  expect(await tableDigests(target.database.db)).toEqual(await tableDigests(h.database.db));
  const referenced = from.manifest.files.map((file) => path.relative(h.filesDir, storedPath(h.filesDir, file.name)));
  const restored = await filesUnder(target.filesDir);
  const original = await filesUnder(h.filesDir);
  expect(Object.keys(restored).sort()).toEqual(referenced.sort());
  for (const name of referenced) expect(restored[name]?.equals(original[name] as Buffer)).toBe(true);
}

beforeAll(async () => {
  h = await createHarness();
  key = readMasterKey(h.config) as MasterKey;
  scratch = await mkdtemp(path.join(tmpdir(), 'xuncha-backup-test-'));
  await upload('整改报告.pdf', PDF);
  await upload('现场照片.png', PNG);
  await upload('制度文件.pdf', Buffer.concat([PDF, Buffer.from('第二份')]));
  // left behind by an interrupted upload: on disk but referenced by no row, so not part of the data
  await writeFile(path.join(h.filesDir, 'tmp', 'orphan'), 'unreferenced');
  backup = await backupOf(h.database, h.filesDir);
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await rm(scratch, { recursive: true, force: true });
  await h?.close();
});

describe('xuncha backup', () => {
  it('writes a manifest with versions, row counts and an SM3 for the dump, every referenced file and itself', async () => {
    const manifest = await readManifest(backup.dir);
    expect(manifest).toMatchObject({ format: 'xuncha-backup', formatVersion: 1, database: { kind: h.database.kind } });
    expect(manifest.migrationVersion).toBeGreaterThanOrEqual(12);
    const digests = await tableDigests(h.database.db);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(Object.entries(digests).map(([name, d]) => [name, d.rows])),
    );
    const { rows } = await sql<{ name: string }>`SELECT stored_name AS name FROM evidence
      WHERE stored_name IS NOT NULL ORDER BY 1`.execute(h.database.db);
    expect(manifest.files.map((f) => f.name)).toEqual(rows.map((r) => r.name));
    expect(manifest.files).toHaveLength(3);
    expect(manifest.key).toEqual({ id: 'k1', check: expect.stringMatching(/^[0-9a-f]{64}$/), included: false });
    // referenced tables load first
    const order = manifest.tables.map((t) => t.name);
    expect(order.indexOf('app_user')).toBeLessThan(order.indexOf('user_role'));
    expect(order).not.toContain('session');
    expect(order.indexOf('task')).toBeLessThan(order.indexOf('evidence'));
  });
});

describe('xuncha restore', () => {
  it('restores into an empty embedded database: every table and every file identical', SLOW, async () => {
    const target = await emptyPglite();
    await expectRestoredExactly(target, backup);
    // identity sequences continue after the restored rows
    const { rows } = await sql<{ next: number; max: number }>`SELECT
      nextval(pg_get_serial_sequence('task_event', 'seq')) AS next, (SELECT max(seq) FROM task_event) AS max`.execute(
      target.database.db,
    );
    expect(Number(rows[0]?.next)).toBeGreaterThan(Number(rows[0]?.max));
    // the audit log comes back as written: its SM3 chain verifies exactly as on the original
    const { elapsedMs: _restoredMs, ...restoredChain } = await verifyAuditChain(target.database.db);
    const { elapsedMs: _originalMs, ...originalChain } = await verifyAuditChain(h.database.db);
    expect(restoredChain).toEqual(originalChain);
    expect(restoredChain.checked).toBeGreaterThan(0);
    // the same key opens the restored sealed fields
    const clue = await target.database.db.selectFrom('clue').select('content_sealed').executeTakeFirstOrThrow();
    expect(() => open(keyringFor(h.config), clue.content_sealed)).not.toThrow();
    if (PG_URL) {
      // PostgreSQL → PGlite above; now PGlite → PostgreSQL from the restored copy
      const again = await backupOf(target.database, target.filesDir);
      expect(again.manifest.database.kind).toBe('pglite');
      await expectRestoredExactly(await emptyPostgres(PG_URL), again);
    }
  });

  it.runIf(PG_URL)('restores into a new, empty PostgreSQL database', SLOW, async () => {
    await expectRestoredExactly(await emptyPostgres(PG_URL as string), backup);
  });

  it('refuses a tampered backup and names the file', async () => {
    const tampered = async (name: string, change: (dir: string) => Promise<void>) => {
      const dir = path.join(scratch, `tampered-${name}`);
      await cp(backup.dir, dir, { recursive: true });
      await change(dir);
      return verifyBackup(dir);
    };
    const flipLastByte = async (file: string) => {
      const bytes = await readFile(file);
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1;
      await writeFile(file, bytes);
    };
    await expect(tampered('table', (dir) => flipLastByte(path.join(dir, tableFile('task'))))).rejects.toThrow(
      '备份文件 tables/task.jsonl.gz 校验失败（SM3 不符）',
    );
    const file = backup.manifest.files[0]?.name as string;
    await expect(
      tampered('file', (dir) => flipLastByte(path.join(dir, 'files', file.slice(0, 2), file))),
    ).rejects.toThrow(`备份文件 files/${file.slice(0, 2)}/${file} 校验失败`);
    await expect(
      tampered('manifest', async (dir) => {
        const text = await readFile(path.join(dir, 'manifest.json'), 'utf8');
        await writeFile(path.join(dir, 'manifest.json'), text.replace('"rows": ', '"rows": 1'));
      }),
    ).rejects.toThrow('备份清单 manifest.json 校验失败');
    await expect(tampered('missing', (dir) => rm(path.join(dir, tableFile('finding'))))).rejects.toThrow(
      '缺少文件 tables/finding.jsonl.gz',
    );
  });

  it('refuses a backup from newer code', async () => {
    const dir = path.join(scratch, 'newer');
    await cp(backup.dir, dir, { recursive: true });
    const { sm3: _, ...body } = await readManifest(dir);
    await writeManifest(dir, { ...body, migrationVersion: 9999 });
    await expect(verifyBackup(dir)).rejects.toThrow('备份来自较新的程序（迁移版本 9999）');
  });

  it('refuses a target that holds data, and writes nothing to it', async () => {
    const before = await tableDigests(h.database.db);
    const manifest = await verifyBackup(backup.dir);
    await expect(restoreBackup(h.database, backup.dir, manifest, { filesDir: h.filesDir })).rejects.toThrow(
      /目标数据库不是空库（app_user \d+ 行/,
    );
    expect(await tableDigests(h.database.db)).toEqual(before);
    // an empty, migrated database (as a first start with SEED_DEMO=false leaves it), but files already there
    const emptyDb = await createTestDatabase();
    cleanups.push(() => emptyDb.dispose());
    await expect(restoreBackup(emptyDb, backup.dir, manifest, { filesDir: h.filesDir })).rejects.toThrow(
      `上传文件目录 ${h.filesDir} 不为空`,
    );
  });

  it('needs the key that sealed the data: refuses a different or missing key, installs an included one', async () => {
    const manifest = await verifyBackup(backup.dir);
    const target = (masterKey?: string) =>
      loadConfig({ dataDir: path.join(scratch, `keys-${randomBytes(4).toString('hex')}`), masterKey });
    expect(await planRestoreKey(manifest.key, target(key.hex), backup.dir)).toBe('keep');
    await expect(planRestoreKey(manifest.key, target('ab'.repeat(32)), backup.dir)).rejects.toThrow(
      '当前主密钥与备份时的主密钥不同',
    );
    await expect(planRestoreKey(manifest.key, target(), backup.dir)).rejects.toThrow(
      '恢复需要备份时的主密钥（编号 k1）',
    );
    const withKey = await backupOf(h.database, h.filesDir, { includeKey: true });
    const included = (await verifyBackup(withKey.dir)).key;
    expect(included).toMatchObject({ included: true, check: manifest.key?.check });
    expect(await planRestoreKey(included, target(), withKey.dir)).toEqual({ install: key.hex });
  });
});

describe.runIf(PG_URL)('a backup while another connection writes (PostgreSQL)', () => {
  it('holds one snapshot: rows and files committed during the backup are in none of its tables', SLOW, async () => {
    const db = h.database.db;
    const count = async (table: 'notification' | 'notification_delivery' | 'evidence') =>
      Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(db)).rows[0]?.n);
    const before = { notification: await count('notification'), delivery: await count('notification_delivery') };
    const evidenceBefore = await count('evidence');
    const userId = h.demo.users.zerenren as string;
    let writes = 0;
    const during = await backupOf(h.database, h.filesDir, {
      onTable: async () => {
        // a notice and its delivery, committed together by another connection between two table dumps
        await db.transaction().execute(async (tx) => {
          const { id } = await tx
            .insertInto('notification')
            .values({ user_id: userId, kind: 'backup-test', title: `写入 ${writes}` })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx
            .insertInto('notification_delivery')
            .values({ notification_id: id, channel: 'test', status: 'sent' })
            .execute();
        });
        if (writes++ === 0) await upload('备份期间上传.pdf', PDF);
      },
    });
    expect(await count('notification')).toBe(before.notification + writes);
    expect(await count('evidence')).toBe(evidenceBefore + 1);
    const rowsIn = async (m: Manifest, table: string) => {
      const text = (await promisify(gunzip)(await readFile(path.join(during.dir, tableFile(table))))).toString();
      return { manifest: m.tables.find((t) => t.name === table)?.rows, lines: text.split('\n').filter(Boolean).length };
    };
    expect(await rowsIn(during.manifest, 'notification')).toEqual({
      manifest: before.notification,
      lines: before.notification,
    });
    expect(await rowsIn(during.manifest, 'notification_delivery')).toEqual({
      manifest: before.delivery,
      lines: before.delivery,
    });
    expect(await rowsIn(during.manifest, 'evidence')).toEqual({ manifest: evidenceBefore, lines: evidenceBefore });
    expect(during.manifest.files).toHaveLength(3);
  });
});
