// 问题线索: SQL only. Every read of a clue row applies clueContentWhere (content) or clueCountWhere
// (numbers), so a role without need-to-know gets nothing from any query here.
import type { ClueListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';
import { clueContentWhere, clueCountWhere } from './clue.access.ts';

function readableClues(db: Db, user: SessionUser) {
  return (
    db
      .selectFrom('clue as c')
      .innerJoin('inspection as i', 'i.id', 'c.inspection_id')
      .innerJoin('round as r', 'r.id', 'i.round_id')
      .innerJoin('org_unit as u', 'u.id', 'c.unit_id')
      .innerJoin('app_user as reg', 'reg.id', 'c.registered_by')
      // at most one live handover per clue (unique index); a declined one is only history
      .leftJoin('handover as h', (join) => join.onRef('h.clue_id', '=', 'c.id').on('h.status', '<>', 'declined'))
      .where(clueContentWhere(user))
  );
}

const FIELDS = [
  'c.id',
  'c.committee_id as committeeId',
  'c.inspection_id as inspectionId',
  'c.seq',
  'c.status',
  'c.category',
  'c.source',
  'c.received_on as receivedOn',
  'c.source_record_id as sourceRecordId',
  'c.content_sealed as contentSealed',
  sql<boolean>`c.whistleblower_sealed IS NOT NULL`.as('hasWhistleblower'),
  'c.sensitivity',
  'c.created_at as createdAt',
  'reg.display_name as registeredByName',
  'u.name as unitName',
  'r.name as roundName',
  'r.year as roundYear',
  'r.seq as roundSeq',
  'h.id as handoverId',
  'h.status as handoverStatus',
  'h.recipient_name as handoverRecipientName',
  'h.disposition as handoverDisposition',
  'h.concluded_on as handoverConcludedOn',
] as const;

export type ClueFilter = Omit<ClueListQuery, 'page' | 'pageSize' | 'q'>;

function filtered(db: Db, user: SessionUser, filter: ClueFilter) {
  let base = readableClues(db, user);
  if (filter.inspectionId) base = base.where('c.inspection_id', '=', filter.inspectionId);
  if (filter.roundId) base = base.where('i.round_id', '=', filter.roundId);
  if (filter.status) base = base.where('c.status', '=', filter.status);
  if (filter.category) base = base.where('c.category', '=', filter.category);
  return base;
}

export function listReadable(db: Db, user: SessionUser, filter: ClueFilter, page: { page: number; pageSize: number }) {
  return withTotal(
    readableRows(db, user, filter, pageWindow(page)),
    filtered(db, user, filter).select(countRows).executeTakeFirstOrThrow(),
  );
}

/** Readable rows in list order without a total: keyword search over opened content, and exports. */
export function readableRows(db: Db, user: SessionUser, filter: ClueFilter, window: { limit: number; offset: number }) {
  return filtered(db, user, filter)
    .select(FIELDS)
    .orderBy('c.received_on', 'desc')
    .orderBy('c.seq', 'desc')
    .orderBy('c.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export function findReadable(db: Db, user: SessionUser, id: string) {
  return readableClues(db, user).select(FIELDS).where('c.id', '=', id).executeTakeFirst();
}

export type ClueRow = NonNullable<Awaited<ReturnType<typeof findReadable>>>;

/** Can the user at least count this clue? (decides 403 over 404 when the content is not readable) */
export async function isCountable(db: Db, user: SessionUser, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('clue as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where(clueCountWhere(user))
    .executeTakeFirst();
  return row !== undefined;
}

export function countsByStatusAndCategory(db: Db, user: SessionUser, inspectionId: string) {
  return db
    .selectFrom('clue as c')
    .select(['c.status', 'c.category', countRows])
    .where('c.inspection_id', '=', inspectionId)
    .where(clueCountWhere(user))
    .groupBy(['c.status', 'c.category'])
    .execute();
}

export function readSealedWhistleblower(db: Db, id: string) {
  return db.selectFrom('clue').select('whistleblower_sealed as sealed').where('id', '=', id).executeTakeFirstOrThrow();
}

export async function isRecordOfInspection(db: Db, recordId: string, inspectionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('fieldwork_record')
    .select('id')
    .where('id', '=', recordId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewClue {
  committeeId: string;
  inspectionId: string;
  unitId: string;
  category: string;
  source: string;
  receivedOn: string;
  sourceRecordId: string | null;
  contentSealed: string;
  whistleblowerSealed: string | null;
  registeredBy: string;
}

/**
 * Clues are numbered within their round: the round row is locked first, so max(seq)+1 cannot race between
 * two inspections of one round. The registration itself is not a clue_event (that table holds status
 * changes only); the history derives it from the row.
 */
export async function insertClue(db: Db, values: NewClue) {
  const round = sql`(SELECT round_id FROM inspection WHERE id = ${values.inspectionId})`;
  await sql`SELECT 1 FROM round WHERE id = ${round} FOR UPDATE`.execute(db);
  const row = await db
    .insertInto('clue')
    .values({
      committee_id: values.committeeId,
      inspection_id: values.inspectionId,
      unit_id: values.unitId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM clue WHERE round_id = ${round})`,
      category: values.category,
      source: values.source,
      received_on: values.receivedOn,
      source_record_id: values.sourceRecordId,
      content_sealed: values.contentSealed,
      whistleblower_sealed: values.whistleblowerSealed,
      registered_by: values.registeredBy,
    })
    .returning(['id', 'seq'])
    .executeTakeFirstOrThrow();
  return row;
}

export function history(db: Db, clueId: string) {
  return db
    .selectFrom('clue_event as e')
    .innerJoin('app_user as a', 'a.id', 'e.actor_id')
    .select([
      'e.event',
      'e.from_status as fromStatus',
      'e.to_status as toStatus',
      'a.display_name as actorName',
      'e.reason',
      'e.at',
    ])
    .where('e.clue_id', '=', clueId)
    .orderBy('e.seq')
    .execute();
}
