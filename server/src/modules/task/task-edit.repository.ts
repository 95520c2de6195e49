// Edits of the 任务清单/责任清单 fields and the tasks shown in the 三张清单. SQL only.
import type { TaskUpdate } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { taskScopeColumns } from './task.repository.ts';

/** Conditional update: a closed task is not edited (0 rows → the caller answers 409). */
export async function updateTaskFields(db: Db, ids: string[], changes: TaskUpdate, at: string): Promise<number> {
  const result = await db
    .updateTable('task')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.measures !== undefined ? { measures: changes.measures } : {}),
      ...(changes.responsibleLeader !== undefined ? { responsible_leader: changes.responsibleLeader } : {}),
      ...(changes.responsibleDepartment !== undefined ? { responsible_department: changes.responsibleDepartment } : {}),
      ...(changes.ownerUserId !== undefined ? { owner_user_id: changes.ownerUserId } : {}),
      ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
      ...(changes.longTerm !== undefined ? { long_term: changes.longTerm } : {}),
      updated_at: at,
    })
    .where('id', 'in', ids)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The tasks of these findings the user may see, in ledger order. */
export function tasksOfFindings(db: Db, user: SessionUser, findingIds: string[], today: string) {
  if (findingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task as t')
    .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .select([
      't.id',
      't.finding_id as findingId',
      't.committee_id as committeeId',
      't.unit_id as unitId',
      'u.path as unitPath',
      't.inspection_id as inspectionId',
      't.seq',
      't.title',
      't.measures',
      't.responsible_leader as responsibleLeader',
      't.responsible_department as responsibleDepartment',
      't.owner_user_id as ownerUserId',
      'o.display_name as ownerName',
      't.due_date as dueDate',
      't.long_term as longTerm',
      't.status',
      sql<boolean>`(t.status <> 'closed' AND t.due_date < ${today})`.as('overdue'),
      't.next_checkpoint as nextCheckpoint',
    ])
    .where('t.finding_id', 'in', findingIds)
    .where(scopeWhere(user, 'task.read', taskScopeColumns))
    .orderBy('t.finding_id')
    .orderBy('t.seq')
    .execute();
}
export type LedgerTaskRow = Awaited<ReturnType<typeof tasksOfFindings>>[number];
