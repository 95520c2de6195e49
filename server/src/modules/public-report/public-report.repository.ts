// SQL of the team's inbox. Every read of report rows goes through readerWhere (public-report.access.ts):
// a user without need-to-know gets no rows, no counts and no export lines from any query here.
import type { PublicReportListQuery, PublicReportStatus } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { ON_SITE } from './public-channel.repository.ts';
import { granterWhere, INSPECTION_COLUMNS, REPORT_COLUMNS, readerWhere } from './public-report.access.ts';

export type ReportFilter = Omit<PublicReportListQuery, 'page' | 'pageSize'> & { inspectionId: string };

function readable(db: Db, user: SessionUser) {
  return db.selectFrom('public_report as p').where(readerWhere(user, REPORT_COLUMNS));
}

const LIST_FIELDS = [
  'p.id',
  'p.committee_id as committeeId',
  'p.inspection_id as inspectionId',
  'p.seq',
  'p.kind',
  'p.status',
  'p.filed_at as filedAt',
  'p.updated_at as updatedAt',
  sql<boolean>`p.contact_sealed IS NULL`.as('anonymous'),
  sql<number>`(SELECT count(*) FROM public_report_attachment pa WHERE pa.report_id = p.id)::int`.as('attachmentCount'),
  'p.replied_at as repliedAt',
  'p.converted_to as convertedTo',
] as const;

function filtered(db: Db, user: SessionUser, filter: ReportFilter) {
  let base = readable(db, user).where('p.inspection_id', '=', filter.inspectionId);
  if (filter.status) base = base.where('p.status', '=', filter.status);
  if (filter.kind) base = base.where('p.kind', '=', filter.kind);
  return base;
}

export function readableRows(
  db: Db,
  user: SessionUser,
  filter: ReportFilter,
  window: { limit: number; offset: number },
) {
  return filtered(db, user, filter)
    .select(LIST_FIELDS)
    .orderBy('p.filed_at', 'desc')
    .orderBy('p.seq', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function listReadable(
  db: Db,
  user: SessionUser,
  filter: ReportFilter,
  page: { page: number; pageSize: number },
) {
  return withTotal(
    readableRows(db, user, filter, pageWindow(page)),
    filtered(db, user, filter).select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findReadable(db: Db, user: SessionUser, id: string) {
  return readable(db, user)
    .select([
      ...LIST_FIELDS,
      'p.content_sealed as contentSealed',
      'p.contact_sealed as contactSealed',
      'p.reply_sealed as replySealed',
      'p.converted_id as convertedId',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReadable>>>;

export function attachments(db: Db, reportId: string) {
  return db
    .selectFrom('public_report_attachment')
    .select(['id', 'name_sealed as nameSealed', 'stored_name as storedName', 'mime', 'size'])
    .where('report_id', '=', reportId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export function history(db: Db, reportId: string) {
  return db
    .selectFrom('public_report_event as e')
    .innerJoin('app_user as a', 'a.id', 'e.actor_id')
    .select(['e.event', 'e.to_status as toStatus', 'a.display_name as actorName', 'e.at'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

export interface Move {
  id: string;
  event: string;
  from: PublicReportStatus;
  to: PublicReportStatus;
  actorId: string;
  at: string;
  /** column changes made with the move (reply text, conversion) */
  set?: { reply_sealed?: string; replied_at?: string; converted_to?: string; converted_id?: string };
}

/** Conditional: the row moves only if it is still in `from` (and not yet converted when converting). */
export async function moveReport(tx: Tx, move: Move): Promise<boolean> {
  let update = tx
    .updateTable('public_report')
    .set({ status: move.to, updated_at: move.at, ...move.set })
    .where('id', '=', move.id)
    .where('status', '=', move.from);
  if (move.set?.converted_to) update = update.where('converted_to', 'is', null);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await tx
    .insertInto('public_report_event')
    .values({
      report_id: move.id,
      event: move.event,
      from_status: move.from,
      to_status: move.to,
      actor_id: move.actorId,
      at: move.at,
    })
    .execute();
  return true;
}

/** Inspections whose inbox the user may open or whose readers the user may designate. */
export function inboxes(db: Db, user: SessionUser) {
  const reader = readerWhere(user, INSPECTION_COLUMNS);
  const granter = granterWhere(user, INSPECTION_COLUMNS);
  return (
    db
      .selectFrom('inspection as i')
      .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
      .innerJoin('round as r', 'r.id', 'i.round_id')
      .select([
        'i.id as inspectionId',
        'u.name as unitName',
        'r.name as roundName',
        sql<boolean>`${reader}`.as('canRead'),
        sql<boolean>`${granter}`.as('canGrant'),
      ])
      // a 巡察办主任 grants across the committee: only inspections on site or with reports are worth listing
      .where((eb) =>
        eb.or([
          reader,
          eb.and([
            granter,
            sql<boolean>`(${ON_SITE} OR EXISTS (SELECT 1 FROM public_report p WHERE p.inspection_id = i.id))`,
          ]),
        ]),
      )
      .orderBy('i.start_date', 'desc')
      .orderBy('u.name')
      .limit(200)
      .execute()
  );
}
