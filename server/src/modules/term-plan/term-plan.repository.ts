// Term plans and their unit lists: SQL only. Every read is scoped by term_plan.read on the committee.
import type { TermPlanListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

function visiblePlans(db: Db, user: SessionUser) {
  return db
    .selectFrom('term_plan as p')
    .innerJoin('committee as c', 'c.id', 'p.committee_id')
    .where(scopeWhere(user, 'term_plan.read', { committeeId: 'p.committee_id' }));
}

const PLAN_FIELDS = [
  'p.id',
  'p.committee_id as committeeId',
  'c.name as committeeName',
  'p.name',
  'p.start_date as startDate',
  'p.end_date as endDate',
  'p.rounds_per_year as roundsPerYear',
  'p.notes',
  sql<number>`(SELECT count(*) FROM term_plan_unit t WHERE t.term_plan_id = p.id AND t.included)`.as('unitCount'),
  sql<number>`(SELECT count(*) FROM term_plan_unit t WHERE t.term_plan_id = p.id AND NOT t.included)`.as(
    'excludedCount',
  ),
] as const;

export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function listPlans(db: Db, user: SessionUser, query: z.output<typeof TermPlanListQuery>) {
  let base = visiblePlans(db, user);
  if (query.committeeId) base = base.where('p.committee_id', '=', query.committeeId);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base.select(PLAN_FIELDS).orderBy('p.start_date', 'desc').orderBy('p.id').limit(limit).offset(offset).execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findPlan(db: Db, user: SessionUser, id: string) {
  return visiblePlans(db, user).select(PLAN_FIELDS).where('p.id', '=', id).executeTakeFirst();
}

/** Serialises plan changes of one committee, so two overlapping plans cannot both pass the overlap check. */
export async function lockCommittee(db: Db, committeeId: string) {
  await sql`SELECT id FROM committee WHERE id = ${committeeId} FOR UPDATE`.execute(db);
}

/** Another plan of the committee whose term shares at least one day with [start, end]. */
export function overlappingPlan(db: Db, committeeId: string, start: string, end: string, exceptId: string | null) {
  let query = db
    .selectFrom('term_plan')
    .select(['id', 'name'])
    .where('committee_id', '=', committeeId)
    .where('start_date', '<=', end)
    .where('end_date', '>=', start);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function insertPlan(
  db: Db,
  values: {
    committeeId: string;
    name: string;
    startDate: string;
    endDate: string;
    roundsPerYear: number;
    notes: string | null;
    createdBy: string;
  },
) {
  const row = await db
    .insertInto('term_plan')
    .values({
      committee_id: values.committeeId,
      name: values.name,
      start_date: values.startDate,
      end_date: values.endDate,
      rounds_per_year: values.roundsPerYear,
      notes: values.notes,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every active unit of the committee, villages included, in one statement. */
export async function includeAllActiveUnits(db: Db, planId: string, committeeId: string, by: string) {
  await sql`INSERT INTO term_plan_unit (term_plan_id, unit_id, updated_by)
    SELECT ${planId}, id, ${by} FROM org_unit WHERE committee_id = ${committeeId} AND active`.execute(db);
}

export async function updatePlan(
  db: Db,
  id: string,
  changes: { name?: string; startDate?: string; endDate?: string; roundsPerYear?: number; notes?: string | null },
) {
  await db
    .updateTable('term_plan')
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.startDate === undefined ? {} : { start_date: changes.startDate }),
      ...(changes.endDate === undefined ? {} : { end_date: changes.endDate }),
      ...(changes.roundsPerYear === undefined ? {} : { rounds_per_year: changes.roundsPerYear }),
      ...(changes.notes === undefined ? {} : { notes: changes.notes }),
      updated_at: sql<string>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Units among `unitIds` that belong to the committee, with whether they are active. */
export async function unitsOfCommittee(db: Db, committeeId: string, unitIds: string[]) {
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'active'])
    .where('committee_id', '=', committeeId)
    .where('id', 'in', unitIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.active]));
}

/**
 * Include or exclude units: adds units not listed yet, flips listed ones only when they are in the other
 * state (conditional), so the count says how many really changed.
 */
export async function setIncluded(
  db: Db,
  planId: string,
  unitIds: string[],
  included: boolean,
  reason: string | null,
  by: string,
) {
  const result = await sql`INSERT INTO term_plan_unit (term_plan_id, unit_id, included, reason, updated_by)
    SELECT ${planId}, id, ${included}, ${reason}, ${by} FROM unnest(${unitIds}::uuid[]) AS id
    ON CONFLICT (term_plan_id, unit_id) DO UPDATE
      SET included = EXCLUDED.included, reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by, updated_at = now()
      WHERE term_plan_unit.included IS DISTINCT FROM EXCLUDED.included`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Sets the planned year of listed units; units not in the plan are not touched. */
export async function setPlannedYear(db: Db, planId: string, unitIds: string[], year: number | null, by: string) {
  const result = await db
    .updateTable('term_plan_unit')
    .set({ planned_year: year, updated_by: by, updated_at: sql<string>`now()` })
    .where('term_plan_id', '=', planId)
    .where('unit_id', 'in', unitIds)
    .execute();
  return result.reduce((sum, r) => sum + Number(r.numUpdatedRows), 0);
}
