// 领导小组会议 records: SQL only. Meetings belong to a committee and are read with meeting.read in it
// (巡察办, 领导小组); decisions are read through their meeting, or by inspection for the pickers.
import type { MeetingCreate, MeetingListQuery } from '@xuncha/contracts';
import { sql } from 'kysely';
import { scopeWhere } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import type { Db } from '../../platform/db.ts';
import { countRows, pageWindow, withTotal } from '../../platform/http/paging.ts';

function visibleMeetings(db: Db, user: SessionUser) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('app_user as a', 'a.id', 'm.created_by')
    .where(scopeWhere(user, 'meeting.read', { committeeId: 'm.committee_id' }));
}

const FIELDS = [
  'm.id',
  'm.committee_id as committeeId',
  'm.kind',
  'm.title',
  'm.held_on as heldOn',
  'm.place',
  'm.host',
  'm.attendees',
  'm.absentees',
  'm.recorder',
  'm.summary',
  sql<number>`(SELECT count(*) FROM meeting_decision d WHERE d.meeting_id = m.id)`.as('decisionCount'),
  'a.display_name as createdByName',
  'm.created_at as createdAt',
] as const;

export type MeetingFilter = Omit<MeetingListQuery, 'page' | 'pageSize'>;

function filteredMeetings(db: Db, user: SessionUser, filter: MeetingFilter) {
  let base = visibleMeetings(db, user);
  if (filter.kind) base = base.where('m.kind', '=', filter.kind);
  if (filter.from) base = base.where('m.held_on', '>=', filter.from);
  if (filter.to) base = base.where('m.held_on', '<=', filter.to);
  const inspectionId = filter.inspectionId;
  if (inspectionId)
    base = base.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('meeting_decision as d')
          .select('d.id')
          .whereRef('d.meeting_id', '=', 'm.id')
          .where('d.inspection_id', '=', inspectionId),
      ),
    );
  return base;
}

export function listMeetings(
  db: Db,
  user: SessionUser,
  filter: MeetingFilter,
  page: { page: number; pageSize: number },
) {
  const base = filteredMeetings(db, user, filter);
  const { limit, offset } = pageWindow(page);
  return withTotal(
    base
      .select(FIELDS)
      .orderBy('m.held_on', 'desc')
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select(countRows).executeTakeFirstOrThrow(),
  );
}

export function findMeeting(db: Db, user: SessionUser, id: string) {
  return visibleMeetings(db, user).select(FIELDS).where('m.id', '=', id).executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

const decisionFields = [
  'd.id',
  'd.meeting_id as meetingId',
  'd.seq',
  'd.kind',
  'd.inspection_id as inspectionId',
  'u.name as unitName',
  'd.content',
] as const;

export function decisionsOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_decision as d')
    .leftJoin('inspection as i', 'i.id', 'd.inspection_id')
    .leftJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select(decisionFields)
    .where('d.meeting_id', '=', meetingId)
    .orderBy('d.seq')
    .execute();
}

/** Decisions about one inspection (the caller has checked the inspection is visible). */
export function decisionsOfInspection(db: Db, inspectionId: string) {
  return db
    .selectFrom('meeting_decision as d')
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .leftJoin('inspection as i', 'i.id', 'd.inspection_id')
    .leftJoin('org_unit as u', 'u.id', 'i.unit_id')
    .select([...decisionFields, 'm.title as meetingTitle', 'm.kind as meetingKind', 'm.held_on as heldOn'])
    .where('d.inspection_id', '=', inspectionId)
    .orderBy('m.held_on', 'desc')
    .orderBy('d.seq')
    .execute();
}

/** One decision about this inspection, or undefined: a decision about another inspection is not found. */
export function decisionAbout(db: Db, decisionId: string, inspectionId: string) {
  return db
    .selectFrom('meeting_decision')
    .select(['id', 'kind'])
    .where('id', '=', decisionId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** Of these inspections, the ones that belong to the committee. */
export async function inspectionsOfCommittee(db: Db, committeeId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('inspection')
    .select('id')
    .where('committee_id', '=', committeeId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertMeeting(db: Db, committeeId: string, input: MeetingCreate, createdBy: string) {
  const meeting = await db
    .insertInto('meeting')
    .values({
      committee_id: committeeId,
      kind: input.kind,
      title: input.title,
      held_on: input.heldOn,
      place: input.place || null,
      host: input.host,
      attendees: input.attendees,
      absentees: input.absentees,
      recorder: input.recorder || null,
      summary: input.summary || null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decisions = await db
    .insertInto('meeting_decision')
    .values(
      input.decisions.map((d, i) => ({
        meeting_id: meeting.id,
        seq: i + 1,
        kind: d.kind,
        inspection_id: d.inspectionId ?? null,
        content: d.content,
      })),
    )
    .returning(['id', 'seq'])
    .execute();
  return { id: meeting.id, decisionIds: decisions.sort((a, b) => a.seq - b.seq).map((d) => d.id) };
}
