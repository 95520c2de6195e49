// SQL of the public side: which inspections accept reports, filing one, and the receipt-code lookup.
// Nothing here takes a user: these queries answer anonymous callers and select only public columns.
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';
import { countRows } from '../../platform/http/paging.ts';
import { ON_SITE_PHASES } from './public-report.status.ts';

/** `i` is on site (进驻期): the one SQL form of acceptsPublicReports. */
export const ON_SITE = sql<boolean>`i.phase IN (${sql.join(ON_SITE_PHASES)})`;

function accepting(db: Db) {
  return db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as u', 'u.id', 'i.unit_id')
    .leftJoin('announcement as a', (join) =>
      join.onRef('a.inspection_id', '=', 'i.id').on('a.published_at', 'is not', null),
    )
    .where(ON_SITE);
}

/** Name of the unit, the team, the period and the published contact: nothing else leaves the server. */
export async function acceptingTargets(db: Db, window: { limit: number; offset: number }) {
  const [items, total] = await Promise.all([
    accepting(db)
      .select([
        'i.id',
        'u.name as unitName',
        'i.team_name as teamName',
        sql<string>`coalesce(a.period_start, i.start_date)`.as('periodStart'),
        sql<string>`coalesce(a.period_end, i.end_date)`.as('periodEnd'),
        sql<boolean>`a.inspection_id IS NOT NULL`.as('announced'),
        'a.phone',
        'a.mailbox',
        'a.address',
        'a.email',
        'a.reception_hours as receptionHours',
      ])
      .orderBy('u.name')
      .orderBy('i.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    accepting(db).select(countRows).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Locks the inspection, so its phase cannot change and two filings cannot take the same number. */
export function lockTarget(tx: Tx, inspectionId: string) {
  return tx
    .selectFrom('inspection')
    .select(['committee_id as committeeId', 'phase'])
    .where('id', '=', inspectionId)
    .forUpdate()
    .executeTakeFirst();
}

export interface NewReport {
  committeeId: string;
  inspectionId: string;
  kind: string;
  receiptDigest: string;
  contentSealed: string;
  contactSealed: string | null;
  filedAt: string;
}

export async function insertReport(tx: Tx, values: NewReport) {
  return tx
    .insertInto('public_report')
    .values({
      committee_id: values.committeeId,
      inspection_id: values.inspectionId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM public_report WHERE inspection_id = ${values.inspectionId})`,
      kind: values.kind,
      receipt_digest: values.receiptDigest,
      content_sealed: values.contentSealed,
      contact_sealed: values.contactSealed,
      filed_at: values.filedAt,
      updated_at: values.filedAt,
    })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
}

export interface NewAttachment {
  nameSealed: string;
  storedName: string;
  mime: string;
  size: number;
  sm3: string;
}

export async function insertAttachments(tx: Tx, reportId: string, files: NewAttachment[]) {
  if (files.length === 0) return;
  await tx
    .insertInto('public_report_attachment')
    .values(
      files.map((f) => ({
        report_id: reportId,
        name_sealed: f.nameSealed,
        stored_name: f.storedName,
        mime: f.mime,
        size: f.size,
        sm3: f.sm3,
      })),
    )
    .execute();
}

/** One probe of a unique index, found or not: the status page's only query. */
export function findByDigest(db: Db, digest: string) {
  return db
    .selectFrom('public_report')
    .select([
      'status',
      'filed_at as filedAt',
      'updated_at as updatedAt',
      'reply_sealed as replySealed',
      'replied_at as repliedAt',
    ])
    .where('receipt_digest', '=', digest)
    .executeTakeFirst();
}

/** Who is told of a new report: the inspection's team leaders (active logins). */
export async function teamLeaders(db: Db, inspectionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select('ur.user_id')
    .distinct()
    .where('ur.scope_kind', '=', 'inspection')
    .where('ur.scope_id', '=', inspectionId)
    .where('ur.role_code', '=', 'team_leader')
    .where('u.active', '=', true)
    .execute();
  return rows.map((r) => r.user_id);
}
