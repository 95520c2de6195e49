// 移交: SQL only. Every read applies handoverVisibleWhere, so a recipient sees exactly what was handed to
// it. Overdue, overdue days and due-soon are derived here from the due date and today's date.
import { HANDOVER_INBOX_STATUSES, type HandoverListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { clueContentWhere } from '../clue/clue.access.ts';
import { handoverVisibleWhere } from './handover.access.ts';
import { OPEN_HANDOVER_STATUSES } from './handover.status.ts';

const DUE_SOON_DAYS = 7;
const isOpen = sql<boolean>`h.status IN (${sql.join(OPEN_HANDOVER_STATUSES)})`;
const overdue = (today: string) => sql<boolean>`(${isOpen} AND h.due_date < ${today}::date)`;
const dueSoon = (today: string) =>
  sql<boolean>`(${isOpen} AND h.due_date BETWEEN ${today}::date AND ${today}::date + ${DUE_SOON_DAYS}::int)`;
const code = sql<string>`'移交〔' || h.year || '〕' || h.seq || '号'`;

function visibleHandovers(db: Db, user: SessionUser) {
  return db
    .selectFrom('handover as h')
    .innerJoin('inspection as i', 'i.id', 'h.inspection_id')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('org_unit as u', 'u.id', 'h.unit_id')
    .innerJoin('app_user as sender', 'sender.id', 'h.sent_by')
    .leftJoin('clue as c', 'c.id', 'h.clue_id')
    .leftJoin('finding as f', 'f.id', 'h.finding_id')
    .leftJoin('org_unit as ru', 'ru.id', 'h.recipient_unit_id')
    .where(handoverVisibleWhere(user));
}

const fields = (user: SessionUser, today: string) =>
  [
    'h.id',
    'h.committee_id as committeeId',
    code.as('code'),
    'h.kind',
    'h.recipient',
    'h.recipient_unit_id as recipientUnitId',
    'ru.path as recipientUnitPath',
    'h.recipient_name as recipientName',
    'h.status',
    'h.inspection_id as inspectionId',
    'u.name as unitName',
    'r.name as roundName',
    'h.clue_id as clueId',
    // the clue module's 线索〔2026〕3-07: round year and number, then the clue's number in its inspection
    sql<string | null>`CASE WHEN c.id IS NULL THEN NULL
      ELSE '线索〔' || r.year || '〕' || r.seq || '-' || lpad(c.seq::text, 2, '0') END`.as('clueCode'),
    'c.category as clueCategory',
    sql<boolean>`(c.id IS NOT NULL AND ${clueContentWhere(user)})`.as('contentVisible'),
    'h.finding_id as findingId',
    'f.title as findingTitle',
    'h.sent_on as sentOn',
    'h.due_date as dueDate',
    overdue(today).as('overdue'),
    sql<number>`CASE WHEN ${overdue(today)} THEN ${today}::date - h.due_date ELSE 0 END`.as('overdueDays'),
    dueSoon(today).as('dueSoon'),
    'h.letter_no as letterNo',
    'h.note',
    'h.decision_id as decisionId',
    'sender.display_name as sentByName',
    'h.accepted_on as acceptedOn',
    'h.handler_name as handlerName',
    'h.disposition',
    'h.concluded_on as concludedOn',
    'h.closed_on as closedOn',
    'h.decline_reason as declineReason',
  ] as const;

export type HandoverRow = NonNullable<Awaited<ReturnType<typeof findHandover>>>;
export type HandoverFilter = Omit<HandoverListQuery, 'page' | 'pageSize'>;

function filtered(db: Db, user: SessionUser, filter: HandoverFilter, today: string) {
  let base = visibleHandovers(db, user);
  if (filter.inspectionId) base = base.where('h.inspection_id', '=', filter.inspectionId);
  if (filter.status) base = base.where('h.status', '=', filter.status);
  if (filter.inbox) base = base.where('h.status', 'in', HANDOVER_INBOX_STATUSES[filter.inbox]);
  if (filter.kind) base = base.where('h.kind', '=', filter.kind);
  if (filter.recipient) base = base.where('h.recipient', '=', filter.recipient);
  if (filter.overdue !== undefined)
    base = base.where(filter.overdue ? overdue(today) : sql<boolean>`NOT ${overdue(today)}`);
  if (filter.dueSoon !== undefined)
    base = base.where(filter.dueSoon ? dueSoon(today) : sql<boolean>`NOT ${dueSoon(today)}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where(sql<boolean>`(${code} LIKE ${like} OR h.recipient_name LIKE ${like} OR u.name LIKE ${like})`);
  }
  return base;
}

export async function listHandovers(
  db: Db,
  user: SessionUser,
  filter: HandoverFilter,
  page: { page: number; pageSize: number },
  today: string,
) {
  const base = filtered(db, user, filter, today);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select(fields(user, today))
      // open ones first, the most overdue first: what needs chasing or doing next
      .orderBy(isOpen, 'desc')
      .orderBy('h.due_date')
      .orderBy('h.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findHandover(db: Db, user: SessionUser, id: string, today: string) {
  return visibleHandovers(db, user).select(fields(user, today)).where('h.id', '=', id).executeTakeFirst();
}

/** Counts by status of the visible handovers, with overdue and due-soon (the 巡察办 dashboard card). */
export function summaryRows(db: Db, user: SessionUser, today: string) {
  return db
    .selectFrom('handover as h')
    .where(handoverVisibleWhere(user))
    .select([
      'h.status',
      countRows,
      sql<number>`count(*) FILTER (WHERE ${overdue(today)})`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE ${dueSoon(today)})`.as('dueSoon'),
    ])
    .groupBy('h.status')
    .execute();
}

/** The sealed parts, read only after the caller has decided who may open which. */
export function sealedParts(db: Db, id: string) {
  return db
    .selectFrom('handover as h')
    .leftJoin('clue as c', 'c.id', 'h.clue_id')
    .leftJoin('finding as f', 'f.id', 'h.finding_id')
    .select(['c.content_sealed as clueSealed', 'h.result_sealed as resultSealed', 'f.facts as findingFacts'])
    .where('h.id', '=', id)
    .executeTakeFirstOrThrow();
}

export function handoverHistory(db: Db, id: string) {
  return db
    .selectFrom('handover_event as e')
    .innerJoin('app_user as a', 'a.id', 'e.actor_id')
    .select([
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'a.display_name as actorName',
      'e.note',
      'e.at',
    ])
    .where('e.handover_id', '=', id)
    .orderBy('e.seq')
    .execute();
}

export function currentPersons(db: Db, id: string) {
  return db
    .selectFrom('handover_person')
    .select(['form', 'decided_on as decidedOn'])
    .where('handover_id', '=', id)
    .where('superseded_at', 'is', null)
    .orderBy('seq')
    .execute();
}
