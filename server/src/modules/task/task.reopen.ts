// 反弹回潮: a 回访 found that a closed task's problem came back, so the task is worked on again.
// Called by the revisit use case inside its own transaction; it decides who may record the 回访,
// so no permission is checked here — only scope (404) and state (409).
import { type TaskStatus, taskStatusLabel } from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { notify } from '../notification/notify.ts';
import { loadTask } from './task.service.ts';
import { nextStatus } from './task.status.ts';
import { applyLifecycle, insertLifecycleEvent } from './task-lifecycle.repository.ts';

export async function reopenTask(tx: Tx, ctx: RequestContext, taskId: string, reason: string): Promise<void> {
  const task = await loadTask(tx, ctx, taskId);
  const from = task.status as TaskStatus;
  const to = nextStatus(from, 'reopen');
  if (!to) throw conflict(`任务当前状态为“${taskStatusLabel[from]}”，不能重新整改`);
  const at = ctx.clock.now().toISOString();
  const changed = await applyLifecycle(tx, { id: taskId, from, to, at, closedAt: null, incrementReopened: true });
  if (!changed) throw conflict('任务状态已被他人更新，请刷新后重试');
  await insertLifecycleEvent(tx, { taskId, event: 'reopen', from, to, actorId: ctx.user.id, reason, at });
  await writeAudit(tx, ctx.actor, {
    action: 'task.reopen',
    entity: 'task',
    entityId: taskId,
    before: from,
    after: { status: to, reason },
  });
  await notify(tx, [task.ownerUserId], {
    kind: 'task_reopened',
    title: `整改任务“${task.title}”因反弹回潮需重新整改`,
    body: reason,
    link: `/tasks/${taskId}`,
    subjectType: 'task',
    subjectId: taskId,
  });
}
