import type { InspectionListQuery } from '@xuncha/contracts';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

const inspectionScopeColumns = { committeeId: 'i.committee_id', unitId: 'i.unit_id', inspectionId: 'i.id' };

function visibleInspections(db: Db, user: SessionUser) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .where(scopeWhere(user, 'inspection.read', inspectionScopeColumns));
}

const FIELDS = [
  'i.id',
  'i.committee_id as committeeId',
  'i.round_id as roundId',
  'r.name as roundName',
  'i.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'i.type',
  'i.phase',
  'i.team_name as teamName',
  'i.start_date as startDate',
  'i.end_date as endDate',
  'i.feedback_date as feedbackDate',
  'i.selection_reason as selectionReason',
] as const;

export async function listInspections(db: Db, user: SessionUser, query: z.output<typeof InspectionListQuery>) {
  let base = visibleInspections(db, user);
  if (query.roundId) base = base.where('i.round_id', '=', query.roundId);
  if (query.unitId) base = base.where('i.unit_id', '=', query.unitId);
  if (query.phase) base = base.where('i.phase', '=', query.phase);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base.select(FIELDS).orderBy('i.start_date', 'desc').orderBy('i.id').limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findInspection(db: Db, user: SessionUser, id: string) {
  return visibleInspections(db, user).select(FIELDS).where('i.id', '=', id).executeTakeFirst();
}

export function inspectionOfRoundAndUnit(db: Db, roundId: string, unitId: string) {
  return db
    .selectFrom('inspection')
    .select('id')
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function insertInspection(
  db: Db,
  values: {
    committeeId: string;
    roundId: string;
    unitId: string;
    type: string;
    teamName: string;
    startDate: string;
    endDate: string;
    selectionReason: string;
  },
) {
  const row = await db
    .insertInto('inspection')
    .values({
      committee_id: values.committeeId,
      round_id: values.roundId,
      unit_id: values.unitId,
      type: values.type,
      team_name: values.teamName,
      start_date: values.startDate,
      end_date: values.endDate,
      selection_reason: values.selectionReason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function grantTeamRoles(db: Db, inspectionId: string, leaderId: string, memberIds: string[]) {
  const rows = [
    { user_id: leaderId, role_code: 'team_leader', scope_kind: 'inspection', scope_id: inspectionId },
    ...memberIds
      .filter((id) => id !== leaderId)
      .map((id) => ({ user_id: id, role_code: 'team_member', scope_kind: 'inspection', scope_id: inspectionId })),
  ];
  await db
    .insertInto('user_role')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Conditional phase change: 0 rows means someone else moved it first. */
export async function updatePhase(
  db: Db,
  id: string,
  from: string,
  to: string,
  feedback?: { date: string; content: string },
) {
  const result = await db
    .updateTable('inspection')
    .set({ phase: to, ...(feedback ? { feedback_date: feedback.date, feedback_content: feedback.content } : {}) })
    .where('id', '=', id)
    .where('phase', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
