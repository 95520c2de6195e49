// 巡察报告 / 反馈意见 drafts: SQL only. Reads apply report.read scope through the inspection — the committee
// (巡察办, 领导小组) or the inspection (its team); there is no unit column, so the inspected unit never sees a draft.
import type { ReportKind, ReportStatus } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';

const reportScopeColumns = { committeeId: 'i.committee_id', inspectionId: 'i.id' };

export function findReport(db: Db, user: SessionUser, inspectionId: string, kind: ReportKind) {
  return db
    .selectFrom('report as r')
    .innerJoin('inspection as i', 'i.id', 'r.inspection_id')
    .leftJoin('app_user as decider', 'decider.id', 'r.decided_by')
    .where(scopeWhere(user, 'report.read', reportScopeColumns))
    .where('r.inspection_id', '=', inspectionId)
    .where('r.kind', '=', kind)
    .select([
      'r.id',
      'r.status',
      'r.current_version as currentVersion',
      'r.submitted_at as submittedAt',
      'r.decided_at as decidedAt',
      'decider.display_name as decidedByName',
      'r.decision_comment as decisionComment',
      sql<string | null>`(SELECT v.content FROM report_version v
        WHERE v.report_id = r.id AND v.version = r.current_version)`.as('content'),
      sql<number | null>`(SELECT max(e.version) FROM report_event e
        WHERE e.report_id = r.id AND e.event = 'issue')`.as('issuedVersion'),
    ])
    .executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

/** The inspection's report or feedback draft, unscoped: the feedback step and meeting decisions check it. */
export function unscopedReport(db: Db, inspectionId: string, kind: ReportKind) {
  return db
    .selectFrom('report')
    .select(['id', 'status', 'current_version as currentVersion'])
    .where('inspection_id', '=', inspectionId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export function reportHistory(db: Db, reportId: string) {
  return db
    .selectFrom('report_event as e')
    .innerJoin('app_user as a', 'a.id', 'e.actor_id')
    .leftJoin('meeting_decision as d', 'd.id', 'e.decision_id')
    .leftJoin('meeting as m', 'm.id', 'd.meeting_id')
    .select([
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'e.version',
      'a.display_name as actorName',
      'e.comment',
      'e.decision_id as decisionId',
      'm.title as decisionTitle',
      'e.at',
    ])
    .where('e.report_id', '=', reportId)
    .orderBy('e.seq')
    .execute();
}

/** The report row of this kind, created empty on first use (the unique key makes a race harmless). */
export async function ensureReport(db: Db, inspectionId: string, kind: ReportKind) {
  await db
    .insertInto('report')
    .values({ inspection_id: inspectionId, kind })
    .onConflict((oc) => oc.columns(['inspection_id', 'kind']).doNothing())
    .execute();
  const row = await unscopedReport(db, inspectionId, kind);
  if (!row) throw new Error('report row missing after insert');
  return row;
}

/**
 * Conditional: bumps the version only if nobody saved one since it was read and the text is still
 * with the team (起草中 or 已退回); returns the new version number, or undefined when it is not.
 */
export async function bumpVersion(db: Db, reportId: string, expectedVersion: number) {
  const row = await db
    .updateTable('report')
    .set({ current_version: sql`current_version + 1`, updated_at: sql`now()` })
    .where('id', '=', reportId)
    .where('current_version', '=', expectedVersion)
    .where('status', 'in', ['draft', 'returned'])
    .returning('current_version')
    .executeTakeFirst();
  return row?.current_version;
}

export async function insertVersion(
  db: Db,
  row: { reportId: string; version: number; content: string; note: string | null; authorId: string },
) {
  await db
    .insertInto('report_version')
    .values({
      report_id: row.reportId,
      version: row.version,
      content: row.content,
      note: row.note,
      author_id: row.authorId,
    })
    .execute();
}

export interface StatusChange {
  from: ReportStatus;
  to: ReportStatus;
  by: string;
  comment: string | null;
  decisionId: string | null;
}

/** Conditional on the status read; false when someone else moved the report first. */
export async function updateStatus(db: Db, reportId: string, change: StatusChange) {
  const stamp =
    change.to === 'submitted'
      ? { submitted_at: sql<string>`now()`, submitted_by: change.by }
      : {
          decided_at: sql<string>`now()`,
          decided_by: change.by,
          decision_comment: change.comment,
          decision_id: change.decisionId,
        };
  const result = await db
    .updateTable('report')
    .set({ status: change.to, updated_at: sql`now()`, ...stamp })
    .where('id', '=', reportId)
    .where('status', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  db: Db,
  row: {
    reportId: string;
    event: string;
    from: string | null;
    to: string;
    version: number | null;
    actorId: string;
    comment?: string | null;
    decisionId?: string | null;
  },
) {
  await db
    .insertInto('report_event')
    .values({
      report_id: row.reportId,
      event: row.event,
      from_status: row.from,
      to_status: row.to,
      version: row.version,
      actor_id: row.actorId,
      comment: row.comment ?? null,
      decision_id: row.decisionId ?? null,
    })
    .execute();
}

const versionFields = [
  'v.version',
  'v.note',
  'a.display_name as authorName',
  'v.created_at as createdAt',
  sql<number>`char_length(v.content)`.as('length'),
] as const;

export function listVersions(db: Db, reportId: string) {
  return db
    .selectFrom('report_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.author_id')
    .select(versionFields)
    .where('v.report_id', '=', reportId)
    .orderBy('v.version', 'desc')
    .execute();
}

export function findVersion(db: Db, reportId: string, version: number) {
  return db
    .selectFrom('report_version as v')
    .innerJoin('app_user as a', 'a.id', 'v.author_id')
    .select([...versionFields, 'v.content'])
    .where('v.report_id', '=', reportId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}
