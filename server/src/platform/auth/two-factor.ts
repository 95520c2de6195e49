// TOTP enrolment and verification against the database: the sealed secret, the replay guard
// (last accepted time step) and the single-use recovery codes.
import type { LoginReason, TotpSetup } from '@xuncha/contracts';
import type { Config } from '../config.ts';
import { keyringFor } from '../crypto/keyring.ts';
import { open, seal } from '../crypto/sealed.ts';
import type { Db, Tx } from '../db.ts';
import { type Challenge, setPendingSecret } from './login-challenge.ts';
import {
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  recoveryCodeDigest,
  verifyTotp,
} from './totp.ts';

/** The secret being enrolled under this challenge, created on first ask so a reload shows the same QR code. */
export async function enrolmentSecret(
  db: Db,
  config: Config,
  challenge: Challenge,
  username: string,
): Promise<TotpSetup> {
  const keyring = keyringFor(config);
  let secret: string;
  if (challenge.pendingSecretSealed) {
    secret = open(keyring, challenge.pendingSecretSealed);
  } else {
    secret = newTotpSecret();
    await setPendingSecret(db, challenge.tokenHash, seal(keyring, secret));
  }
  return { secret, otpauthUri: otpauthUri(username, secret) };
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_code')
    .values(
      codes.map((code) => ({
        user_id: userId,
        code_hash: recoveryCodeDigest(userId, code),
        created_at: now.toISOString(),
      })),
    )
    .execute();
  return codes;
}

/**
 * Confirms an enrolment with the first code from the app: stores the secret and issues new recovery codes.
 * Null when the code is wrong or there is no secret to confirm.
 */
export async function confirmEnrolment(
  tx: Tx,
  config: Config,
  challenge: Challenge,
  code: string,
  now: Date,
): Promise<string[] | null> {
  if (!challenge.pendingSecretSealed) return null;
  const secret = open(keyringFor(config), challenge.pendingSecretSealed);
  const step = await verifyTotp(secret, code, now, null);
  if (step === null) return null;
  await tx
    .updateTable('app_user')
    .set({
      totp_secret_sealed: challenge.pendingSecretSealed,
      totp_enabled_at: now.toISOString(),
      totp_last_step: step,
    })
    .where('id', '=', challenge.userId)
    .execute();
  return replaceRecoveryCodes(tx, challenge.userId, now);
}

/** Checks a second-factor code of an enrolled user: a TOTP code (once per time step) or an unused recovery code. */
export async function checkSecondFactor(
  tx: Tx,
  config: Config,
  userId: string,
  code: string,
  now: Date,
): Promise<Extract<LoginReason, 'second_factor' | 'recovery_code'> | null> {
  const user = await tx
    .selectFrom('app_user')
    .select(['totp_secret_sealed', 'totp_last_step'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user?.totp_secret_sealed) return null;
  if (/^\d{6}$/.test(code)) {
    const secret = open(keyringFor(config), user.totp_secret_sealed);
    const step = await verifyTotp(secret, code, now, user.totp_last_step);
    if (step === null) return null;
    await tx.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', userId).execute();
    return 'second_factor';
  }
  if (!looksLikeRecoveryCode(code)) return null;
  const used = await tx
    .updateTable('recovery_code')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryCodeDigest(userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1 ? 'recovery_code' : null;
}

export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
