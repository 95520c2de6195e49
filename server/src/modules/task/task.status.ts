// The rectification task state machine (DOMAIN.md §6) as a table: from → event → to.
// Anything not in the table is refused with 409.
import type { Permission, TaskEvent, TaskStatus } from '@xuncha/contracts';

export const taskTransitions = {
  open: { start: 'in_progress' },
  in_progress: { submit: 'submitted' },
  submitted: { verify: 'closed', return: 'returned', verifyPartly: 'partly_closed' },
  returned: { start: 'in_progress' },
  // a 阶段性完成 task is reported on again at its next checkpoint; a 回访 finding 反弹 reopens it
  partly_closed: { submit: 'submitted', reopen: 'in_progress' },
  // only a 回访 finding 反弹 sends this event (issue 6)
  closed: { reopen: 'in_progress' },
} as const satisfies Record<TaskStatus, Partial<Record<TaskEvent, TaskStatus>>>;

export function nextStatus(from: TaskStatus, event: TaskEvent): TaskStatus | undefined {
  return (taskTransitions[from] as Partial<Record<TaskEvent, TaskStatus>>)[event];
}

/** The permission each event needs. */
export const eventPermission: Record<TaskEvent, Permission> = {
  start: 'task.start',
  submit: 'task.submit',
  verify: 'task.verify',
  return: 'task.return',
  verifyPartly: 'task.verify',
  reopen: 'task.verify',
};

/** Evidence can be added while the unit is still working on the task, not once it is under review or closed. */
export function acceptsEvidence(status: TaskStatus): boolean {
  return status === 'open' || status === 'in_progress' || status === 'returned' || status === 'partly_closed';
}

/** The 任务/责任清单 fields may change until the task is closed (a closed task is reopened first). */
export function acceptsEdits(status: TaskStatus): boolean {
  return status !== 'closed';
}
