// 督办单 writes. Status changes are conditional (WHERE status = from): 0 rows → someone moved it first.
import type { SupervisionStatus } from '@xuncha/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Tx } from '../../platform/db.ts';

/** Numbers are per committee and year: lock the committee row so two issuers never take the same one. */
export async function nextSeq(tx: Tx, committeeId: string, year: number): Promise<number> {
  await tx.selectFrom('committee').select('id').where('id', '=', committeeId).forUpdate().execute();
  const row = await tx
    .selectFrom('supervision_order')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('committee_id', '=', committeeId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export interface NewOrder {
  committeeId: string;
  rectificationId: string;
  unitId: string;
  taskId: string | null;
  year: number;
  seq: number;
  reason: string;
  content: string;
  responseDue: string;
  issuedBy: string;
}

export async function insertOrder(tx: Tx, o: NewOrder): Promise<string> {
  const row = await tx
    .insertInto('supervision_order')
    .values({
      committee_id: o.committeeId,
      rectification_id: o.rectificationId,
      unit_id: o.unitId,
      task_id: o.taskId,
      year: o.year,
      seq: o.seq,
      reason: o.reason,
      content: o.content,
      response_due: o.responseDue,
      issued_by: o.issuedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StepChanges {
  response?: string;
  responded_by?: string;
  responded_at?: RawBuilder<string>;
  response_due?: string;
  escalated_at?: RawBuilder<string>;
  closed_at?: RawBuilder<string>;
}

export async function moveOrder(
  tx: Db,
  id: string,
  from: SupervisionStatus,
  to: SupervisionStatus,
  changes: StepChanges,
): Promise<boolean> {
  const result = await tx
    .updateTable('supervision_order')
    .set({ ...changes, status: to, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertEvent(
  tx: Db,
  e: {
    orderId: string;
    event: string;
    from: SupervisionStatus | null;
    to: SupervisionStatus;
    comment: string | null;
    actorId: string | null;
  },
) {
  await tx
    .insertInto('supervision_event')
    .values({
      order_id: e.orderId,
      event: e.event,
      from_status: e.from,
      to_status: e.to,
      comment: e.comment,
      actor_id: e.actorId,
    })
    .execute();
}

/** Issued orders whose response date is before `asOf`: the candidates for escalation. */
export function unansweredBefore(tx: Db, asOf: string) {
  return tx
    .selectFrom('supervision_order as so')
    .innerJoin('org_unit as u', 'u.id', 'so.unit_id')
    .select([
      'so.id',
      'so.committee_id as committeeId',
      'so.response_due as responseDue',
      'so.year',
      'so.seq',
      'u.name as unitName',
    ])
    .where('so.status', '=', 'issued')
    .where('so.response_due', '<', asOf)
    .orderBy('so.response_due')
    .execute();
}
