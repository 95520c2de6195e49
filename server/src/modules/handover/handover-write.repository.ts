// 移交: SQL of the writes and of the look-ups a new handover needs. Status changes are conditional
// (WHERE status = from): 0 rows means someone else moved the handover first.
import type { HandoverKind, HandoverRecipient, HandoverStatus } from '@xuncha/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';

export function committeeOf(db: Db, committeeId: string) {
  return db
    .selectFrom('committee')
    .select(['name', 'short_name as shortName'])
    .where('id', '=', committeeId)
    .executeTakeFirstOrThrow();
}

/** The clue, if it belongs to the inspection and passes the caller's need-to-know condition. */
export function readableClue(db: Db, clueId: string, inspectionId: string, readable: Expression<SqlBool>) {
  return db
    .selectFrom('clue as c')
    .select(['c.id', 'c.status'])
    .where('c.id', '=', clueId)
    .where('c.inspection_id', '=', inspectionId)
    .where(readable)
    .executeTakeFirst();
}

export function findingOfInspection(db: Db, findingId: string, inspectionId: string) {
  return db
    .selectFrom('finding')
    .select(['id', 'areas'])
    .where('id', '=', findingId)
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

export function unitOfCommittee(db: Db, unitId: string, committeeId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'active'])
    .where('id', '=', unitId)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

/** A 同意移交 decision of a meeting about this inspection. */
export function handoverDecision(db: Db, decisionId: string, inspectionId: string) {
  return db
    .selectFrom('meeting_decision')
    .select('id')
    .where('id', '=', decisionId)
    .where('inspection_id', '=', inspectionId)
    .where('kind', '=', 'handover')
    .executeTakeFirst();
}

/** Numbers are per committee and year: lock the committee row so two senders never take the same one. */
export async function nextSeq(tx: Tx, committeeId: string, year: number): Promise<number> {
  await tx.selectFrom('committee').select('id').where('id', '=', committeeId).forUpdate().execute();
  const row = await tx
    .selectFrom('handover')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('committee_id', '=', committeeId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export interface NewHandover {
  committeeId: string;
  inspectionId: string;
  unitId: string;
  year: number;
  seq: number;
  kind: HandoverKind;
  clueId: string | null;
  findingId: string | null;
  recipient: HandoverRecipient;
  recipientUnitId: string | null;
  recipientName: string;
  sentOn: string;
  dueDate: string;
  letterNo: string | null;
  note: string | null;
  decisionId: string | null;
  sentBy: string;
}

export async function insertHandover(tx: Tx, h: NewHandover): Promise<string> {
  const row = await tx
    .insertInto('handover')
    .values({
      committee_id: h.committeeId,
      inspection_id: h.inspectionId,
      unit_id: h.unitId,
      year: h.year,
      seq: h.seq,
      kind: h.kind,
      clue_id: h.clueId,
      finding_id: h.findingId,
      recipient: h.recipient,
      recipient_unit_id: h.recipientUnitId,
      recipient_name: h.recipientName,
      sent_on: h.sentOn,
      due_date: h.dueDate,
      letter_no: h.letterNo,
      note: h.note,
      decision_id: h.decisionId,
      sent_by: h.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Columns a step may set besides the status. */
export interface StepChanges {
  accepted_on?: string;
  accepted_by?: string;
  handler_name?: string | null;
  disposition?: string | null;
  result_sealed?: string;
  concluded_on?: string;
  closed_on?: string;
  closed_by?: string;
  decline_reason?: string;
}

export async function moveHandover(
  tx: Tx,
  id: string,
  from: HandoverStatus,
  to: HandoverStatus,
  changes: StepChanges,
): Promise<boolean> {
  const result = await tx
    .updateTable('handover')
    .set({ ...changes, status: to, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  tx: Tx,
  e: {
    handoverId: string;
    event: string;
    from: HandoverStatus | null;
    to: HandoverStatus;
    actorId: string;
    note: string | null;
    resultSealed?: string;
  },
) {
  await tx
    .insertInto('handover_event')
    .values({
      handover_id: e.handoverId,
      event: e.event,
      from_status: e.from,
      to_status: e.to,
      actor_id: e.actorId,
      note: e.note,
      result_sealed: e.resultSealed ?? null,
    })
    .execute();
}

/** A new result replaces the people of the previous one (kept, marked superseded). */
export async function replacePersons(
  tx: Tx,
  handoverId: string,
  persons: { form: string | null; decidedOn: string | null }[],
) {
  await tx
    .updateTable('handover_person')
    .set({ superseded_at: sql`now()` })
    .where('handover_id', '=', handoverId)
    .where('superseded_at', 'is', null)
    .execute();
  if (persons.length === 0) return;
  const last = await tx
    .selectFrom('handover_person')
    .select(sql<number>`coalesce(max(seq), 0)`.as('n'))
    .where('handover_id', '=', handoverId)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('handover_person')
    .values(
      persons.map((p, i) => ({
        handover_id: handoverId,
        seq: Number(last.n) + i + 1,
        form: p.form,
        decided_on: p.decidedOn,
      })),
    )
    .execute();
}

/** The meeting that approved a handover, for 经…研究同意 in the letter. */
export async function decisionMeetingTitle(db: Db, decisionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('meeting_decision as d')
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .select('m.title')
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  return row?.title ?? null;
}
