// The rectification case (one per inspection after feedback) as 督办, 回访 and 问责 see it: loaded through the
// caller's scope for the reading permission of the area, so a case outside it is simply not there (404).
import type { Permission } from '@xuncha/contracts';
import { type ScopedRecord, scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';

/** Scope columns of a table that carries committee_id and unit_id, joined to `rectification as rc`. */
export const caseScopeColumns = (alias: string) => ({
  committeeId: `${alias}.committee_id`,
  unitId: `${alias}.unit_id`,
  inspectionId: 'rc.inspection_id',
});

export interface RectificationCase {
  id: string;
  committeeId: string;
  inspectionId: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  feedbackDate: string;
  status: string;
}

export async function loadCase(db: Db, user: SessionUser, readPermission: Permission, id: string) {
  const row = await db
    .selectFrom('rectification as rc')
    .innerJoin('org_unit as u', 'u.id', 'rc.unit_id')
    .select([
      'rc.id',
      'rc.committee_id as committeeId',
      'rc.inspection_id as inspectionId',
      'rc.unit_id as unitId',
      'u.path as unitPath',
      'u.name as unitName',
      'rc.feedback_date as feedbackDate',
      'rc.status',
    ])
    .where('rc.id', '=', id)
    .where(scopeWhere(user, readPermission, caseScopeColumns('rc')))
    .executeTakeFirst();
  if (!row) throw notFound('整改事项不存在');
  return row satisfies RectificationCase;
}

export const caseRecord = (c: { committeeId: string; unitPath: string; inspectionId: string }): ScopedRecord => ({
  committeeId: c.committeeId,
  unitPath: c.unitPath,
  inspectionId: c.inspectionId,
  ownerUserId: null,
});

/** Tasks of the case (same inspection), by id; ids not of the case are absent from the result. */
export function tasksOfCase(db: Db, inspectionId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task')
    .select(['id', 'title', 'status', 'finding_id as findingId'])
    .where('inspection_id', '=', inspectionId)
    .where('id', 'in', ids)
    .execute();
}

/** The users holding a role on the committee as a whole, e.g. the 领导小组 (leader). */
export async function committeeRoleHolders(db: Db, committeeId: string, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('ur.user_id')
    .distinct()
    .where('ur.scope_kind', '=', 'committee')
    .where('ur.scope_id', '=', committeeId)
    .where('ur.role_code', '=', role)
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}
