// Login, logout and per-request authentication with server-side sessions.
// The cookie holds a random 256-bit token; the database stores only its SM3 digest.
import { createHash, randomBytes } from 'node:crypto';
import type { LoginInput } from '@xuncha/contracts';
import type { SessionUser } from '../../access/session-user.ts';
import { type AuditActor, writeAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { type Db, withTransaction } from '../db.ts';
import { unauthenticated } from '../errors.ts';
import { timingDummyHash, verifyPassword } from './password.ts';
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

export async function login(deps: AuthDeps, input: LoginInput, actor: AuditActor, userAgent: string | null) {
  const user = await deps.db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'password_hash', 'active'])
    .where('username', '=', input.username)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(user?.password_hash ?? (await timingDummyHash()), input.password);
  if (!user?.active || !passwordOk) {
    await withTransaction(deps.db, (tx) =>
      writeAudit(
        tx,
        { ...actor, userId: user?.id ?? null, userName: input.username },
        {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: user?.id ?? null,
        },
      ),
    );
    throw unauthenticated('用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionMaxHours * 3_600_000);
  await withTransaction(deps.db, async (tx) => {
    await tx
      .insertInto('session')
      .values({
        token_hash: tokenDigest(token),
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
        ip: actor.ip,
        user_agent: userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await tx.updateTable('app_user').set({ last_login_at: now.toISOString() }).where('id', '=', user.id).execute();
    await writeAudit(
      tx,
      { ...actor, userId: user.id, userName: user.display_name },
      {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
      },
    );
  });
  return { token, maxAgeSeconds: deps.config.sessionMaxHours * 3600 };
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

// Writing last_seen_at on every request would turn each read into a write; a minute of slack
// on a 30-minute idle timeout is harmless.
const TOUCH_AFTER_MS = 60_000;

export async function authenticate(deps: AuthDeps, token: string): Promise<SessionUser | null> {
  const now = deps.clock.now();
  const tokenHash = tokenDigest(token);
  const row = await findLiveSession(deps.db, tokenHash, now, deps.config.sessionIdleMinutes);
  if (!row) return null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) await touchSession(deps.db, tokenHash, now);
  const { lastSeenAt: _lastSeenAt, userId, ...user } = row;
  return { id: userId, ...user };
}
