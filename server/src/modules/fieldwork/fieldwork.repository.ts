// 了解情况 records and their attachments. SQL only. Every read is scoped by fieldwork.read: the team
// (inspection grants) and the committee see all records, the inspected unit only its self-checks.
// List queries never select the sealed columns; only `sealedContent` does, for one record.
import type { FieldworkListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

const fieldworkScopeColumns = {
  committeeId: 'fr.committee_id',
  unitId: 'fr.unit_id',
  inspectionId: 'fr.inspection_id',
  unitCondition: sql`fr.kind = 'self_check'`,
};

function visibleRecords(db: Db, user: SessionUser) {
  return db
    .selectFrom('fieldwork_record as fr')
    .innerJoin('inspection as i', 'i.id', 'fr.inspection_id')
    .innerJoin('org_unit as u', 'u.id', 'fr.unit_id')
    .innerJoin('app_user as cu', 'cu.id', 'fr.created_by')
    .where(scopeWhere(user, 'fieldwork.read', fieldworkScopeColumns));
}

const FIELDS = [
  'fr.id',
  'fr.seq',
  'fr.committee_id as committeeId',
  'fr.inspection_id as inspectionId',
  'u.path as unitPath',
  'i.phase',
  'fr.kind',
  'fr.title',
  'fr.occurred_on as occurredOn',
  'fr.start_time as startTime',
  'fr.place',
  'fr.sensitive',
  // plain column: NULL whenever the record is sensitive (a CHECK constraint keeps it so)
  'fr.summary',
  'fr.details',
  'fr.created_by as createdBy',
  'cu.display_name as createdByName',
  'fr.created_at as createdAt',
  sql<number>`(SELECT count(*) FROM fieldwork_attachment a WHERE a.record_id = fr.id)`.as('attachmentCount'),
] as const;

export type FieldworkFilter = Omit<FieldworkListQuery, 'page' | 'pageSize'>;

function filtered(db: Db, user: SessionUser, inspectionId: string, query: FieldworkFilter) {
  let base = visibleRecords(db, user).where('fr.inspection_id', '=', inspectionId);
  if (query.kind) base = base.where('fr.kind', '=', query.kind);
  if (query.q) base = base.where('fr.title', 'ilike', `%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
  if (query.dateFrom) base = base.where('fr.occurred_on', '>=', query.dateFrom);
  if (query.dateTo) base = base.where('fr.occurred_on', '<=', query.dateTo);
  if (query.sensitive !== undefined) base = base.where('fr.sensitive', '=', query.sensitive);
  return base;
}

export function listRecords(db: Db, user: SessionUser, inspectionId: string, query: FieldworkListQuery) {
  const base = filtered(db, user, inspectionId, query);
  const { limit, offset } = pageWindow(query);
  return withTotal(
    base
      .select(FIELDS)
      .orderBy('fr.occurred_on', 'desc')
      .orderBy('fr.seq', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

/** One export batch, in list order. */
export function exportBatch(
  db: Db,
  user: SessionUser,
  inspectionId: string,
  query: FieldworkFilter,
  batch: { offset: number; limit: number },
) {
  return filtered(db, user, inspectionId, query)
    .select(FIELDS)
    .orderBy('fr.occurred_on', 'desc')
    .orderBy('fr.seq', 'desc')
    .limit(batch.limit)
    .offset(batch.offset)
    .execute();
}

export function findRecord(db: Db, user: SessionUser, id: string) {
  return visibleRecords(db, user).select(FIELDS).where('fr.id', '=', id).executeTakeFirst();
}
export type FieldworkRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** Counts by kind of the records this user may see in one inspection. */
export function countByKind(db: Db, user: SessionUser, inspectionId: string) {
  return visibleRecords(db, user)
    .where('fr.inspection_id', '=', inspectionId)
    .select([
      'fr.kind',
      sql<number>`count(*)`.as('n'),
      sql<number>`count(*) FILTER (WHERE fr.sensitive)`.as('sensitive'),
    ])
    .groupBy('fr.kind')
    .execute();
}

/** The sealed columns of one record; call only after the record was found in scope. */
export function sealedContent(db: Db, id: string) {
  return db
    .selectFrom('fieldwork_record')
    .select(['summary_sealed as summarySealed', 'identity_sealed as identitySealed'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export interface RecordContent {
  title: string;
  occurredOn: string;
  startTime: string | null;
  place: string | null;
  sensitive: boolean;
  summary: string | null;
  summarySealed: string | null;
  identitySealed: string | null;
  details: string;
}

export async function insertRecord(
  db: Db,
  values: RecordContent & {
    committeeId: string;
    inspectionId: string;
    unitId: string;
    kind: string;
    createdBy: string;
  },
) {
  // The caller holds the inspection row lock, so max(seq)+1 cannot race.
  const row = await db
    .insertInto('fieldwork_record')
    .values({
      committee_id: values.committeeId,
      inspection_id: values.inspectionId,
      unit_id: values.unitId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM fieldwork_record WHERE inspection_id = ${values.inspectionId})`,
      kind: values.kind,
      title: values.title,
      occurred_on: values.occurredOn,
      start_time: values.startTime,
      place: values.place,
      sensitive: values.sensitive,
      summary: values.summary,
      summary_sealed: values.summarySealed,
      identity_sealed: values.identitySealed,
      details: values.details,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The caller holds the row lock (`lockRecord`), so the record it checked is the one it changes. */
export async function updateRecord(db: Db, id: string, values: RecordContent & { at: string }) {
  await db
    .updateTable('fieldwork_record')
    .set({
      title: values.title,
      occurred_on: values.occurredOn,
      start_time: values.startTime,
      place: values.place,
      sensitive: values.sensitive,
      summary: values.summary,
      summary_sealed: values.summarySealed,
      identity_sealed: values.identitySealed,
      details: values.details,
      updated_at: values.at,
    })
    .where('id', '=', id)
    .execute();
}

/** Locks one record before it is checked and changed; returns nothing, so it reveals nothing out of scope. */
export async function lockRecord(db: Db, id: string): Promise<void> {
  await db.selectFrom('fieldwork_record').select('id').where('id', '=', id).forUpdate().execute();
}

export function attachmentsOf(db: Db, recordId: string) {
  return db
    .selectFrom('fieldwork_attachment as a')
    .innerJoin('app_user as up', 'up.id', 'a.uploaded_by')
    .select(['a.id', 'a.file_name as fileName', 'a.size', 'a.mime', 'up.display_name as uploadedByName', 'a.at'])
    .where('a.record_id', '=', recordId)
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}

export function findAttachment(db: Db, recordId: string, attachmentId: string) {
  return db
    .selectFrom('fieldwork_attachment')
    .select(['id', 'file_name as fileName', 'stored_name as storedName', 'mime', 'size'])
    .where('record_id', '=', recordId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertAttachment(
  db: Db,
  values: { recordId: string; fileName: string; storedName: string; mime: string; size: number; sm3: string },
  uploadedBy: string,
  at: string,
) {
  const row = await db
    .insertInto('fieldwork_attachment')
    .values({
      record_id: values.recordId,
      file_name: values.fileName,
      stored_name: values.storedName,
      mime: values.mime,
      size: values.size,
      sm3: values.sm3,
      uploaded_by: uploadedBy,
      at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
