// Two deployments (two harnesses, two databases): the lower one (a) exports its committee's signed package, the
// upper one (b) registers a's public key and imports it. Figures are hand-computed in exchange.fixtures.ts.
import type { ExchangePackage } from '@xuncha/contracts';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { open } from '../../platform/crypto/sealed.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import {
  EXCHANGE_PERIOD,
  EXPECTED_EMPTY_ROUND,
  EXPECTED_ROUND,
  EXPECTED_STATISTICS,
  seedExchangeFixture,
} from './exchange.fixtures.ts';
import { canonicalJson, fingerprintOf, newSigningKey, signedBody, signPackage, sm3Hex } from './exchange.package.ts';

let a: Harness;
let b: Harness;
beforeAll(async () => {
  [a, b] = await Promise.all([createHarness(), createHarness()]);
  await seedExchangeFixture(a);
}, 120_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const exportFrom = async (h: Harness) =>
  (await (await h.as('office')).post('/api/exchange/packages', EXCHANGE_PERIOD)).json() as ExchangePackage;
const trust = async (h: Harness, publicKey: string, name = '中共示例市城关区委') =>
  (await h.as('office')).post('/api/exchange/trusted-keys', { publicKey, sourceCommitteeName: name });
const importInto = async (h: Harness, body: unknown) => (await h.as('office')).post('/api/exchange/imports', body);
const rows = async (h: Harness, table: 'exchange_import' | 'exchange_export' | 'exchange_trusted_key') =>
  Number(
    (
      await h.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const refusals = async (h: Harness) =>
  (
    await h.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('action', '=', 'exchange.import_refused')
      .execute()
  ).map((r) => (r.after as { reason: string }).reason);

describe('identity', () => {
  it('is an SM2 key made once, its fingerprint the SM3 of the key, its private key sealed at rest', async () => {
    const office = await a.as('office');
    // a read never makes the key: that is an audited write (generate, or the first export)
    expect((await office.get('/api/exchange/identity')).json()).toEqual({ identity: null });
    const first = (await office.post('/api/exchange/identity')).json();
    expect((await office.post('/api/exchange/identity')).json()).toEqual(first);
    expect((await office.get('/api/exchange/identity')).json()).toEqual({ identity: first });
    const created = await a.database.db
      .selectFrom('audit_entry')
      .select('entity_id')
      .where('action', '=', 'exchange.identity_created')
      .execute();
    expect(created).toEqual([{ entity_id: first.deploymentId }]);
    expect(first.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(first.fingerprint).toBe(sm3Hex(Buffer.from(first.publicKey, 'hex')));
    const row = await a.database.db.selectFrom('exchange_identity').selectAll().executeTakeFirstOrThrow();
    expect(row.private_key_sealed).toMatch(/^sm4:/);
    const privateKey = open(keyringFor(a.config), row.private_key_sealed);
    expect(row.private_key_sealed).not.toContain(privateKey);
    expect(sm2.getPublicKeyFromPrivateKey(privateKey)).toBe(first.publicKey);
  });

  it('401 without a session, 403 without exchange.export', async () => {
    expect((await a.anonymous.get('/api/exchange/identity')).statusCode).toBe(401);
    expect((await (await a.as('danwei')).get('/api/exchange/identity')).statusCode).toBe(403);
    expect((await (await a.as('zuyuan')).post('/api/exchange/identity')).statusCode).toBe(403);
  });
});

describe('export', () => {
  it('signs the committee’s round figures (hand-computed) as a .json download, recorded and audited', async () => {
    const res = await (await a.as('office')).post('/api/exchange/packages', EXCHANGE_PERIOD);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*\.json/);
    const pkg = res.json() as ExchangePackage;
    expect(pkg.format).toBe('xuncha-exchange/1');
    expect(pkg.source).toMatchObject({ committeeId: a.demo.committeeId, committeeName: '中共示例市城关区委' });
    expect(pkg.period).toEqual(EXCHANGE_PERIOD);
    expect(pkg.rounds).toEqual([EXPECTED_ROUND, EXPECTED_EMPTY_ROUND]);
    expect(pkg.statistics).toEqual(EXPECTED_STATISTICS);
    expect(pkg.digest).toBe(sm3Hex(signedBody(pkg)));
    expect(pkg.signer.fingerprint).toBe(fingerprintOf(pkg.signer.publicKey));
    expect(sm2.doVerifySignature(signedBody(pkg), pkg.signature, pkg.signer.publicKey, { hash: true })).toBe(true);
    // aggregates only: no finding text, no person, no unit name
    expect(res.body).not.toMatch(/测试问题|测试事实|看板测试镇|负责人|区委组织部/);
    const list = (await (await a.as('office')).get('/api/exchange/packages')).json();
    expect(list.items[0]).toMatchObject({ id: pkg.packageId, digest: pkg.digest, rounds: 2, from: '2026-01-05' });
    const audit = await a.database.db
      .selectFrom('audit_entry')
      .select('entity_id')
      .where('action', '=', 'exchange.export')
      .execute();
    expect(audit.map((r) => r.entity_id)).toContain(pkg.packageId);
    const again = await (await a.as('office')).get(`/api/exchange/packages/${pkg.packageId}`);
    expect(canonicalJson(again.json())).toBe(canonicalJson(pkg));
  });

  it('400 for a bad period, nothing written; 401; 403; 404 for another committee', async () => {
    const before = await rows(a, 'exchange_export');
    const bad = await (await a.as('office')).post('/api/exchange/packages', { from: '2026-02-01', to: '2026-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await rows(a, 'exchange_export')).toBe(before);
    expect((await a.anonymous.post('/api/exchange/packages', EXCHANGE_PERIOD)).statusCode).toBe(401);
    expect((await (await a.as('zuyuan')).post('/api/exchange/packages', EXCHANGE_PERIOD)).statusCode).toBe(403);
    const other = { ...EXCHANGE_PERIOD, committeeId: a.outsider.committeeId };
    expect((await (await a.as('office')).post('/api/exchange/packages', other)).statusCode).toBe(404);
    expect((await (await a.as('office')).get(`/api/exchange/packages/${a.outsider.taskId}`)).statusCode).toBe(404);
    expect(await rows(a, 'exchange_export')).toBe(before);
  });
});

describe('import upstream', () => {
  let pkg: ExchangePackage;
  beforeAll(async () => {
    pkg = await exportFrom(a);
  });

  it('refuses a package from a key not registered, leaving only the audit of the refusal', async () => {
    const res = await importInto(b, pkg);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('可信密钥');
    expect(await rows(b, 'exchange_import')).toBe(0);
    expect(await refusals(b)).toContain('untrusted');
  });

  it('round trip: after registering a’s key, b stores the verified package with its statistics', async () => {
    const { identity } = (await (await a.as('office')).get('/api/exchange/identity')).json();
    const key = await trust(b, identity.publicKey);
    expect(key.statusCode).toBe(200);
    expect(key.json()).toMatchObject({ fingerprint: identity.fingerprint, active: true });
    const res = await importInto(b, pkg);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      packageId: pkg.packageId,
      fingerprint: identity.fingerprint,
      sourceCommitteeName: '中共示例市城关区委',
      statistics: EXPECTED_STATISTICS,
      rounds: [EXPECTED_ROUND, EXPECTED_EMPTY_ROUND],
    });
    const list = (await (await b.as('office')).get('/api/exchange/imports')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].statistics).toEqual(EXPECTED_STATISTICS);
    const detail = await (await b.as('office')).get(`/api/exchange/imports/${list.items[0].id}`);
    expect(detail.json().rounds).toHaveLength(2);
    const xlsx = await (await b.as('office')).get('/api/exchange/imports/export');
    expect(xlsx.statusCode).toBe(200);
  });

  it('409 for the same packageId again (replay), nothing added', async () => {
    const res = await importInto(b, pkg);
    expect(res.statusCode).toBe(409);
    expect(await rows(b, 'exchange_import')).toBe(1);
    expect(await refusals(b)).toContain('replay');
  });

  it('accepts the same content in another key order (canonical JSON)', async () => {
    const fresh = await exportFrom(a);
    const reordered: Record<string, unknown> = Object.fromEntries(Object.entries(fresh).reverse());
    reordered.statistics = Object.fromEntries(Object.entries(fresh.statistics).reverse());
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(fresh));
    expect((await importInto(b, reordered)).statusCode).toBe(200);
  });

  it('refuses tampering: a number, the digest, a swapped signature, the wrong format', async () => {
    const before = await rows(b, 'exchange_import');
    const fresh = await exportFrom(a);
    const other = await exportFrom(a);
    const changed = structuredClone(fresh);
    changed.statistics.findings += 1;
    const redigested = { ...changed, digest: sm3Hex(signedBody(changed)) };
    // someone else's key, re-signed, claiming the trusted signer's fingerprint
    const intruder = newSigningKey();
    const { digest: _d, signature: _s, ...content } = fresh;
    const forged = signPackage(
      { ...content, signer: { publicKey: intruder.publicKey, fingerprint: fresh.signer.fingerprint } },
      intruder,
    );
    const cases: [string, unknown, number, string][] = [
      ['a number', changed, 422, 'digest'],
      ['the digest recomputed after a change', redigested, 422, 'signature'],
      ['the digest alone', { ...fresh, digest: other.digest }, 422, 'digest'],
      ['a signature of another package', { ...fresh, signature: other.signature }, 422, 'signature'],
      ['another key claiming the trusted fingerprint', forged, 422, 'fingerprint'],
      ['the format', { ...fresh, format: 'xuncha-exchange/0' }, 400, 'format'],
      ['an extra field', { ...fresh, names: ['张三'] }, 400, 'format'],
    ];
    for (const [name, body, status, reason] of cases) {
      const res = await importInto(b, body);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().message, name).toMatch(/[\u4e00-\u9fa5]/);
      expect((await refusals(b)).at(-1), name).toBe(reason);
    }
    const huge = await importInto(b, { ...fresh, padding: 'x'.repeat(600 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(await rows(b, 'exchange_import')).toBe(before);
    // the untouched package still goes in: the refusals did not consume it
    expect((await importInto(b, fresh)).statusCode).toBe(200);
  });

  it('refuses a revoked key; revoking twice is 409', async () => {
    const fresh = await exportFrom(a);
    const keys = (await (await b.as('office')).get('/api/exchange/trusted-keys')).json();
    const id = keys.items.find((k: { active: boolean }) => k.active).id;
    expect((await (await b.as('office')).post(`/api/exchange/trusted-keys/${id}/revoke`)).json().active).toBe(false);
    expect((await (await b.as('office')).post(`/api/exchange/trusted-keys/${id}/revoke`)).statusCode).toBe(409);
    const res = await importInto(b, fresh);
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('已停用');
    // the key stays listed (never deleted), and past imports stay
    expect((await (await b.as('office')).get('/api/exchange/trusted-keys')).json().total).toBe(1);
    expect((await (await b.as('office')).get('/api/exchange/imports')).json().total).toBe(3);
  });
});

describe('trusted keys and imports: refusals', () => {
  it('400 for a key that is not an SM2 public key, 409 for one registered twice, nothing written', async () => {
    const before = await rows(b, 'exchange_trusted_key');
    const bad = await trust(b, '04abcd');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const identity = (await (await b.as('office')).post('/api/exchange/identity')).json();
    expect((await trust(b, identity.publicKey, '本级')).statusCode).toBe(200);
    expect((await trust(b, identity.publicKey, '本级')).statusCode).toBe(409);
    expect(await rows(b, 'exchange_trusted_key')).toBe(before + 1);
  });

  it('401 and 403 on every import route', async () => {
    for (const url of ['/api/exchange/trusted-keys', '/api/exchange/imports']) {
      expect((await b.anonymous.get(url)).statusCode).toBe(401);
      expect((await (await b.as('danwei')).get(url)).statusCode).toBe(403);
      expect((await (await b.as('leader')).get(url)).statusCode).toBe(403);
    }
    expect((await (await b.as('zuyuan')).post('/api/exchange/imports', {})).statusCode).toBe(403);
  });

  it('404 for another committee’s key, import or list', async () => {
    const db = b.database.db;
    const other = await db
      .insertInto('exchange_trusted_key')
      .values({
        committee_id: b.outsider.committeeId,
        public_key: `04${'1'.repeat(128)}`,
        fingerprint: 'f'.repeat(64),
        source_committee_name: '外区',
        registered_by: b.outsider.ownerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const office = await b.as('office');
    expect((await office.post(`/api/exchange/trusted-keys/${other.id}/revoke`)).statusCode).toBe(404);
    expect((await office.get(`/api/exchange/imports/${other.id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/exchange/imports?committeeId=${b.outsider.committeeId}`)).statusCode).toBe(404);
    const fresh = await exportFrom(a);
    const res = await office.post(`/api/exchange/imports?committeeId=${b.outsider.committeeId}`, fresh);
    expect(res.statusCode).toBe(404);
    expect(await countRows(b, 'audit_entry')).toBeGreaterThan(0);
  });
});
