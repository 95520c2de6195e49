// Writes of the task lifecycle beyond a bare status change (issue 6): counters, closed_at,
// next checkpoint, and the verification checklist in task_event.details. SQL only.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export interface LifecycleChange {
  id: string;
  from: string;
  to: string;
  at: string;
  /** set when the task is closed (对账销号), cleared when it is reopened */
  closedAt?: string | null;
  nextCheckpoint?: string | null;
  incrementReturned?: boolean;
  incrementReopened?: boolean;
}

/** Conditional update: succeeds only if the task is still in `from`. */
export async function applyLifecycle(db: Db, change: LifecycleChange): Promise<boolean> {
  const result = await db
    .updateTable('task')
    .set({
      status: change.to,
      updated_at: change.at,
      ...(change.closedAt !== undefined ? { closed_at: change.closedAt } : {}),
      ...(change.nextCheckpoint !== undefined ? { next_checkpoint: change.nextCheckpoint } : {}),
      ...(change.incrementReturned ? { returned_count: sql<number>`returned_count + 1` } : {}),
      ...(change.incrementReopened ? { reopened_count: sql<number>`reopened_count + 1` } : {}),
    })
    .where('id', '=', change.id)
    .where('status', '=', change.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertLifecycleEvent(
  db: Db,
  event: {
    taskId: string;
    event: string;
    from: string;
    to: string;
    actorId: string;
    reason: string | null;
    at: string;
    details?: unknown;
  },
) {
  await db
    .insertInto('task_event')
    .values({
      task_id: event.taskId,
      event: event.event,
      from_status: event.from,
      to_status: event.to,
      actor_id: event.actorId,
      reason: event.reason,
      at: event.at,
      details: event.details === undefined ? null : JSON.stringify(event.details),
    })
    .execute();
}

/** Counters and dates the ledger shows beside the status. */
export function lifecycleFields(db: Db, taskId: string) {
  return db
    .selectFrom('task')
    .select([
      'next_checkpoint as nextCheckpoint',
      'returned_count as returnedCount',
      'reopened_count as reopenedCount',
      'closed_at as closedAt',
    ])
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
}
