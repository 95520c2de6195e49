// The one way a clue's status changes: a conditional update (WHERE status = from) plus its history row,
// inside the caller's transaction. Used by the team's own steps (clue.service.ts) and by handovers.
import { type ClueEvent, type ClueStatus, clueStatusLabel } from '@xuncha/contracts';
import type { Tx } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import { nextClueStatus } from './clue.status.ts';

export interface ClueMove {
  clueId: string;
  event: ClueEvent;
  actorId: string;
  reason?: string | null;
}

/** Moves the clue and records the step; 409 when the clue's current status does not allow the event. */
export async function moveClue(tx: Tx, move: ClueMove): Promise<{ from: ClueStatus; to: ClueStatus }> {
  const row = await tx
    .selectFrom('clue')
    .select('status')
    .where('id', '=', move.clueId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const from = row.status as ClueStatus;
  const to = nextClueStatus(from, move.event);
  if (!to) throw conflict(`问题线索当前状态为“${clueStatusLabel[from]}”，不能执行此操作`);
  const updated = await tx
    .updateTable('clue')
    .set({ status: to, updated_at: new Date().toISOString() })
    .where('id', '=', move.clueId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict('问题线索状态已被他人更新，请刷新后重试');
  await tx
    .insertInto('clue_event')
    .values({
      clue_id: move.clueId,
      event: move.event,
      from_status: from,
      to_status: to,
      actor_id: move.actorId,
      reason: move.reason ?? null,
    })
    .execute();
  return { from, to };
}
