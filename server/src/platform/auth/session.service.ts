// Server-side sessions: created after the last login step, authenticated per request, listed and ended by
// their owner. The cookie holds a random 256-bit token; the database stores only its SM3 digest.
import { createHash, randomBytes } from 'node:crypto';
import type { ActiveSession, SecurityPolicy } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import { type AuditActor, writeAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { type Db, type Tx, withTransaction } from '../db.ts';
import { notFound } from '../errors.ts';
import { findLiveSession, touchSession } from './session.repository.ts';

export const SESSION_COOKIE = 'xuncha_sid';

export function tokenDigest(token: string): string {
  return createHash('sm3').update(token).digest('hex');
}

export interface AuthDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export interface NewSession {
  token: string;
  maxAgeSeconds: number;
}

/** A live session: not ended, not past its absolute lifetime, not idle for longer than its timeout. */
const live = (now: Date) =>
  sql<boolean>`ended_at IS NULL AND expires_at > ${now.toISOString()}::timestamptz
    AND last_seen_at + make_interval(mins => idle_minutes) > ${now.toISOString()}::timestamptz`;

/** Opens a session under the policy's lifetimes and ends the oldest ones beyond its concurrent limit. */
export async function createSession(
  tx: Tx,
  policy: SecurityPolicy,
  userId: string,
  now: Date,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.sessionMaxHours * 3_600_000);
  await tx
    .insertInto('session')
    .values({
      token_hash: tokenDigest(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      idle_minutes: policy.sessionIdleMinutes,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  await tx
    .updateTable('session')
    .set({ ended_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where(live(now))
    .where(
      'seq',
      'not in',
      tx
        .selectFrom('session')
        .select('seq')
        .where('user_id', '=', userId)
        .where(live(now))
        .orderBy('seq', 'desc')
        .limit(policy.maxConcurrentSessions),
    )
    .execute();
  await tx.updateTable('app_user').set({ last_login_at: now.toISOString() }).where('id', '=', userId).execute();
  return { token, maxAgeSeconds: policy.sessionMaxHours * 3600 };
}

export async function logout(deps: AuthDeps, token: string, actor: AuditActor): Promise<void> {
  await withTransaction(deps.db, async (tx) => {
    await tx
      .updateTable('session')
      .set({ ended_at: deps.clock.now().toISOString() })
      .where('token_hash', '=', tokenDigest(token))
      .where('ended_at', 'is', null)
      .execute();
    await writeAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

/** 退出全部设备: every session of the user ends, the current one too. */
export async function logoutEverywhere(deps: AuthDeps, userId: string, actor: AuditActor): Promise<number> {
  return withTransaction(deps.db, async (tx) => {
    const ended = await tx
      .updateTable('session')
      .set({ ended_at: deps.clock.now().toISOString() })
      .where('user_id', '=', userId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    const count = Number(ended.numUpdatedRows);
    await writeAudit(tx, actor, { action: 'auth.logout_all', entity: 'user', entityId: userId, after: { count } });
    return count;
  });
}

export async function listSessions(deps: AuthDeps, userId: string, currentToken: string): Promise<ActiveSession[]> {
  const now = deps.clock.now();
  const current = tokenDigest(currentToken);
  const rows = await deps.db
    .selectFrom('session')
    .select(['id', 'token_hash', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where(live(now))
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.token_hash === current,
  }));
}

/** Ends one of the user's own live sessions; another user's session id is 404 like an unknown one. */
export async function endSession(deps: AuthDeps, userId: string, sessionId: string, actor: AuditActor): Promise<void> {
  await withTransaction(deps.db, async (tx) => {
    const now = deps.clock.now();
    const ended = await tx
      .updateTable('session')
      .set({ ended_at: now.toISOString() })
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .where(live(now))
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) throw notFound('会话不存在或已结束');
    await writeAudit(tx, actor, { action: 'auth.session_ended', entity: 'session', entityId: sessionId });
  });
}

// Writing last_seen_at on every request would turn each read into a write; a minute of slack
// on a 30-minute idle timeout is harmless.
const TOUCH_AFTER_MS = 60_000;

export type AuthenticatedUser = SessionUser & { mustChangePassword: boolean };

export async function authenticate(deps: AuthDeps, token: string): Promise<AuthenticatedUser | null> {
  const now = deps.clock.now();
  const tokenHash = tokenDigest(token);
  const row = await findLiveSession(deps.db, tokenHash, now);
  if (!row) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) await touchSession(deps.db, tokenHash, now);
  const { lastSeenAt: _lastSeenAt, userId, ...user } = row;
  return { id: userId, ...user };
}
