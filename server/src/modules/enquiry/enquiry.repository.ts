// 函询: SQL only. Every read applies enquiry.read scope — committee (巡察办, 领导小组), inspection (the team) or
// the recipient unit (函询答复单位) — so a respondent sees only what is addressed to its unit, and the inspected
// unit, holding no enquiry.read at all, sees nothing.
import type { EnquiryListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { pageWindow, withTotal } from '../../platform/http/paging.ts';

const enquiryScopeColumns = {
  committeeId: 'e.committee_id',
  unitId: 'e.recipient_unit_id',
  inspectionId: 'e.inspection_id',
};

function visibleEnquiries(db: Db, user: SessionUser) {
  return db
    .selectFrom('enquiry as e')
    .innerJoin('inspection as i', 'i.id', 'e.inspection_id')
    .innerJoin('round as r', 'r.id', 'i.round_id')
    .innerJoin('org_unit as target', 'target.id', 'i.unit_id')
    .innerJoin('org_unit as ru', 'ru.id', 'e.recipient_unit_id')
    .innerJoin('app_user as sender', 'sender.id', 'e.sent_by')
    .leftJoin('app_user as answerer', 'answerer.id', 'e.answered_by')
    .where(scopeWhere(user, 'enquiry.read', enquiryScopeColumns));
}

const overdue = (today: string) => sql<boolean>`(e.status = 'sent' AND e.due_date < ${today})`;

const fields = (today: string) =>
  [
    'e.id',
    'e.committee_id as committeeId',
    'e.inspection_id as inspectionId',
    'i.phase as inspectionPhase',
    'target.name as targetUnitName',
    'r.name as roundName',
    'e.recipient_unit_id as recipientUnitId',
    'ru.name as recipientUnitName',
    'ru.path as recipientUnitPath',
    'e.recipient_kind as recipientKind',
    'e.subject',
    'e.due_date as dueDate',
    'e.status',
    overdue(today).as('overdue'),
    'sender.display_name as sentByName',
    'e.sent_at as sentAt',
    'e.answer',
    'answerer.display_name as answeredByName',
    'e.answered_at as answeredAt',
    'e.withdraw_reason as withdrawReason',
  ] as const;

export type EnquiryRow = NonNullable<Awaited<ReturnType<typeof findEnquiry>>>;
export type EnquiryFilter = Omit<EnquiryListQuery, 'page' | 'pageSize'> & { inspectionId?: string };

export async function listEnquiries(
  db: Db,
  user: SessionUser,
  filter: EnquiryFilter,
  page: { page: number; pageSize: number },
  today: string,
) {
  let base = visibleEnquiries(db, user);
  if (filter.inspectionId) base = base.where('e.inspection_id', '=', filter.inspectionId);
  if (filter.status) base = base.where('e.status', '=', filter.status);
  if (filter.recipientKind) base = base.where('e.recipient_kind', '=', filter.recipientKind);
  if (filter.overdue !== undefined)
    base = base.where(filter.overdue ? overdue(today) : sql<boolean>`NOT ${overdue(today)}`);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select(fields(today))
      // open ones first, soonest due first: what a respondent has to do next
      .orderBy(sql`e.status = 'sent'`, 'desc')
      .orderBy('e.due_date')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  );
}

export function findEnquiry(db: Db, user: SessionUser, id: string, today: string) {
  return visibleEnquiries(db, user).select(fields(today)).where('e.id', '=', id).executeTakeFirst();
}

/** Recipient candidates among `unitIds`: units of the committee, with their path and whether active. */
export function recipientUnits(db: Db, committeeId: string, unitIds: string[]) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'path', 'active'])
    .where('committee_id', '=', committeeId)
    .where('id', 'in', unitIds)
    .execute();
}

/** Recipients among `unitIds` that already have an open enquiry about this inspection. */
export function openEnquiriesTo(db: Db, inspectionId: string, unitIds: string[]) {
  return db
    .selectFrom('enquiry as e')
    .innerJoin('org_unit as u', 'u.id', 'e.recipient_unit_id')
    .select('u.name')
    .where('e.inspection_id', '=', inspectionId)
    .where('e.status', '=', 'sent')
    .where('e.recipient_unit_id', 'in', unitIds)
    .execute();
}

export async function insertEnquiries(
  db: Db,
  rows: {
    committeeId: string;
    inspectionId: string;
    recipientUnitId: string;
    recipientKind: string;
    subject: string;
    dueDate: string;
    sentBy: string;
  }[],
) {
  const inserted = await db
    .insertInto('enquiry')
    .values(
      rows.map((r) => ({
        committee_id: r.committeeId,
        inspection_id: r.inspectionId,
        recipient_unit_id: r.recipientUnitId,
        recipient_kind: r.recipientKind,
        subject: r.subject,
        due_date: r.dueDate,
        sent_by: r.sentBy,
      })),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

/** Conditional: only a still-sent enquiry moves; false means someone else moved it first. */
export async function closeEnquiry(
  db: Db,
  id: string,
  change: { to: 'answered'; content: string; by: string } | { to: 'withdrawn'; reason: string; by: string },
) {
  const set =
    change.to === 'answered'
      ? { status: 'answered', answer: change.content, answered_by: change.by, answered_at: sql<string>`now()` }
      : {
          status: 'withdrawn',
          withdraw_reason: change.reason,
          withdrawn_by: change.by,
          withdrawn_at: sql<string>`now()`,
        };
  const result = await db
    .updateTable('enquiry')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
