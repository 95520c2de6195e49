// The database layer: identical row shapes on PGlite and PostgreSQL, idempotent migrations,
// and the data-directory lock that keeps a second process away from the embedded database.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { DataDirLockedError, lockDataDir } from './datadir-lock.ts';
import { listMigrations, migrate } from './migrate.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('row shapes (the same on both engines)', () => {
  it('returns date as YYYY-MM-DD, count as number, timestamptz as ISO, numeric and int8 as numbers', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT '2026-06-15'::date AS d,
             NULL::date AS no_date,
             (SELECT count(*) FROM (VALUES (1), (2), (3)) v(x)) AS n,
             '2026-06-15 12:00:00+08'::timestamptz AS ts,
             1234.50::numeric(16, 2) AS amount,
             9007199254740991::int8 AS big`.execute(database.db);
    expect(rows).toEqual([
      {
        d: '2026-06-15',
        no_date: null,
        n: 3,
        ts: '2026-06-15T04:00:00.000Z',
        amount: 1234.5,
        big: 9007199254740991,
      },
    ]);
  });

  it('gives table rows the same shapes through Kysely', async () => {
    const committee = await database.db
      .insertInto('committee')
      .values({ name: '中共测试区委', level: '区县委' })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(committee.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    await database.db
      .insertInto('round')
      .values({
        committee_id: committee.id,
        name: '第一轮',
        year: 2026,
        seq: 1,
        start_date: '2026-01-01',
        end_date: '2026-12-31',
      })
      .execute();
    const round = await database.db
      .selectFrom('round')
      .select(['start_date', 'end_date', 'year'])
      .executeTakeFirstOrThrow();
    expect(round).toEqual({ start_date: '2026-01-01', end_date: '2026-12-31', year: 2026 });
    const count = await database.db
      .selectFrom('round')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});

describe('migrations', () => {
  it('records every migration file in schema_migration', async () => {
    const files = await listMigrations();
    const recorded = await database.db
      .selectFrom('schema_migration')
      .select(['version', 'name'])
      .orderBy('version')
      .execute();
    expect(recorded).toEqual(files.map((f) => ({ version: f.version, name: f.name })));
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('applies nothing when run again', async () => {
    const before = await database.db.selectFrom('schema_migration').select('applied_at').execute();
    const result = await migrate(database);
    expect(result).toEqual({ applied: [], version: (await listMigrations()).length });
    expect(await database.db.selectFrom('schema_migration').select('applied_at').execute()).toEqual(before);
  });
});

describe('lockDataDir', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xuncha-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const lockFile = () => path.join(dir, 'xuncha.lock');

  it('refuses a second lock on the same directory with a Chinese explanation', async () => {
    const release = lockDataDir(dir);
    try {
      expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`正被另一个进程（PID ${process.pid}）使用`));
    } finally {
      release();
    }
  });

  it('can lock again after release', () => {
    const release = lockDataDir(dir);
    release();
    expect(existsSync(lockFile())).toBe(false);
    let again: (() => void) | undefined;
    expect(() => {
      again = lockDataDir(dir);
    }).not.toThrow();
    again?.();
  });

  it('takes over a stale lock left by a dead process', async () => {
    const deadPid = 999_999;
    expect(() => process.kill(deadPid, 0)).toThrow();
    await writeFile(lockFile(), String(deadPid));
    const release = lockDataDir(dir);
    try {
      expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
    } finally {
      release();
    }
  });

  it('takes over an empty or garbled lock file', async () => {
    for (const content of ['', 'not-a-pid']) {
      await writeFile(lockFile(), content);
      const release = lockDataDir(dir);
      expect(await readFile(lockFile(), 'utf8')).toBe(String(process.pid));
      release();
    }
  });
});
