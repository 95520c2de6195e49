// The three lists behind a plan: the feedback's findings (问题清单) with their tasks (任务清单) and each
// task's responsibility (责任清单). Called only after the plan itself was loaded through its scope, so
// these rows belong to an inspection the user may see.
import type { PlanSnapshotFinding } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';

/** The findings fed back to the unit, in order, each with its tasks in order. */
export async function listsOf(db: Db, inspectionId: string): Promise<PlanSnapshotFinding[]> {
  const findings = await db
    .selectFrom('finding as f')
    .select(['f.id', 'f.seq', 'f.title'])
    .where('f.inspection_id', '=', inspectionId)
    .where('f.status', '=', 'fed_back')
    .orderBy('f.seq')
    .execute();
  if (findings.length === 0) return [];
  const tasks = await db
    .selectFrom('task as t')
    .innerJoin('app_user as o', 'o.id', 't.owner_user_id')
    .select([
      't.id',
      't.finding_id as findingId',
      't.title',
      't.measures',
      't.responsible_leader as responsibleLeader',
      't.responsible_department as responsibleDepartment',
      'o.display_name as ownerName',
      't.due_date as dueDate',
    ])
    .where('t.inspection_id', '=', inspectionId)
    .orderBy('t.seq')
    .orderBy('t.id')
    .execute();
  return findings.map((f) => ({
    findingId: f.id,
    seq: f.seq,
    findingTitle: f.title,
    tasks: tasks
      .filter((t) => t.findingId === f.id)
      .map(({ id, findingId: _findingId, ...task }) => ({ taskId: id, ...task })),
  }));
}

/** Findings without any task: the plan does not yet address them (完整性). */
export function unaddressed(lists: PlanSnapshotFinding[]) {
  return lists
    .filter((f) => f.tasks.length === 0)
    .map((f) => ({ findingId: f.findingId, seq: f.seq, title: f.findingTitle }));
}
