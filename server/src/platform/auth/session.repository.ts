// Sessions and the grants loaded with them. SQL only.
import type { Permission, RoleCode, ScopeKind } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { UserGrant } from '../../access/session-user.ts';
import type { Db } from '../db.ts';

export interface SessionRow {
  userId: string;
  username: string;
  displayName: string;
  committeeId: string | null;
  unitId: string | null;
  lastSeenAt: string;
}

export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
  idleMinutes: number,
): Promise<SessionRow | undefined> {
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.committee_id as committeeId',
      'u.unit_id as unitId',
      's.last_seen_at as lastSeenAt',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function loadGrants(db: Db, userId: string): Promise<UserGrant[]> {
  const rows = await db
    .selectFrom('user_role as ur')
    .leftJoin('committee as c', (j) => j.onRef('c.id', '=', 'ur.scope_id').on('ur.scope_kind', '=', 'committee'))
    .leftJoin('org_unit as ou', (j) => j.onRef('ou.id', '=', 'ur.scope_id').on('ur.scope_kind', '=', 'unit'))
    .leftJoin('inspection as i', (j) => j.onRef('i.id', '=', 'ur.scope_id').on('ur.scope_kind', '=', 'inspection'))
    .select([
      'ur.role_code as role',
      'ur.scope_kind as scopeKind',
      'ur.scope_id as scopeId',
      'ou.path as unitPath',
      sql<string | null>`coalesce(c.name, ou.name, i.team_name)`.as('scopeName'),
      sql<string[]>`coalesce((SELECT array_agg(rp.permission_code ORDER BY rp.permission_code)
        FROM role_permission rp WHERE rp.role_code = ur.role_code), '{}')`.as('permissions'),
    ])
    .where('ur.user_id', '=', userId)
    .orderBy('ur.role_code')
    .execute();
  return rows.map((r) => ({
    role: r.role as RoleCode,
    scopeKind: r.scopeKind as ScopeKind,
    scopeId: r.scopeId,
    scopeName: r.scopeName,
    unitPath: r.unitPath,
    permissions: new Set(r.permissions as Permission[]),
  }));
}
