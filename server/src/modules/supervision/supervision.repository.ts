// 督办单 reads: SQL only, every read through the caller's supervision.read scope. Answer-overdue and its
// days are derived from the response date and today.
import type { SupervisionListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { escapeLike } from '../org/org.repository.ts';
import { caseScopeColumns } from './rectification-case.ts';
import { AWAITING_ANSWER, OPEN_SUPERVISION } from './supervision.status.ts';

const awaiting = sql<boolean>`so.status IN (${sql.join(AWAITING_ANSWER)})`;
const answerOverdue = (today: string) => sql<boolean>`(${awaiting} AND so.response_due < ${today}::date)`;
export const orderCode = sql<string>`'督办〔' || so.year || '〕' || so.seq || '号'`;

function visibleOrders(db: Db, user: SessionUser) {
  return db
    .selectFrom('supervision_order as so')
    .innerJoin('rectification as rc', 'rc.id', 'so.rectification_id')
    .innerJoin('org_unit as u', 'u.id', 'so.unit_id')
    .innerJoin('app_user as issuer', 'issuer.id', 'so.issued_by')
    .leftJoin('app_user as responder', 'responder.id', 'so.responded_by')
    .leftJoin('task as t', 't.id', 'so.task_id')
    .where(scopeWhere(user, 'supervision.read', caseScopeColumns('so')));
}

const fields = (today: string) =>
  [
    'so.id',
    'so.committee_id as committeeId',
    orderCode.as('code'),
    'so.rectification_id as rectificationId',
    'rc.inspection_id as inspectionId',
    'so.unit_id as unitId',
    'u.name as unitName',
    'u.path as unitPath',
    'so.task_id as taskId',
    't.title as taskTitle',
    'so.reason',
    'so.content',
    'so.response_due as responseDue',
    'so.status',
    answerOverdue(today).as('answerOverdue'),
    sql<number>`CASE WHEN ${answerOverdue(today)} THEN ${today}::date - so.response_due ELSE 0 END`.as('overdueDays'),
    'so.response',
    'responder.display_name as respondedByName',
    'so.responded_at as respondedAt',
    'so.escalated_at as escalatedAt',
    'so.closed_at as closedAt',
    'issuer.display_name as issuedByName',
    'so.issued_at as issuedAt',
  ] as const;

export type SupervisionRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;
export type SupervisionFilter = Omit<SupervisionListQuery, 'page' | 'pageSize'>;

function filtered(db: Db, user: SessionUser, filter: SupervisionFilter, today: string) {
  let q = visibleOrders(db, user);
  if (filter.status) q = q.where('so.status', '=', filter.status);
  if (filter.reason) q = q.where('so.reason', '=', filter.reason);
  if (filter.unitId) q = q.where('so.unit_id', '=', filter.unitId);
  if (filter.rectificationId) q = q.where('so.rectification_id', '=', filter.rectificationId);
  if (filter.open !== undefined) q = q.where('so.status', filter.open ? 'in' : 'not in', [...OPEN_SUPERVISION]);
  if (filter.overdue !== undefined)
    q = q.where(filter.overdue ? answerOverdue(today) : sql<boolean>`NOT ${answerOverdue(today)}`);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where(sql<boolean>`(${orderCode} LIKE ${like} OR u.name LIKE ${like} OR so.content LIKE ${like})`);
  }
  return q;
}

export async function listOrders(
  db: Db,
  user: SessionUser,
  filter: SupervisionFilter,
  page: { page: number; pageSize: number },
  today: string,
) {
  const base = filtered(db, user, filter, today);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select(fields(today))
      // what still needs chasing first: awaiting an answer, the earliest response date first
      .orderBy(awaiting, 'desc')
      .orderBy('so.response_due')
      .orderBy('so.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findOrder(db: Db, user: SessionUser, id: string, today: string) {
  return visibleOrders(db, user).select(fields(today)).where('so.id', '=', id).executeTakeFirst();
}

export function orderHistory(db: Db, id: string) {
  return db
    .selectFrom('supervision_event as e')
    .leftJoin('app_user as a', 'a.id', 'e.actor_id')
    .select([
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.comment',
      'a.display_name as actorName',
      'e.at',
    ])
    .where('e.order_id', '=', id)
    .orderBy('e.seq')
    .execute();
}

/**
 * Tasks the office should consider: not closed and overdue, returned twice or more, or reopened by a 回访,
 * in a case still rectifying and without an open order on the task.
 */
export async function listSuggestions(
  db: Db,
  user: SessionUser,
  filter: { unitId?: string | undefined },
  page: { page: number; pageSize: number },
  today: string,
) {
  const overdue = sql<boolean>`(t.due_date < ${today}::date)`;
  let base = db
    .selectFrom('task as t')
    .innerJoin('rectification as rc', 'rc.inspection_id', 't.inspection_id')
    .innerJoin('org_unit as u', 'u.id', 't.unit_id')
    .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
    .where(scopeWhere(user, 'supervision.issue', caseScopeColumns('t')))
    .where('rc.status', '=', 'rectifying')
    .where('t.status', '<>', 'closed')
    .where(sql<boolean>`(${overdue} OR t.returned_count >= 2 OR t.reopened_count > 0)`)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM supervision_order so WHERE so.task_id = t.id
        AND so.status IN (${sql.join(OPEN_SUPERVISION)}))`,
    );
  if (filter.unitId) base = base.where('t.unit_id', '=', filter.unitId);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select([
        't.id as taskId',
        't.title as taskTitle',
        'rc.id as rectificationId',
        't.unit_id as unitId',
        'u.name as unitName',
        'o.display_name as ownerName',
        't.due_date as dueDate',
        overdue.as('overdue'),
        sql<number>`GREATEST(${today}::date - t.due_date, 0)`.as('overdueDays'),
        't.returned_count as returnedCount',
        't.reopened_count as reopenedCount',
      ])
      .orderBy('t.due_date')
      .orderBy('t.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}
