// Sessions and the grants loaded with them. SQL only.
import type { Permission, RoleCode, ScopeKind } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { UserGrant } from '../../access/session-user.ts';
import type { Db } from '../db.ts';

interface GrantJson {
  role: RoleCode;
  scopeKind: ScopeKind;
  scopeId: string | null;
  scopeName: string | null;
  unitPath: string | null;
  permissions: Permission[];
}

/** A user's grants with their permissions, as one JSON array, so authentication is a single query. */
function grantsOf(userId: RawBuilder<unknown>) {
  return sql<GrantJson[]>`coalesce((
    SELECT json_agg(json_build_object(
      'role', ur.role_code,
      'scopeKind', ur.scope_kind,
      'scopeId', ur.scope_id,
      'scopeName', coalesce(c.name, ou.name, i.team_name),
      'unitPath', ou.path,
      'permissions', coalesce((SELECT array_agg(rp.permission_code ORDER BY rp.permission_code)
                               FROM role_permission rp WHERE rp.role_code = ur.role_code), '{}')
    ) ORDER BY ur.role_code, ur.scope_id)
    FROM user_role ur
    LEFT JOIN committee c ON c.id = ur.scope_id AND ur.scope_kind = 'committee'
    LEFT JOIN org_unit ou ON ou.id = ur.scope_id AND ur.scope_kind = 'unit'
    LEFT JOIN inspection i ON i.id = ur.scope_id AND ur.scope_kind = 'inspection'
    WHERE ur.user_id = ${userId}), '[]'::json)`;
}

function toUserGrants(grants: GrantJson[]): UserGrant[] {
  return grants.map((g) => ({ ...g, permissions: new Set(g.permissions) }));
}

export interface SessionRow {
  userId: string;
  mustChangePassword: boolean;
  username: string;
  displayName: string;
  committeeId: string | null;
  unitId: string | null;
  lastSeenAt: string;
  grants: UserGrant[];
}

/** Each session carries the idle timeout of the policy in force when it was created (0013). */
export async function findLiveSession(db: Db, tokenHash: string, now: Date): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.committee_id as committeeId',
      'u.unit_id as unitId',
      'u.must_change_password as mustChangePassword',
      's.last_seen_at as lastSeenAt',
      grantsOf(sql.ref('u.id')).as('grants'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where(sql<boolean>`s.last_seen_at + make_interval(mins => s.idle_minutes) > ${now.toISOString()}::timestamptz`)
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row && { ...row, grants: toUserGrants(row.grants) };
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ last_seen_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function loadGrants(db: Db, userId: string): Promise<UserGrant[]> {
  const row = await sql<{ grants: GrantJson[] }>`SELECT ${grantsOf(sql.val(userId))} AS grants`.execute(db);
  return toUserGrants(row.rows[0]?.grants ?? []);
}
