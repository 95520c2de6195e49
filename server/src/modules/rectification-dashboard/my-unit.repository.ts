// 本单位整改: SQL only. The rectification cases of the units the user answers for (unit-scoped grants only: an
// office user's committee grant would turn "my unit" into the whole committee), with their fed-back findings
// and tasks. A unit has a handful of cases and at most a few hundred tasks, so rows are fetched whole.
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

function unitGrantsOnly(user: SessionUser): SessionUser {
  return { ...user, grants: user.grants.filter((g) => g.scopeKind === 'unit') };
}

export function myCases(db: Db, user: SessionUser) {
  return db
    .selectFrom('rectification as r')
    .innerJoin('inspection as i', 'i.id', 'r.inspection_id')
    .innerJoin('round as rd', 'rd.id', 'i.round_id')
    .innerJoin('org_unit as u', 'u.id', 'r.unit_id')
    .where(
      scopeWhere(unitGrantsOnly(user), 'rectification.read', {
        committeeId: 'r.committee_id',
        unitId: 'r.unit_id',
        inspectionId: 'r.inspection_id',
      }),
    )
    .select([
      'r.id as rectificationId',
      'r.inspection_id as inspectionId',
      'rd.name as roundName',
      'r.unit_id as unitId',
      'u.name as unitName',
      'r.feedback_date as feedbackDate',
      'r.status',
    ])
    .orderBy('r.feedback_date', 'desc')
    .orderBy('r.id')
    .execute();
}

export function caseFindings(db: Db, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('finding as f')
    .select(['f.id', 'f.inspection_id as inspectionId', 'f.seq', 'f.title', 'f.completion', 'f.key_focus as keyFocus'])
    .where('f.inspection_id', 'in', inspectionIds)
    .where('f.status', '=', 'fed_back')
    .orderBy('f.inspection_id')
    .orderBy('f.seq')
    .execute();
}

export function caseTasks(db: Db, inspectionIds: string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task as t')
    .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
    .select([
      't.id',
      't.finding_id as findingId',
      't.seq',
      't.title',
      'o.display_name as ownerName',
      't.due_date as dueDate',
      't.status',
      't.next_checkpoint as nextCheckpoint',
      't.returned_count as returnedCount',
      't.reopened_count as reopenedCount',
      // the Shanghai day of closing, as in progress.repository.ts (updated_at for tasks closed before issue 6)
      sql<string | null>`CASE WHEN t.status = 'closed'
        THEN to_char((coalesce(t.closed_at, t.updated_at) AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') END`.as(
        'closedOn',
      ),
    ])
    .where('t.inspection_id', 'in', inspectionIds)
    .orderBy('t.finding_id')
    .orderBy('t.seq')
    .execute();
}
export type CaseTaskRow = Awaited<ReturnType<typeof caseTasks>>[number];
