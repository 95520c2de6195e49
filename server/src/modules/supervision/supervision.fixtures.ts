// Test data for 督办, 回访 and 问责: the demo's and the outsider's rectification cases, a liaison of another
// unit, row counts for "nothing was written", and orders inserted directly in a given state.
import type { SupervisionStatus } from '@xuncha/contracts';
import type { Harness } from '../../test/harness.ts';
import { addUser } from '../../test/users.ts';

export async function caseOf(h: Harness, inspectionId: string): Promise<string> {
  const row = await h.database.db
    .selectFrom('rectification')
    .select('id')
    .where('inspection_id', '=', inspectionId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 区教育局's liaison: in the committee, but not of 区住建局's unit (→ 404 on its records). */
export function addOtherUnitLiaison(h: Harness) {
  return addUser(h, {
    username: 'jiaoyu_lianluo',
    displayName: '教育局联络员',
    unitId: h.demo.units.jiaoyu as string,
    role: 'unit_liaison',
    scopeKind: 'unit',
    scopeId: h.demo.units.jiaoyu as string,
  });
}

type Counted =
  | 'supervision_order'
  | 'supervision_event'
  | 'notification'
  | 'audit_entry'
  | 'revisit'
  | 'revisit_outcome'
  | 'accountability'
  | 'accountability_event'
  | 'finding'
  | 'task_event';

export async function count(h: Harness, table: Counted): Promise<number> {
  const row = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An order of the outsider committee, for cross-committee 404s. */
export async function addOutsiderOrder(h: Harness): Promise<string> {
  const rc = await caseOf(h, h.outsider.inspectionId);
  const row = await h.database.db
    .insertInto('supervision_order')
    .values({
      committee_id: h.outsider.committeeId,
      rectification_id: rc,
      unit_id: h.outsider.unitId,
      task_id: h.outsider.taskId,
      year: 2026,
      seq: 1,
      reason: 'overdue',
      content: '城西督办事项',
      response_due: '2026-06-30',
      issued_by: h.outsider.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function orderStatus(h: Harness, id: string): Promise<SupervisionStatus> {
  const row = await h.database.db
    .selectFrom('supervision_order')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status as SupervisionStatus;
}
