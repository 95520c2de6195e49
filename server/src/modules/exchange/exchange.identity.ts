// The deployment's signing identity: an SM2 key pair made on first use, its private key sealed at rest with the
// platform keyring (crypto/sealed.ts: SM4-CBC + HMAC-SM3; the sealing key comes from XUNCHA_KEY or
// DATA_DIR/keys, mode 0600). So a database dump or backup alone cannot sign packages, and key rotation
// (crypto/rotate.ts) is the same as for every other sealed value.
import type { ExchangeIdentity } from '@xuncha/contracts';
import { type AuditActor, writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { open, seal } from '../../platform/crypto/sealed.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { fingerprintOf, newSigningKey, type SigningKey } from './exchange.package.ts';
import * as repo from './exchange.repository.ts';

type IdentityRow = NonNullable<Awaited<ReturnType<typeof repo.identity>>>;

/** Made by the first export or by 生成签名密钥 (an audited write: a read never creates it). */
async function ensureIdentity(db: Db, config: Config, actor: AuditActor): Promise<IdentityRow> {
  const known = await repo.identity(db);
  if (known) return known;
  const key = newSigningKey();
  return withTransaction(db, async (tx) => {
    const inserted = await repo.insertIdentity(tx, {
      public_key: key.publicKey,
      fingerprint: fingerprintOf(key.publicKey),
      sealed: seal(keyringFor(config), key.privateKey),
    });
    if (inserted)
      await writeAudit(tx, actor, {
        action: 'exchange.identity_created',
        entity: 'exchange_identity',
        entityId: inserted.deployment_id,
        after: { fingerprint: inserted.fingerprint },
      });
    const row = inserted ?? (await repo.identity(tx));
    if (!row) throw new Error('签名身份创建失败');
    return row;
  });
}

const present = (row: IdentityRow): ExchangeIdentity => ({
  deploymentId: row.deployment_id,
  publicKey: row.public_key,
  fingerprint: row.fingerprint,
  createdAt: row.created_at,
});

export async function findIdentity(db: Db): Promise<ExchangeIdentity | null> {
  const row = await repo.identity(db);
  return row ? present(row) : null;
}

export async function createIdentity(db: Db, config: Config, actor: AuditActor): Promise<ExchangeIdentity> {
  return present(await ensureIdentity(db, config, actor));
}

/** The identity with its private key opened: only for signing, never returned to a client. */
export async function signingIdentity(
  db: Db,
  config: Config,
  actor: AuditActor,
): Promise<{ deploymentId: string; fingerprint: string; key: SigningKey }> {
  const row = await ensureIdentity(db, config, actor);
  return {
    deploymentId: row.deployment_id,
    fingerprint: row.fingerprint,
    key: { publicKey: row.public_key, privateKey: open(keyringFor(config), row.private_key_sealed) },
  };
}
