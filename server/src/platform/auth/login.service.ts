// The login steps. Password (with lockout, IP allow-list, inactive accounts) → either a session at once, or
// a short-lived challenge for the second factor (or, when the policy requires TOTP and the user has none,
// for enrolment) → session. Every attempt is recorded for lockout and the user's login history, and audited.
import {
  type LoginInput,
  type LoginReason,
  type SecondFactorInput,
  type SecurityPolicy,
  THREE_ADMIN_ROLES,
  type TotpSetup,
} from '@xuncha/contracts';
import { type AuditActor, writeAudit } from '../audit.ts';
import { type Tx, withTransaction } from '../db.ts';
import { type AppError, forbidden, unauthenticated } from '../errors.ts';
import { activeLock, lockedError, lockIfDue, recordAttempt } from './lockout.ts';
import { challengeFailed, consumeChallenge, createChallenge, liveChallenge } from './login-challenge.ts';
import { addressAllowed } from './network.ts';
import { timingDummyHash, verifyPassword } from './password.ts';
import { passwordExpired } from './password-policy.ts';
import { loadPolicy } from './policy.ts';
import { type AuthDeps, createSession, type NewSession } from './session.service.ts';
import { checkSecondFactor, confirmEnrolment, enrolmentSecret } from './two-factor.ts';

/** 三员 (DOMAIN.md §1): TOTP is always required for them, whatever the policy says of others. */

export interface LoginClient {
  actor: AuditActor;
  userAgent: string | null;
}

export type LoginOutcome =
  | { kind: 'session'; session: NewSession; userId: string }
  | { kind: 'challenge'; pendingToken: string; enrolmentRequired: boolean };

const BAD_CREDENTIALS = '用户名或密码错误';
const networkRefused = (ip: string | null) =>
  forbidden(`当前网络地址（${ip ?? '未知'}）不在允许登录的范围内，请在单位内网登录或联系安全管理员`);

interface Failure {
  username: string;
  userId: string | null;
  reason: LoginReason;
  error: AppError;
}

/** Records and audits a refused attempt, locks the name/address when due, and throws the error. */
async function refuse(deps: AuthDeps, policy: SecurityPolicy, client: LoginClient, failure: Failure): Promise<never> {
  const now = deps.clock.now();
  const ip = client.actor.ip;
  await withTransaction(deps.db, async (tx) => {
    await recordAttempt(
      tx,
      {
        username: failure.username,
        userId: failure.userId,
        ip,
        userAgent: client.userAgent,
        success: false,
        reason: failure.reason,
      },
      now,
    );
    const actor = { ...client.actor, userId: failure.userId, userName: failure.username };
    await writeAudit(tx, actor, {
      action: failure.reason === 'ip_not_allowed' ? 'auth.login_refused_network' : 'auth.login_failed',
      entity: 'user',
      entityId: failure.userId,
      after: { reason: failure.reason },
    });
    if (!['bad_password', 'bad_code', 'inactive'].includes(failure.reason)) return;
    const locked = await lockIfDue(tx, policy, failure.username, ip, now);
    if (locked.account || locked.ip)
      await writeAudit(tx, actor, {
        action: 'auth.locked',
        entity: 'user',
        entityId: failure.userId,
        after: {
          username: locked.account ? failure.username : null,
          ip: locked.ip ? ip : null,
          minutes: policy.lockoutMinutes,
        },
      });
  });
  throw failure.error;
}

async function refuseIfLocked(
  deps: AuthDeps,
  policy: SecurityPolicy,
  client: LoginClient,
  username: string,
  userId: string | null,
) {
  const lock = await activeLock(deps.db, username, client.actor.ip, deps.clock.now());
  if (lock)
    await refuse(deps, policy, client, {
      username,
      userId,
      reason: lock.kind === 'account' ? 'locked' : 'ip_locked',
      error: lockedError(lock.minutesLeft),
    });
}

/** The last step of every path: the session, an expired password turned into "must change", the record. */
async function finish(
  deps: AuthDeps,
  policy: SecurityPolicy,
  client: LoginClient,
  user: { id: string; username: string; displayName: string; passwordChangedAt: string | null },
  reason: LoginReason,
  /** work in the same transaction (checking the code); may name a more precise method to record */
  extra?: (tx: Tx) => Promise<LoginReason | undefined>,
): Promise<NewSession> {
  const now = deps.clock.now();
  return withTransaction(deps.db, async (tx) => {
    const method = (await extra?.(tx)) ?? reason;
    const session = await createSession(tx, policy, user.id, now, { ip: client.actor.ip, userAgent: client.userAgent });
    if (passwordExpired(policy, user.passwordChangedAt, now))
      await tx.updateTable('app_user').set({ must_change_password: true }).where('id', '=', user.id).execute();
    await recordAttempt(
      tx,
      {
        username: user.username,
        userId: user.id,
        ip: client.actor.ip,
        userAgent: client.userAgent,
        success: true,
        reason: method,
      },
      now,
    );
    await writeAudit(
      tx,
      { ...client.actor, userId: user.id, userName: user.displayName },
      { action: 'auth.login', entity: 'user', entityId: user.id, after: { method } },
    );
    return session;
  });
}

