// Key rotation over the demo world's sealed values (clue content and whistleblowers, sensitive interview
// notes, petitioners, handover results, …): sealed with k1, rotated to k2 in small batches, every value
// then carries k2 and opens to the same plaintext; a second run is a no-op; an interrupted run resumes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo.ts';
import { TEST_NOW } from '../../test/harness.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { verifyAuditChain } from '../audit-verify.ts';
import { fixedClock } from '../clock.ts';
import { rotateSealedValues, sealedTables } from './rotate.ts';
import { deriveKey, keyringOf, open, seal, sealedKeyId } from './sealed.ts';

const k1 = deriveKey('k1', Buffer.alloc(32, 1));
const k2 = deriveKey('k2', Buffer.alloc(32, 2));
const before = keyringOf([k1]);
const during = keyringOf([k2, k1]);
const after = keyringOf([k2]);
const actor = { userId: null, userName: '密钥轮换', requestId: null, ip: null };

let database: TestDatabase;
const db = () => database.db;

/** Every sealed value in the database: "table/id/column" → stored value. */
async function sealedValues(): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const target of await sealedTables(db())) {
    for (const column of target.columns) {
      const rows = await sql<{ id: string; value: string }>`
        SELECT ${sql.ref(target.key)}::text AS id, ${sql.ref(column)} AS value FROM ${sql.table(target.table)}
        WHERE ${sql.ref(column)} IS NOT NULL`.execute(db());
      for (const row of rows.rows) values.set(`${target.table}/${row.id}/${column}`, row.value);
    }
  }
  return values;
}

const rotationAudits = async () =>
  (await db().selectFrom('audit_entry').select('id').where('action', '=', 'crypto.rotate_key').execute()).length;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(db(), fixedClock(TEST_NOW), before);
});
afterAll(() => database.dispose());

describe('key rotation', () => {
  it('finds the sealed columns of every module from the catalogue', async () => {
    const names = (await sealedTables(db())).flatMap((t) => t.columns.map((c) => `${t.table}.${c}`));
    expect(names).toEqual(
      expect.arrayContaining([
        'clue.content_sealed',
        'clue.whistleblower_sealed',
        'fieldwork_record.summary_sealed',
        'fieldwork_record.identity_sealed',
        'handover.result_sealed',
      ]),
    );
  });

  it('re-seals every value under k2 in audited batches; the plaintext is unchanged', async () => {
    const original = await sealedValues();
    expect(original.size).toBeGreaterThan(6);
    expect(new Set([...original.values()].map(sealedKeyId))).toEqual(new Set(['k1']));
    const plaintext = new Map([...original].map(([where, value]) => [where, open(before, value)]));
    // interrupted after the first batch (a crash, Ctrl-C): the values rotated so far stay rotated
    const interrupted = rotateSealedValues(db(), during, {
      actor,
      batchSize: 2,
      onProgress: () => {
        throw new Error('中断');
      },
    });
    await expect(interrupted).rejects.toThrow('中断');
    const partly = await sealedValues();
    expect([...partly.values()].filter((v) => sealedKeyId(v) === 'k2').length).toBeGreaterThan(0);

    const progress: number[] = [];
    const totals = await rotateSealedValues(db(), during, {
      actor,
      batchSize: 2,
      onProgress: (p) => progress.push(p.resealed),
    });
    const rotated = await sealedValues();
    expect([...rotated.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [where, value] of rotated) {
      expect(sealedKeyId(value), where).toBe('k2');
      expect(open(after, value), where).toBe(plaintext.get(where));
    }
    expect(totals.reduce((sum, t) => sum + t.resealed, 0)).toBe(countK1(partly));
    expect(totals.every((t) => t.skipped === 0)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(await rotationAudits()).toBe(progress.length + 1);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('a second run changes nothing and writes no audit entry', async () => {
    const [values, audits] = [await sealedValues(), await rotationAudits()];
    const totals = await rotateSealedValues(db(), during, { actor });
    expect(totals.every((t) => t.resealed === 0 && t.skipped === 0)).toBe(true);
    expect(await sealedValues()).toEqual(values);
    expect(await rotationAudits()).toBe(audits);
  });

  it('stops with a clear message on a value whose key the keyring lacks, writing nothing of that batch', async () => {
    const clue = await db().selectFrom('clue').select(['id']).executeTakeFirstOrThrow();
    const k0 = keyringOf([deriveKey('k0', Buffer.alloc(32, 9))]);
    await db()
      .updateTable('clue')
      .set({ whistleblower_sealed: seal(k0, '{}') })
      .where('id', '=', clue.id)
      .execute();
    const audits = await rotationAudits();
    await expect(rotateSealedValues(db(), during, { actor })).rejects.toThrow('缺少密钥 k0');
    expect(await rotationAudits()).toBe(audits);
  });
});

function countK1(values: Map<string, string>): number {
  return [...values.values()].filter((v) => sealedKeyId(v) === 'k1').length;
}
