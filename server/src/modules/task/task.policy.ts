// What a user may do with a task now: permission in a covering grant × the state table. Pure.
import type { TaskAbilities, TaskStatus } from '@xuncha/contracts';
import { can, type ScopedRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { acceptsEdits, acceptsEvidence, eventPermission, nextStatus } from './task.status.ts';

export interface TaskScope extends ScopedRecord {
  status: TaskStatus;
  longTerm: boolean;
}

type AbilityEvent = 'start' | 'submit' | 'verify' | 'return' | 'verifyPartly';

function allowed(user: SessionUser, task: TaskScope, event: AbilityEvent): boolean {
  return nextStatus(task.status, event) !== undefined && can(user, eventPermission[event], task);
}

export function taskAbilities(user: SessionUser, task: TaskScope): TaskAbilities {
  return {
    start: allowed(user, task, 'start'),
    submit: allowed(user, task, 'submit'),
    verify: allowed(user, task, 'verify'),
    return: allowed(user, task, 'return'),
    uploadEvidence: acceptsEvidence(task.status) && can(user, 'evidence.upload', task),
    // 阶段性完成 only makes sense for 长期坚持 tasks
    verifyPartly: task.longTerm && allowed(user, task, 'verifyPartly'),
    update: acceptsEdits(task.status) && can(user, 'task.update', task),
  };
}
