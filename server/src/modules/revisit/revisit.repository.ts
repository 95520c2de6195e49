// 回访 reads and writes: SQL only, every read through the caller's revisit.read scope. "Late" (planned and
// past its date) is derived.
import type { RevisitListQuery, RevisitStatus } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { caseScopeColumns } from '../supervision/rectification-case.ts';

const late = (today: string) => sql<boolean>`(rv.status = 'planned' AND rv.planned_on < ${today}::date)`;

function visibleRevisits(db: Db, user: SessionUser) {
  return db
    .selectFrom('revisit as rv')
    .innerJoin('rectification as rc', 'rc.id', 'rv.rectification_id')
    .innerJoin('org_unit as u', 'u.id', 'rv.unit_id')
    .innerJoin('app_user as creator', 'creator.id', 'rv.created_by')
    .where(scopeWhere(user, 'revisit.read', caseScopeColumns('rv')));
}

const outcomes = (outcome: string) =>
  sql<number>`(SELECT count(*) FROM revisit_outcome o WHERE o.revisit_id = rv.id AND o.outcome = ${outcome})`;

const fields = (today: string) =>
  [
    'rv.id',
    'rv.committee_id as committeeId',
    'rv.rectification_id as rectificationId',
    'rc.inspection_id as inspectionId',
    'rv.unit_id as unitId',
    'u.name as unitName',
    'u.path as unitPath',
    'rv.kind',
    'rv.planned_on as plannedOn',
    'rv.status',
    late(today).as('late'),
    'rv.conducted_on as conductedOn',
    'rv.summary',
    outcomes('stable').as('stableCount'),
    outcomes('rebound').as('reboundCount'),
    'creator.display_name as createdByName',
    'rv.created_at as createdAt',
  ] as const;

export type RevisitRow = NonNullable<Awaited<ReturnType<typeof findRevisit>>>;
export type RevisitFilter = Omit<RevisitListQuery, 'page' | 'pageSize'>;

export async function listRevisits(
  db: Db,
  user: SessionUser,
  filter: RevisitFilter,
  page: { page: number; pageSize: number },
  today: string,
) {
  let q = visibleRevisits(db, user);
  if (filter.status) q = q.where('rv.status', '=', filter.status);
  if (filter.kind) q = q.where('rv.kind', '=', filter.kind);
  if (filter.unitId) q = q.where('rv.unit_id', '=', filter.unitId);
  if (filter.rectificationId) q = q.where('rv.rectification_id', '=', filter.rectificationId);
  if (filter.late !== undefined) q = q.where(filter.late ? late(today) : sql<boolean>`NOT ${late(today)}`);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    q
      .select(fields(today))
      // planned ones first, the soonest first: what the office has to go and do
      .orderBy(sql`rv.status = 'planned'`, 'desc')
      .orderBy('rv.planned_on')
      .orderBy('rv.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findRevisit(db: Db, user: SessionUser, id: string, today: string) {
  return visibleRevisits(db, user).select(fields(today)).where('rv.id', '=', id).executeTakeFirst();
}

export function revisitOutcomes(db: Db, id: string) {
  return db
    .selectFrom('revisit_outcome as o')
    .innerJoin('task as t', 't.id', 'o.task_id')
    .innerJoin('finding as f', 'f.id', 't.finding_id')
    .innerJoin('app_user as a', 'a.id', 'o.recorded_by')
    .leftJoin('finding as nf', 'nf.id', 'o.new_finding_id')
    .select([
      'o.task_id as taskId',
      't.title as taskTitle',
      'f.title as findingTitle',
      'o.outcome',
      'o.note',
      'o.reopened',
      'o.new_finding_id as newFindingId',
      'nf.title as newFindingTitle',
      'a.display_name as recordedByName',
      'o.at',
    ])
    .where('o.revisit_id', '=', id)
    .orderBy('f.seq')
    .orderBy('t.seq')
    .execute();
}

/** Every task of the case, in ledger order: the rows of the outcome table. */
export function caseTasks(db: Db, inspectionId: string) {
  return db
    .selectFrom('task as t')
    .innerJoin('finding as f', 'f.id', 't.finding_id')
    .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
    .select([
      't.id as taskId',
      't.title as taskTitle',
      'f.title as findingTitle',
      'o.display_name as ownerName',
      't.status',
    ])
    .where('t.inspection_id', '=', inspectionId)
    .orderBy('f.seq')
    .orderBy('t.seq')
    .execute();
}

/** The date the latest 整改报告 was submitted (Shanghai calendar date), if any. */
export async function reportDate(db: Db, rectificationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('rectification_report')
    .select(sql<string>`to_char(max(submitted_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD')`.as('day'))
    .where('rectification_id', '=', rectificationId)
    .where('kind', '=', 'rectification')
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return row?.day ?? null;
}

export async function moveRevisit(
  db: Db,
  id: string,
  from: RevisitStatus,
  to: RevisitStatus,
  changes: { conducted_on?: string; summary: string },
): Promise<boolean> {
  const result = await db
    .updateTable('revisit')
    .set({ ...changes, status: to, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
