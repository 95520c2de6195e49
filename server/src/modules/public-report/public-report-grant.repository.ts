// Designated readers per inspection: SQL only. A grant is revoked, never deleted.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export function listGrants(db: Db, inspectionId: string) {
  return db
    .selectFrom('public_report_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('app_user as gb', 'gb.id', 'g.granted_by')
    .select([
      'g.id',
      'g.user_id as userId',
      'u.display_name as userName',
      'gb.display_name as grantedByName',
      'g.granted_at as grantedAt',
      'g.revoked_at as revokedAt',
    ])
    .where('g.inspection_id', '=', inspectionId)
    .orderBy(sql`g.revoked_at IS NULL`, 'desc')
    .orderBy('g.granted_at', 'desc')
    .orderBy('g.id')
    .execute();
}

/**
 * Who may be designated: a member of the inspection's team, or 巡察办 staff of its committee — people
 * already bound by the 巡察 confidentiality rules. Active logins only.
 */
export function candidates(db: Db, inspectionId: string, committeeId: string) {
  return db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select(['u.id as userId', 'u.display_name as displayName'])
    .distinct()
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('ur.scope_kind', '=', 'inspection'),
          eb('ur.scope_id', '=', inspectionId),
          eb('ur.role_code', 'in', ['team_leader', 'team_member']),
        ]),
        eb.and([
          eb('ur.scope_kind', '=', 'committee'),
          eb('ur.scope_id', '=', committeeId),
          eb('ur.role_code', 'in', ['office', 'office_director']),
        ]),
      ]),
    )
    .orderBy('u.display_name')
    .execute();
}

export async function insertGrant(db: Db, values: { inspectionId: string; userId: string; by: string }) {
  const row = await db
    .insertInto('public_report_grant')
    .values({ inspection_id: values.inspectionId, user_id: values.userId, granted_by: values.by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findGrant(db: Db, inspectionId: string, grantId: string) {
  return db
    .selectFrom('public_report_grant')
    .select(['id', 'user_id as userId', 'revoked_at as revokedAt'])
    .where('id', '=', grantId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** Conditional: only a live grant is revoked; false means it was revoked already. */
export async function revokeGrant(db: Db, grantId: string, by: string): Promise<boolean> {
  const result = await db
    .updateTable('public_report_grant')
    .set({ revoked_by: by, revoked_at: sql<string>`now()` })
    .where('id', '=', grantId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
