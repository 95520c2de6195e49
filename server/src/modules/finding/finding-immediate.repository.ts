// 立行立改: the unit's people who may own the immediate task, and the task itself. SQL only.
import { sql } from 'kysely';
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

export async function insertImmediateTask(
  db: Db,
  values: {
    committeeId: string;
    unitId: string;
    inspectionId: string;
    findingId: string;
    title: string;
    measures: string;
    responsibleLeader: string;
    responsibleDepartment: string;
    ownerUserId: string;
    dueDate: string;
    at: string;
  },
) {
  // As task.repository inserts a task; the caller holds the finding row lock, so max(seq)+1 cannot race.
  const row = await db
    .insertInto('task')
    .values({
      committee_id: values.committeeId,
      unit_id: values.unitId,
      inspection_id: values.inspectionId,
      finding_id: values.findingId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM task WHERE finding_id = ${values.findingId})`,
      title: values.title,
      measures: values.measures,
      responsible_leader: values.responsibleLeader,
      responsible_department: values.responsibleDepartment,
      owner_user_id: values.ownerUserId,
      due_date: values.dueDate,
      long_term: false,
      immediate: true,
      created_at: values.at,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
