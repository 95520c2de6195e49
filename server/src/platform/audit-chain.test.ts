// The audit hash chain: entries written by writeAudit verify; edits, deletions and reorderings made directly
// in the database are reported at the right id; the table refuses UPDATE/DELETE/TRUNCATE; rows from before
// the chain get chained; concurrent writers on PostgreSQL do not fork the chain.
// Tampering needs the append-only trigger out of the way: the tests do what a DBA with owner rights could
// do, `ALTER TABLE audit_entry DISABLE TRIGGER …` in the tampering transaction (re-enabled before commit).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { writeAudit } from './audit.ts';
import { canonicalJson, GENESIS_HASH } from './audit-chain.ts';
import { verifyAuditChain } from './audit-verify.ts';
import type { Tx } from './db.ts';

let database: TestDatabase;
const db = () => database.db;
const actor = { userId: null, userName: '测试', requestId: 'req-1', ip: '127.0.0.1' };

const write = (count: number, label = 'test') =>
  db()
    .transaction()
    .execute(async (tx) => {
      for (let i = 0; i < count; i++) {
        await writeAudit(tx, actor, { action: `${label}.write`, entity: 'thing', entityId: String(i), after: { i } });
      }
    });

/** Tampering as a table owner would: the append-only trigger off for this one transaction. */
const tamper = (work: (tx: Tx) => Promise<unknown>) =>
  db()
    .transaction()
    .execute(async (tx) => {
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(tx);
      await work(tx);
      await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`.execute(tx);
    });

const ids = async () => (await db().selectFrom('audit_entry').select('id').orderBy('id').execute()).map((r) => r.id);
const rowOf = (id: number) => db().selectFrom('audit_entry').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('canonical form', () => {
  it('sorts keys at every depth, drops nothing else and uses ECMAScript number and string forms', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1e21, c: 0.1 }, '引号"\n'], e: null, f: undefined })).toBe(
      '{"a":[{"c":0.1,"d":1e+21},"引号\\"\\n"],"b":1,"e":null}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow('非有限数值');
  });
});

describe('writing the chain', () => {
  it('links every entry to the one before, from the genesis hash, and each hash is SM3 over prev || canonical', async () => {
    await write(3);
    const rows = await db().selectFrom('audit_entry').selectAll().orderBy('id').execute();
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (const [i, row] of rows.entries()) {
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
    }
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: true, checked: 3, broken: 0, firstBreak: null });
    expect(report.head).toEqual({ id: rows[2]?.id, hash: rows[2]?.hash });
  });

  it('hashes what jsonb stores: reordered keys, normalised numbers, dates, unicode and nesting still verify', async () => {
    await db()
      .transaction()
      .execute((tx) =>
        writeAudit(tx, actor, {
          action: 'json.shapes',
          entity: 'thing',
          entityId: null,
          before: {
            zeta: 1,
            alpha: { y: [3, 2, 1], x: 1.5e-7 },
            big: 1e21,
            n: -0,
            when: new Date('2026-01-02T03:04:05Z'),
          },
          after: { 名称: '区住建局 🏗', 'a"b': 'tab\there', skipped: undefined, list: [null, true, 1.0, '1.10'] },
        }),
      );
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, broken: 0 });
  });

  it('chains in batches and reports progress', async () => {
    await write(25, 'batch');
    const progress: number[] = [];
    const report = await verifyAuditChain(db(), { batchSize: 10, onProgress: (n) => progress.push(n) });
    expect(report.ok).toBe(true);
    expect(progress).toEqual([10, 20, 29]);
  });
});

describe('append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE with a clear message, even with the legacy setting on', async () => {
    const [id] = await ids();
    const refused = /审计日志只能追加/;
    await expect(
      db()
        .updateTable('audit_entry')
        .set({ action: 'x' })
        .where('id', '=', id ?? 0)
        .execute(),
    ).rejects.toThrow(refused);
    await expect(
      db()
        .deleteFrom('audit_entry')
        .where('id', '=', id ?? 0)
        .execute(),
    ).rejects.toThrow(refused);
    await expect(sql`TRUNCATE audit_entry`.execute(db())).rejects.toThrow(refused);
    await expect(
      db()
        .transaction()
        .execute(async (tx) => {
          await sql`SELECT set_config('xuncha.audit_chain_legacy', 'on', true)`.execute(tx);
          await tx
            .updateTable('audit_entry')
            .set({ hash: GENESIS_HASH })
            .where('id', '=', id ?? 0)
            .execute();
        }),
    ).rejects.toThrow(refused);
    // a second entry naming the same predecessor (a fork) is refused by the unique index
    const first = await rowOf(id ?? 0);
    await expect(
      sql`INSERT INTO audit_entry (action, entity, prev_hash, hash)
          VALUES ('forked', 'thing', ${first.prev_hash}, ${'a'.repeat(64)})`.execute(db()),
    ).rejects.toThrow(/audit_entry_prev_hash_key/);
    await expect(
      sql`INSERT INTO audit_entry (action, entity) VALUES ('forged', 'thing')`.execute(db()),
    ).rejects.toThrow(/audit_entry_chained/);
  });
});

describe('tampering in the database is found at the right entry', () => {
  it('an edited `after` (jsonb changed directly in SQL) → edited, at that id; undone → valid again', async () => {
    const target = (await ids())[4] ?? 0;
    const original = await rowOf(target);
    await tamper((tx) => sql`UPDATE audit_entry SET after = '{"i": 999}' WHERE id = ${target}`.execute(tx));
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({
      ok: false,
      broken: 1,
      firstBreak: { id: target, kind: 'edited', movedFromId: null },
    });
    expect(report.firstBreak?.storedHash).toBe(original.hash);
    expect(report.firstBreak?.computedHash).not.toBe(original.hash);
    await tamper((tx) =>
      tx
        .updateTable('audit_entry')
        .set({ after: JSON.stringify(original.after) })
        .where('id', '=', target)
        .execute(),
    );
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('a deleted entry → deleted, reported at the next entry (its prev_hash no longer matches)', async () => {
    const all = await ids();
    const [victim, next] = [all[6] ?? 0, all[7] ?? 0];
    const original = await rowOf(victim);
    // kept in a side table so that it can be put back byte for byte (microseconds included)
    await sql`CREATE TABLE audit_saved AS SELECT * FROM audit_entry WHERE id = ${victim}`.execute(db());
    await tamper((tx) => tx.deleteFrom('audit_entry').where('id', '=', victim).execute());
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: false, broken: 1, firstBreak: { id: next, kind: 'deleted' } });
    expect(report.firstBreak?.storedPrevHash).toBe(original.hash);
    expect(report.firstBreak?.expectedPrevHash).toBe(original.prev_hash);
    await sql`INSERT INTO audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM audit_saved`.execute(db());
    await sql`DROP TABLE audit_saved`.execute(db());
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('two entries swapped (everything but the id) → reordered at the first, naming where it came from', async () => {
    const all = await ids();
    const [a, b] = [all[2] ?? 0, all[9] ?? 0];
    // through a copy, and with placeholder links first: the unique index on prev_hash checks row by row
    const swap = async (tx: Tx) => {
      const pair = sql`(${a}::bigint, ${b}::bigint)`;
      await sql`CREATE TEMP TABLE audit_swap ON COMMIT DROP AS SELECT * FROM audit_entry WHERE id IN ${pair}`.execute(
        tx,
      );
      await sql`UPDATE audit_entry SET prev_hash = md5(id::text) || md5(id::text) WHERE id IN ${pair}`.execute(tx);
      await sql`UPDATE audit_entry AS t SET at = s.at, actor_id = s.actor_id, actor_name = s.actor_name, action = s.action,
            entity = s.entity, entity_id = s.entity_id, before = s.before, after = s.after,
            request_id = s.request_id, ip = s.ip, prev_hash = s.prev_hash, hash = s.hash
          FROM audit_swap AS s
          WHERE (t.id, s.id) IN ((${a}::bigint, ${b}::bigint), (${b}::bigint, ${a}::bigint))`.execute(tx);
    };
    await tamper(swap);
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: false, firstBreak: { id: a, kind: 'reordered', movedFromId: b } });
    await tamper(swap);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
