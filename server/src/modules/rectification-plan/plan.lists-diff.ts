// What changed in the three lists between two plan versions: tasks added, removed, or edited (field by
// field). Tasks are matched by id, so a task moved or renamed is "changed", not removed and added.
import {
  PLAN_TASK_FIELDS,
  type PlanListsDiff,
  type PlanSnapshotFinding,
  type PlanSnapshotTask,
} from '@xuncha/contracts';

function tasksById(lists: PlanSnapshotFinding[]) {
  const byId = new Map<string, { findingTitle: string; task: PlanSnapshotTask }>();
  for (const finding of lists)
    for (const task of finding.tasks) byId.set(task.taskId, { findingTitle: finding.findingTitle, task });
  return byId;
}

export function diffLists(before: PlanSnapshotFinding[], after: PlanSnapshotFinding[]): PlanListsDiff {
  const old = tasksById(before);
  const now = tasksById(after);
  const diff: PlanListsDiff = { added: [], removed: [], changed: [] };
  for (const [id, entry] of now) {
    const previous = old.get(id);
    if (!previous) {
      diff.added.push(entry);
      continue;
    }
    const changes = PLAN_TASK_FIELDS.filter((field) => previous.task[field] !== entry.task[field]).map((field) => ({
      field,
      before: previous.task[field],
      after: entry.task[field],
    }));
    if (changes.length > 0) diff.changed.push({ ...entry, changes });
  }
  for (const [id, entry] of old) if (!now.has(id)) diff.removed.push(entry);
  return diff;
}
