// 立行立改: the unit's people who may own the immediate task (the task is inserted by task.repository). SQL only.
import type { Db } from '../../platform/db.ts';

/** The roles a unit's 立行立改 owner holds; the order is the default's preference. */
export const OWNER_ROLES = ['unit_liaison', 'unit_head', 'task_owner'] as const;

/** Active people of the unit (or a unit below it) holding an owner role, one row per person and role. */
export function ownerCandidates(db: Db, unitPath: string) {
  return db
    .selectFrom('app_user as a')
    .innerJoin('org_unit as u', 'u.id', 'a.unit_id')
    .innerJoin('user_role as r', 'r.user_id', 'a.id')
    .select(['a.id', 'a.display_name as displayName', 'a.unit_id as unitId', 'r.role_code as role'])
    .where('u.path', 'like', `${unitPath}%`)
    .where('a.active', '=', true)
    .where('r.role_code', 'in', OWNER_ROLES)
    .orderBy('a.display_name')
    .orderBy('a.id')
    .limit(500)
    .execute();
}

export function unitNames(db: Db, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['name', 'head_name as headName'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
}
