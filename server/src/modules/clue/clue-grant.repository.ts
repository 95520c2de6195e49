// Per-clue need-to-know grants: SQL only. A grant is revoked, never deleted, so the list is its history.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

/** Team roles a clue may be granted to: the grantee must already be on the inspection's team. */
const TEAM_ROLES = ['team_leader', 'team_member'];

export function listGrants(db: Db, clueId: string) {
  return db
    .selectFrom('clue_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('app_user as gb', 'gb.id', 'g.granted_by')
    .leftJoin('app_user as rb', 'rb.id', 'g.revoked_by')
    .select([
      'g.id',
      'g.user_id as userId',
      'u.display_name as userName',
      'g.reason',
      'gb.display_name as grantedByName',
      'g.granted_at as grantedAt',
      'rb.display_name as revokedByName',
      'g.revoked_at as revokedAt',
    ])
    .where('g.clue_id', '=', clueId)
    .orderBy(sql`g.revoked_at IS NULL`, 'desc')
    .orderBy('g.granted_at', 'desc')
    .orderBy('g.id')
    .execute();
}

/** Members of the inspection's team (one row per user, team leader first). */
export function teamMembers(db: Db, inspectionId: string) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select(['u.id as userId', 'u.display_name as displayName', sql<string>`min(ur.role_code)`.as('role')])
    .where('ur.scope_kind', '=', 'inspection')
    .where('ur.scope_id', '=', inspectionId)
    .where('ur.role_code', 'in', TEAM_ROLES)
    .groupBy(['u.id', 'u.display_name'])
    .orderBy(sql`min(ur.role_code)`)
    .orderBy('u.display_name')
    .execute();
}

export async function isTeamMember(db: Db, inspectionId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('user_role')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('scope_kind', '=', 'inspection')
    .where('scope_id', '=', inspectionId)
    .where('role_code', 'in', TEAM_ROLES)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertGrant(db: Db, values: { clueId: string; userId: string; reason: string; by: string }) {
  const row = await db
    .insertInto('clue_grant')
    .values({ clue_id: values.clueId, user_id: values.userId, reason: values.reason, granted_by: values.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findGrant(db: Db, clueId: string, grantId: string) {
  return db
    .selectFrom('clue_grant')
    .select(['id', 'user_id as userId', 'revoked_at as revokedAt'])
    .where('id', '=', grantId)
    .where('clue_id', '=', clueId)
    .executeTakeFirst();
}

/** Conditional: only a live grant is revoked; false means it was revoked already. */
export async function revokeGrant(db: Db, grantId: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('clue_grant')
    .set({ revoked_by: by, revoked_at: sql<string>`now()` })
    .where('id', '=', grantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
