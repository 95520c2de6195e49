// The step between a correct password and a session (second factor or forced enrolment): a random token
// handed to the client, valid for 5 minutes and 5 wrong codes, used once. Only its SM3 digest is stored.
import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db.ts';
import { unauthenticated } from '../errors.ts';
import { tokenDigest } from './session.service.ts';

const CHALLENGE_MINUTES = 5;
const CHALLENGE_MAX_FAILURES = 5;

export type ChallengeKind = 'verify' | 'enrol';

export async function createChallenge(tx: Tx, userId: string, kind: ChallengeKind, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx
    .insertInto('login_challenge')
    .values({
      token_hash: tokenDigest(token),
      user_id: userId,
      kind,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
    })
    .execute();
  return token;
}

export interface Challenge {
  tokenHash: string;
  userId: string;
  pendingSecretSealed: string | null;
}

/** A live challenge of this kind; anything else (unknown, used, expired, too many failures) is 401. */
export async function liveChallenge(db: Db, token: string, kind: ChallengeKind, now: Date): Promise<Challenge> {
  const row = await db
    .selectFrom('login_challenge')
    .select(['token_hash as tokenHash', 'user_id as userId', 'pending_secret_sealed as pendingSecretSealed'])
    .where('token_hash', '=', tokenDigest(token))
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('failures', '<', CHALLENGE_MAX_FAILURES)
    .executeTakeFirst();
  if (!row) throw unauthenticated('登录已过期，请重新输入用户名和密码');
  return row;
}

/** The newest live enrolment a signed-in user started from the 账号安全 page. */
export async function latestEnrolment(db: Db, userId: string, now: Date): Promise<Challenge | undefined> {
  return db
    .selectFrom('login_challenge')
    .select(['token_hash as tokenHash', 'user_id as userId', 'pending_secret_sealed as pendingSecretSealed'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'enrol')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .where('failures', '<', CHALLENGE_MAX_FAILURES)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function setPendingSecret(db: Db, tokenHash: string, sealed: string): Promise<void> {
  await db
    .updateTable('login_challenge')
    .set({ pending_secret_sealed: sealed })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function challengeFailed(tx: Tx, tokenHash: string): Promise<void> {
  await tx
    .updateTable('login_challenge')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function consumeChallenge(tx: Tx, tokenHash: string, now: Date): Promise<void> {
  await tx
    .updateTable('login_challenge')
    .set({ used_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .execute();
}
