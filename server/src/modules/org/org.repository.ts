// Lookups other modules share (a committee in scope, a unit of a committee, people). SQL only.
import { type Permission, THREE_ADMIN_ROLES } from '@xuncha/contracts';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

export function findCommittee(db: Db, user: SessionUser, id: string, permission: Permission = 'committee.read') {
  return db
    .selectFrom('committee')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where(scopeWhere(user, permission, { committeeId: 'committee.id' }))
    .executeTakeFirst();
}

/** Unscoped lookup for writes that already checked the committee. */
export function findUnitInCommittee(db: Db, committeeId: string, id: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'active'])
    .where('id', '=', id)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

export function peopleOfUnitTree(db: Db, unitPath: string) {
  return db
    .selectFrom('app_user as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .select(['a.id', 'a.display_name as displayName', 'a.unit_id as unitId'])
    .where('u.path', 'like', `${unitPath}%`)
    .where('a.active', '=', true)
    .orderBy('a.display_name')
    .limit(500)
    .execute();
}

/** Committee staff who may serve on inspection teams: never the 三员, who must not see case content. */
export function peopleOfCommittee(db: Db, committeeId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'display_name as displayName', 'unit_id as unitId'])
    .where('committee_id', '=', committeeId)
    .where('unit_id', 'is', null)
    .where('active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('user_role')
            .select('user_role.id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role_code', 'in', THREE_ADMIN_ROLES),
        ),
      ),
    )
    .orderBy('display_name')
    .limit(500)
    .execute();
}

/** LIKE treats % and _ as wildcards; a user's keyword is literal text. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
