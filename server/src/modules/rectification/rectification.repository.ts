// Rectification cases: SQL only. Every read applies the case scope (rectification.read over the case's
// committee, unit subtree or inspection). The list is one statement: task counts and the latest
// evaluation come from lateral subqueries, never from a query per row.
import type { RectificationListQuery } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

export function caseScope(user: SessionUser): Expression<SqlBool> {
  return scopeWhere(user, 'rectification.read', {
    committeeId: 'rc.committee_id',
    unitId: 'rc.unit_id',
    inspectionId: 'rc.inspection_id',
  });
}

const overdueTasks = (today: string) =>
  sql<number>`(SELECT count(*) FROM task t WHERE t.inspection_id = rc.inspection_id
    AND t.status <> 'closed' AND t.due_date < ${today}::date)`;

function visibleCases(db: Db, user: SessionUser, today: string) {
  return db
    .selectFrom('rectification as rc')
    .innerJoin('inspection as i', 'i.id', 'rc.inspection_id')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('org_unit as u', 'u.id', 'rc.unit_id')
    .innerJoin('rectification_plan as p', 'p.rectification_id', 'rc.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('task as t')
          .select([
            sql<number>`count(*)`.as('total'),
            sql<number>`count(*) FILTER (WHERE t.status = 'closed')`.as('closed'),
            sql<number>`count(*) FILTER (WHERE t.status <> 'closed' AND t.due_date < ${today}::date)`.as('overdue'),
            sql<number>`count(*) FILTER (WHERE t.status = 'returned')`.as('returned'),
          ])
          .whereRef('t.inspection_id', '=', 'rc.inspection_id')
          .as('ts'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('rectification_evaluation as e')
          .select(['e.result', 'e.evaluated_at', 'e.remedial_due'])
          .whereRef('e.rectification_id', '=', 'rc.id')
          .orderBy('e.evaluated_at', 'desc')
          .limit(1)
          .as('ev'),
      (join) => join.onTrue(),
    )
    .where(caseScope(user));
}

const fields = [
  'rc.id',
  'rc.committee_id as committeeId',
  'rc.inspection_id as inspectionId',
  'rc.unit_id as unitId',
  'u.name as unitName',
  'u.path as unitPath',
  'i.round_id as roundId',
  'r.name as roundName',
  'i.team_name as teamName',
  'rc.feedback_date as feedbackDate',
  'rc.status',
  'p.status as planStatus',
  sql<number>`(SELECT count(*) FROM finding f WHERE f.inspection_id = rc.inspection_id AND f.status = 'fed_back')`.as(
    'findings',
  ),
  'ts.total as tasksTotal',
  'ts.closed as tasksClosed',
  'ts.overdue as tasksOverdue',
  'ts.returned as tasksReturned',
  sql<boolean>`EXISTS (SELECT 1 FROM rectification_report rr WHERE rr.rectification_id = rc.id
    AND rr.kind = 'rectification' AND rr.superseded_at IS NULL)`.as('reportSubmitted'),
  'ev.result as evaluationResult',
  'ev.evaluated_at as evaluatedAt',
  'ev.remedial_due as remedialDue',
  'rc.signed_off_at as signedOffAt',
] as const;

export type CaseFilter = Omit<RectificationListQuery, 'page' | 'pageSize'>;

function filtered(db: Db, user: SessionUser, filter: CaseFilter, today: string) {
  let base = visibleCases(db, user, today);
  if (filter.status) base = base.where('rc.status', '=', filter.status);
  if (filter.roundId) base = base.where('i.round_id', '=', filter.roundId);
  if (filter.unitId) base = base.where('rc.unit_id', '=', filter.unitId);
  if (filter.overdue !== undefined) base = base.where(sql<boolean>`(${overdueTasks(today)} > 0) = ${filter.overdue}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where(sql<boolean>`(u.name LIKE ${like} OR r.name LIKE ${like} OR i.team_name LIKE ${like})`);
  }
  return base;
}

export async function listCases(
  db: Db,
  user: SessionUser,
  filter: CaseFilter,
  page: { page: number; pageSize: number },
  today: string,
) {
  const base = filtered(db, user, filter, today);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select(fields)
      // open cases first, then the oldest feedback: the ones closest to their deadlines
      .orderBy(sql`rc.status = 'rectifying'`, 'desc')
      .orderBy('rc.feedback_date')
      .orderBy('rc.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function findCase(db: Db, user: SessionUser, id: string, today: string) {
  return visibleCases(db, user, today).select(fields).where('rc.id', '=', id).executeTakeFirst();
}

export async function caseIdOfInspection(db: Db, user: SessionUser, inspectionId: string) {
  const row = await db
    .selectFrom('rectification as rc')
    .select('rc.id')
    .where('rc.inspection_id', '=', inspectionId)
    .where(caseScope(user))
    .executeTakeFirst();
  return row?.id;
}

export function signOffDetails(db: Db, id: string) {
  return db
    .selectFrom('rectification as rc')
    .leftJoin('app_user as a', 'a.id', 'rc.signed_off_by')
    .select(['rc.sign_off_comment as comment', 'a.display_name as byName'])
    .where('rc.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Conditional: only a rectifying case is signed off; 0 rows → someone else got there first. */
export async function markSignedOff(db: Db, id: string, input: { by: string; at: string; comment: string }) {
  const result = await db
    .updateTable('rectification')
    .set({ status: 'signed_off', signed_off_by: input.by, signed_off_at: input.at, sign_off_comment: input.comment })
    .where('id', '=', id)
    .where('status', '=', 'rectifying')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