async function loginUser(deps: AuthDeps, where: { username: string } | { id: string }) {
  let query = deps.db
    .selectFrom('app_user as u')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.password_hash as passwordHash',
      'u.active',
      'u.password_changed_at as passwordChangedAt',
      'u.totp_secret_sealed as totpSecretSealed',
      eb
        .exists(
          eb
            .selectFrom('user_role as r')
            .whereRef('r.user_id', '=', 'u.id')
            .where('r.role_code', 'in', THREE_ADMIN_ROLES),
        )
        .as('isAdmin'),
    ]);
  query = 'id' in where ? query.where('u.id', '=', where.id) : query.where('u.username', '=', where.username);
  return query.executeTakeFirst();
}

export async function passwordStep(deps: AuthDeps, input: LoginInput, client: LoginClient): Promise<LoginOutcome> {
  const policy = await loadPolicy(deps.db, deps.config);
  const now = deps.clock.now();
  const ip = client.actor.ip;
  await refuseIfLocked(deps, policy, client, input.username, null);
  if (!addressAllowed(policy.allowedNetworks, ip))
    await refuse(deps, policy, client, {
      username: input.username,
      userId: null,
      reason: 'ip_not_allowed',
      error: networkRefused(ip),
    });
  const user = await loginUser(deps, { username: input.username });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  if (!user || !passwordOk || !user.active)
    return refuse(deps, policy, client, {
      username: input.username,
      userId: user?.id ?? null,
      reason: user && passwordOk ? 'inactive' : 'bad_password',
      error: unauthenticated(BAD_CREDENTIALS),
    });
  if (user.isAdmin && !addressAllowed(policy.adminAllowedNetworks, ip))
    await refuse(deps, policy, client, {
      username: input.username,
      userId: user.id,
      reason: 'ip_not_allowed',
      error: networkRefused(ip),
    });
  const required = user.isAdmin || policy.twoFactor === 'all';
  if (user.totpSecretSealed || required) {
    const kind = user.totpSecretSealed ? 'verify' : 'enrol';
    const pendingToken = await withTransaction(deps.db, (tx) => createChallenge(tx, user.id, kind, now));
    return { kind: 'challenge', pendingToken, enrolmentRequired: kind === 'enrol' };
  }
  return { kind: 'session', session: await finish(deps, policy, client, user, 'password'), userId: user.id };
}

async function challengeUser(deps: AuthDeps, userId: string) {
  const user = await loginUser(deps, { id: userId });
  if (!user?.active) throw unauthenticated('登录已过期，请重新输入用户名和密码');
  return user;
}

async function wrongCode(
  deps: AuthDeps,
  policy: SecurityPolicy,
  client: LoginClient,
  tokenHash: string,
  user: { id: string; username: string },
) {
  await withTransaction(deps.db, (tx) => challengeFailed(tx, tokenHash));
  return refuse(deps, policy, client, {
    username: user.username,
    userId: user.id,
    reason: 'bad_code',
    error: unauthenticated('验证码错误或已使用，请输入动态验证码或恢复码'),
  });
}

export async function secondFactorStep(deps: AuthDeps, input: SecondFactorInput, client: LoginClient) {
  const policy = await loadPolicy(deps.db, deps.config);
  const now = deps.clock.now();
  const challenge = await liveChallenge(deps.db, input.pendingToken, 'verify', now);
  const user = await challengeUser(deps, challenge.userId);
  await refuseIfLocked(deps, policy, client, user.username, user.id);
  const session = await finish(deps, policy, client, user, 'second_factor', async (tx) => {
    const method = await checkSecondFactor(tx, deps.config, user.id, input.code, now);
    // a wrong code rolls the session back; the failure is recorded below, outside this transaction
    if (!method) throw WRONG_CODE;
    await consumeChallenge(tx, challenge.tokenHash, now);
    return method;
  }).catch((error: unknown) => (error === WRONG_CODE ? null : Promise.reject(error)));
  if (!session) return wrongCode(deps, policy, client, challenge.tokenHash, user);
  return { session, userId: user.id };
}
const WRONG_CODE = new Error('wrong second-factor code');

export async function enrolmentStart(deps: AuthDeps, pendingToken: string): Promise<TotpSetup> {
  const challenge = await liveChallenge(deps.db, pendingToken, 'enrol', deps.clock.now());
  const user = await challengeUser(deps, challenge.userId);
  return enrolmentSecret(deps.db, deps.config, challenge, user.username);
}

export async function enrolmentConfirm(deps: AuthDeps, input: SecondFactorInput, client: LoginClient) {
  const policy = await loadPolicy(deps.db, deps.config);
  const now = deps.clock.now();
  const challenge = await liveChallenge(deps.db, input.pendingToken, 'enrol', now);
  const user = await challengeUser(deps, challenge.userId);
  await refuseIfLocked(deps, policy, client, user.username, user.id);
  let recoveryCodes: string[] | null = null;
  const session = await finish(deps, policy, client, user, 'enrolled', async (tx) => {
    recoveryCodes = await confirmEnrolment(tx, deps.config, challenge, input.code, now);
    if (!recoveryCodes) throw WRONG_CODE;
    await consumeChallenge(tx, challenge.tokenHash, now);
    await writeAudit(
      tx,
      { ...client.actor, userId: user.id, userName: user.displayName },
      { action: 'auth.totp_enrolled', entity: 'user', entityId: user.id },
    );
    return undefined;
  }).catch((error: unknown) => (error === WRONG_CODE ? null : Promise.reject(error)));
  if (!session || !recoveryCodes) return wrongCode(deps, policy, client, challenge.tokenHash, user);
  return { session, userId: user.id, recoveryCodes: recoveryCodes as string[] };
}
