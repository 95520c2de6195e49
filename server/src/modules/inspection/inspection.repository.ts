import type { InspectionListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
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
    .leftJoin('team as t', 't.id', 'i.team_id')
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
  'i.team_id as teamId',
  // inspections recorded before teams existed keep their team's name as text
  sql<string | null>`coalesce(t.name, i.team_name)`.as('teamName'),
  'i.start_date as startDate',
  'i.end_date as endDate',
  'i.feedback_date as feedbackDate',
  'i.selection_reason as selectionReason',
  'i.previous_inspection_id as previousInspectionId',
] as const;

export async function listInspections(db: Db, user: SessionUser, query: z.output<typeof InspectionListQuery>) {
  let base = visibleInspections(db, user);
  if (query.roundId) base = base.where('i.round_id', '=', query.roundId);
  if (query.unitId) base = base.where('i.unit_id', '=', query.unitId);
  if (query.teamId) base = base.where('i.team_id', '=', query.teamId);
  if (query.phase) base = base.where('i.phase', '=', query.phase);
  if (query.type) base = base.where('i.type', '=', query.type);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(FIELDS)
      .orderBy('i.start_date', 'desc')
      .orderBy('u.name')
      .orderBy('i.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findInspection(db: Db, user: SessionUser, id: string) {
  return visibleInspections(db, user).select(FIELDS).where('i.id', '=', id).executeTakeFirst();
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

export function inspectionsOfRoundAndUnits(db: Db, roundId: string, unitIds: string[]) {
  return db
    .selectFrom('inspection')
    .select('unit_id as unitId')
    .where('round_id', '=', roundId)
    .where('unit_id', 'in', unitIds)
    .execute();
}

export interface NewInspection {
  committeeId: string;
  roundId: string;
  unitId: string;
  type: string;
  teamId: string | null;
  previousInspectionId: string | null;
  startDate: string;
  endDate: string;
  selectionReason: string;
  override: { reason: string; by: string } | null;
}

export async function insertInspection(db: Db, values: NewInspection) {
  const row = await db
    .insertInto('inspection')
    .values({
      committee_id: values.committeeId,
      round_id: values.roundId,
      unit_id: values.unitId,
      type: values.type,
      team_id: values.teamId,
      previous_inspection_id: values.previousInspectionId,
      start_date: values.startDate,
      end_date: values.endDate,
      selection_reason: values.selectionReason,
      avoidance_override_reason: values.override?.reason ?? null,
      avoidance_overridden_by: values.override?.by ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes of a preparing inspection; conditional on the phase so a concurrent 进驻 wins. */
export async function updatePreparing(
  db: Db,
  id: string,
  values: {
    startDate: string;
    endDate: string;
    selectionReason: string | null;
    teamId: string | null;
    override: { reason: string; by: string } | null;
  },
) {
  const result = await db
    .updateTable('inspection')
    .set({
      start_date: values.startDate,
      end_date: values.endDate,
      selection_reason: values.selectionReason,
      team_id: values.teamId,
      ...(values.override
        ? { avoidance_override_reason: values.override.reason, avoidance_overridden_by: values.override.by }
        : {}),
    })
    .where('id', '=', id)
    .where('phase', '=', 'preparing')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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
