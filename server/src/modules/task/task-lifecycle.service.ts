// The reviewer's side of the lifecycle (DOMAIN.md §6): 对账销号 against a checklist, 阶段性完成 of a
// long-term task with its next checkpoint, and 退回 with a reason. Closing is verification, so what was
// checked is stored with the event (task_event.details) and shown in the history.
import type { TaskDetail, TaskStatus, TaskVerifyInput, TaskVerifyPartlyInput } from '@xuncha/contracts';
import { taskEventLabel, taskStatusLabel } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { evidenceOfTask } from './evidence.repository.ts';
import { detail, loadTask, taskScope } from './task.service.ts';
import { eventPermission, nextStatus } from './task.status.ts';
import { applyLifecycle, insertLifecycleEvent, type LifecycleChange } from './task-lifecycle.repository.ts';

type ReviewEvent = 'verify' | 'verifyPartly' | 'return';

interface Review {
  event: ReviewEvent;
  reason: string | null;
  details?: unknown;
  change: Omit<LifecycleChange, 'id' | 'from' | 'to' | 'at'>;
  /** rules that need the loaded task; throw to refuse (nothing written yet) */
  check?: (tx: Tx, task: Awaited<ReturnType<typeof loadTask>>) => Promise<void>;
}

async function review(ctx: RequestContext, id: string, r: Review): Promise<TaskDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const task = await loadTask(tx, ctx, id);
    if (!can(ctx.user, eventPermission[r.event], taskScope(task)))
      throw forbidden(`无权对该任务执行“${taskEventLabel[r.event]}”`);
    const from = task.status as TaskStatus;
    const to = nextStatus(from, r.event);
    if (!to) throw conflict(`任务当前状态为“${taskStatusLabel[from]}”，不能${taskEventLabel[r.event]}`);
    await r.check?.(tx, task);
    const at = ctx.clock.now().toISOString();
    if (!(await applyLifecycle(tx, { id, from, to, at, ...r.change })))
      throw conflict('任务状态已被他人更新，请刷新后重试');
    await insertLifecycleEvent(tx, {
      taskId: id,
      event: r.event,
      from,
      to,
      actorId: ctx.user.id,
      reason: r.reason,
      at,
      details: r.details,
    });
    await writeAudit(tx, ctx.actor, {
      action: `task.${r.event}`,
      entity: 'task',
      entityId: id,
      before: from,
      after: { status: to, reason: r.reason, details: r.details ?? null },
    });
    return detail(tx, ctx, id);
  });
}

/** The checklist must name this task's evidence, and confirm the kinds of outcome that evidence claims. */
async function checkChecklist(tx: Tx, taskId: string, input: TaskVerifyInput) {
  const evidence = await evidenceOfTask(tx, taskId);
  const byId = new Map(evidence.map((e) => [e.id, e.kind]));
  const unknown = input.checkedEvidenceIds.filter((eid) => !byId.has(eid));
  if (unknown.length) {
    throw badRequest('核对的材料不属于该任务', [{ path: 'checkedEvidenceIds', message: '核对的材料不属于该任务' }]);
  }
  const checkedKinds = new Set(input.checkedEvidenceIds.map((eid) => byId.get(eid)));
  const errors: { path: string; message: string }[] = [];
  if (checkedKinds.has('institution') && input.items.institutionBuilt !== true) {
    errors.push({ path: 'items.institutionBuilt', message: '请确认制度已建立并印发施行' });
  }
  if (checkedKinds.has('money') && input.items.moneyRecovered !== true) {
    errors.push({ path: 'items.moneyRecovered', message: '请确认资金已实际追缴到位' });
  }
  if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
}

function checklistDetails(input: TaskVerifyInput) {
  return { checkedEvidenceIds: input.checkedEvidenceIds, items: input.items };
}

export function verifyTask(ctx: RequestContext, id: string, input: TaskVerifyInput) {
  return review(ctx, id, {
    event: 'verify',
    reason: input.comment || null,
    details: checklistDetails(input),
    change: { closedAt: ctx.clock.now().toISOString(), nextCheckpoint: null },
    check: (tx) => checkChecklist(tx, id, input),
  });
}

export function verifyTaskPartly(ctx: RequestContext, id: string, input: TaskVerifyPartlyInput) {
  return review(ctx, id, {
    event: 'verifyPartly',
    reason: input.comment || null,
    details: { ...checklistDetails(input), nextCheckpoint: input.nextCheckpoint },
    change: { nextCheckpoint: input.nextCheckpoint },
    check: async (tx, task) => {
      if (!task.longTerm) throw conflict('只有长期坚持的任务才能阶段性完成，其他任务请对账销号或退回');
      if (input.nextCheckpoint <= shanghaiToday(ctx.clock)) {
        const message = '下次检查时间应晚于今天';
        throw badRequest(message, [{ path: 'nextCheckpoint', message }]);
      }
      await checkChecklist(tx, id, input);
    },
  });
}

export function returnTask(ctx: RequestContext, id: string, reason: string) {
  return review(ctx, id, { event: 'return', reason, change: { incrementReturned: true } });
}
