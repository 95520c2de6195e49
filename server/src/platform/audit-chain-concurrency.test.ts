// The chain under concurrent writers (two and more connections on PostgreSQL; PGlite is one session, so
// there the same writes simply queue) and the chaining of rows written before migration 0015.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/test-db.ts';
import { writeAudit } from './audit.ts';
import { chainPendingAuditEntries, GENESIS_HASH } from './audit-chain.ts';
import { verifyAuditChain } from './audit-verify.ts';

let database: TestDatabase;
const db = () => database.db;
const actor = { userId: null, userName: '并发', requestId: null, ip: null };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** As the table was before 0015: no chain check, rows without hashes. */
async function insertLegacyRows(count: number) {
  await db()
    .transaction()
    .execute(async (tx) => {
      await sql`ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_chained`.execute(tx);
      for (let i = 0; i < count; i++) {
        await tx
          .insertInto('audit_entry')
          .values({
            action: 'legacy.write',
            entity: 'thing',
            entity_id: String(i),
            after: JSON.stringify({ i, 旧: true }),
          })
          .execute();
      }
      await sql`ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_chained
        CHECK (prev_hash IS NOT NULL AND hash IS NOT NULL
               AND prev_hash ~ '^[0-9a-f]{64}$' AND hash ~ '^[0-9a-f]{64}$') NOT VALID`.execute(tx);
    });
}

describe('rows from before the chain', () => {
  it('are reported unchained, then chained in id order by the post-migrate step, which is idempotent', async () => {
    await insertLegacyRows(12);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: false, broken: 12, firstBreak: { kind: 'unchained' } });
    expect(await chainPendingAuditEntries(db(), 5)).toBe(12);
    expect(await chainPendingAuditEntries(db(), 5)).toBe(0);
    const first = await db().selectFrom('audit_entry').select('prev_hash').orderBy('id').executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 12 });
  });

  it('a write that finds unchained rows at the head chains them first (a write racing the post-migrate step)', async () => {
    await insertLegacyRows(3);
    await db()
      .transaction()
      .execute((tx) => writeAudit(tx, actor, { action: 'after.legacy', entity: 'thing', entityId: null }));
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, checked: 16, broken: 0 });
  });
});

describe('concurrent writers', () => {
  it('do not fork the chain: 12 transactions of 3 entries at once, ids in commit order, every link valid', async () => {
    const before = (await verifyAuditChain(db())).checked;
    await Promise.all(
      Array.from({ length: 12 }, (_, t) =>
        db()
          .transaction()
          .execute(async (tx) => {
            for (let i = 0; i < 3; i++) {
              await writeAudit(tx, actor, { action: 'concurrent.write', entity: 'thing', entityId: `${t}-${i}` });
              // hold the transaction open so that the others pile up behind the chain lock
              await sql`SELECT pg_sleep(0.005)`.execute(tx);
            }
          }),
      ),
    );
    const report = await verifyAuditChain(db());
    expect(report).toMatchObject({ ok: true, checked: before + 36, broken: 0 });
    const hashes = await db().selectFrom('audit_entry').select(['prev_hash']).execute();
    // a fork would show as two entries naming the same predecessor
    expect(new Set(hashes.map((r) => r.prev_hash)).size).toBe(hashes.length);
    // one transaction's entries are contiguous: the lock is held from its first entry to commit
    const rows = await db()
      .selectFrom('audit_entry')
      .select(['entity_id'])
      .where('action', '=', 'concurrent.write')
      .orderBy('id')
      .execute();
    const order = rows.map((r) => r.entity_id?.split('-')[0]);
    for (let i = 0; i < order.length; i += 3) expect(new Set(order.slice(i, i + 3)).size).toBe(1);
  });

  it.runIf(process.env.DATABASE_URL)(
    'really run in parallel on PostgreSQL: a writer waits for the lock holder',
    async () => {
      const events: string[] = [];
      const holder = db()
        .transaction()
        .execute(async (tx) => {
          await writeAudit(tx, actor, { action: 'lock.holder', entity: 'thing', entityId: null });
          events.push('holder wrote');
          await sql`SELECT pg_sleep(0.3)`.execute(tx);
          events.push('holder commits');
        });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waiter = db()
        .transaction()
        .execute(async (tx) => {
          await writeAudit(tx, actor, { action: 'lock.waiter', entity: 'thing', entityId: null });
          events.push('waiter wrote');
        });
      await Promise.all([holder, waiter]);
      expect(events).toEqual(['holder wrote', 'holder commits', 'waiter wrote']);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    },
  );
});
