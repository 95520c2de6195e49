// Login attempts and lockout. Accounts are locked by the username typed, whether or not it exists, so the
// answer to a locked name is the same for every name and reveals nothing; addresses are locked by IP
// across all names. Failures before a lock ends (or, for an account, before its last success) no longer count.
import type { LoginReason, SecurityPolicy } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db, Tx } from '../db.ts';
import { AppError } from '../errors.ts';

/** Failures that count towards a lock: a wrong password or a wrong second-factor code. */
const COUNTED: LoginReason[] = ['bad_password', 'bad_code', 'inactive'];

export interface Attempt {
  username: string;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  reason: LoginReason;
}

export async function recordAttempt(tx: Tx, attempt: Attempt, now: Date): Promise<void> {
  await tx
    .insertInto('login_attempt')
    .values({
      at: now.toISOString(),
      username: attempt.username,
      user_id: attempt.userId,
      ip: attempt.ip,
      user_agent: attempt.userAgent?.slice(0, 300) ?? null,
      success: attempt.success,
      reason: attempt.reason,
    })
    .execute();
}

export const lockedError = (minutes: number) =>
  new AppError(429, 'rate_limited', `登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试`);

/** The lock in force on this username or address, as the minutes left (rounded up), or null. */
export async function activeLock(
  db: Db,
  username: string,
  ip: string | null,
  now: Date,
): Promise<{ kind: 'account' | 'ip'; minutesLeft: number } | null> {
  const locks = await db
    .selectFrom('login_lock')
    .select(['kind', 'locked_until'])
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'account'), eb('key', '=', username)]),
        ...(ip ? [eb.and([eb('kind', '=', 'ip'), eb('key', '=', ip)])] : []),
      ]),
    )
    .where('locked_until', '>', now.toISOString())
    .orderBy('kind')
    .execute();
  const lock = locks[0];
  if (!lock) return null;
  return { kind: lock.kind, minutesLeft: Math.ceil((Date.parse(lock.locked_until) - now.getTime()) / 60_000) };
}

async function countSince(tx: Tx, column: 'username' | 'ip', key: string, since: string): Promise<number> {
  const row = await tx
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', key)
    .where('success', '=', false)
    .where('reason', 'in', COUNTED)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where counting starts: the window, the end of the last lock, and for an account its last success. */
async function countingFrom(tx: Tx, kind: 'account' | 'ip', key: string, windowStart: Date): Promise<string> {
  const lastSuccess =
    kind === 'account'
      ? sql<string | null>`(SELECT max(at) FROM login_attempt WHERE username = ${key} AND success)`
      : sql<string | null>`NULL`;
  const row = await sql<{ since: string }>`
    SELECT greatest(${windowStart.toISOString()}::timestamptz,
                    (SELECT locked_until FROM login_lock WHERE kind = ${kind} AND key = ${key}),
                    ${lastSuccess}) AS since`.execute(tx);
  return row.rows[0]?.since ?? windowStart.toISOString();
}

async function lock(tx: Tx, kind: 'account' | 'ip', key: string, now: Date, minutes: number): Promise<void> {
  const until = new Date(now.getTime() + minutes * 60_000).toISOString();
  await tx
    .insertInto('login_lock')
    .values({ kind, key, locked_at: now.toISOString(), locked_until: until })
    .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ locked_at: now.toISOString(), locked_until: until }))
    .execute();
}

/** After a counted failure: locks the username and/or the address when the policy's threshold is reached. */
export async function lockIfDue(
  tx: Tx,
  policy: SecurityPolicy,
  username: string,
  ip: string | null,
  now: Date,
): Promise<{ account: boolean; ip: boolean }> {
  const windowStart = new Date(now.getTime() - policy.lockoutWindowMinutes * 60_000);
  const accountFailures = await countSince(
    tx,
    'username',
    username,
    await countingFrom(tx, 'account', username, windowStart),
  );
  const account = accountFailures >= policy.lockoutThreshold;
  if (account) await lock(tx, 'account', username, now, policy.lockoutMinutes);
  let ipLocked = false;
  if (ip) {
    const ipFailures = await countSince(tx, 'ip', ip, await countingFrom(tx, 'ip', ip, windowStart));
    ipLocked = ipFailures >= policy.ipLockoutThreshold;
    if (ipLocked) await lock(tx, 'ip', ip, now, policy.lockoutMinutes);
  }
  return { account, ip: ipLocked };
}
