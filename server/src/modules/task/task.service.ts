// Rectification task use cases: split a finding into tasks, list the ledger, and move a task
// through its states. Each use case: load (scoped) → policy → conditional write + history + audit, one transaction.
import type { Task, TaskCreate, TaskDetail, TaskEvent, TaskListQuery, TaskStatus } from '@xuncha/contracts';
import { taskEventLabel, taskStatusLabel } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { findingScope, isFedBack, loadFinding } from '../finding/finding.service.ts';
import { peopleOfUnitTree } from '../org/org.repository.ts';
import { countEvidence, evidenceOfTask } from './evidence.repository.ts';
import { type DueSoon, dueSoonOf, isDueSoon } from './task.due-soon.ts';
import { type TaskScope, taskAbilities } from './task.policy.ts';
import * as repo from './task.repository.ts';
import { eventPermission, nextStatus } from './task.status.ts';

export function taskScope(row: repo.TaskRow): TaskScope {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.inspectionId,
    ownerUserId: row.ownerUserId,
    status: row.status as TaskStatus,
    longTerm: row.longTerm,
  };
}

function present(row: repo.TaskRow, user: SessionUser, due: DueSoon): Task {
  const { unitPath: _unitPath, ...rest } = row;
  return {
    ...rest,
    status: rest.status as TaskStatus,
    dueSoon: isDueSoon(row, due),
    abilities: taskAbilities(user, taskScope(row)),
  };
}

/** One task as the API shows it, with its derived due-soon mark. */
async function presentOne(db: Db, ctx: RequestContext, row: repo.TaskRow): Promise<Task> {
  return present(row, ctx.user, await dueSoonOf(db, [row.committeeId], shanghaiToday(ctx.clock)));
}

export async function listTasks(ctx: RequestContext, query: TaskListQuery) {
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listTasks(ctx.db, ctx.user, query, today);
  const due = await dueSoonOf(
    ctx.db,
    items.map((row) => row.committeeId),
    today,
  );
  return pageResult(
    items.map((row) => present(row, ctx.user, due)),
    total,
    query,
  );
}

export async function loadTask(db: Db, ctx: RequestContext, id: string): Promise<repo.TaskRow> {
  const row = await repo.findTask(db, ctx.user, id, shanghaiToday(ctx.clock));
  if (!row) throw notFound('整改任务不存在');
  return row;
}

export async function detail(db: Db, ctx: RequestContext, id: string): Promise<TaskDetail> {
  const row = await loadTask(db, ctx, id);
  const [history, evidence] = await Promise.all([repo.taskHistory(db, id), evidenceOfTask(db, id)]);
  return {
    ...(await presentOne(db, ctx, row)),
    history: history.map((h) => ({
      ...h,
      event: h.event as TaskDetail['history'][number]['event'],
      fromStatus: h.fromStatus as TaskStatus | null,
      toStatus: h.toStatus as TaskStatus,
    })),
    evidence: evidence.map((e) => ({ ...e, kind: e.kind as TaskDetail['evidence'][number]['kind'] })),
  };
}

export const getTask = (ctx: RequestContext, id: string) => detail(ctx.db, ctx, id);

export async function createTask(ctx: RequestContext, findingId: string, input: TaskCreate): Promise<Task> {
  return withTransaction(ctx.db, async (tx) => {
    await repo.lockFinding(tx, findingId);
    const finding = await loadFinding(tx, ctx.user, findingId);
    if (!can(ctx.user, 'task.create', findingScope(finding))) throw forbidden('无权为该问题分解整改任务');
    if (!isFedBack(finding)) throw conflict('问题尚未反馈，不能分解整改任务');
    if (input.dueDate < shanghaiToday(ctx.clock)) {
      throw badRequest('完成时限不能早于今天', [{ path: 'dueDate', message: '完成时限不能早于今天' }]);
    }
    const people = await peopleOfUnitTree(tx, finding.unitPath);
    if (!people.some((p) => p.id === input.ownerUserId)) {
      throw badRequest('责任人必须是本单位人员', [{ path: 'ownerUserId', message: '责任人必须是本单位人员' }]);
    }
    const id = await repo.insertTask(tx, {
      ...input,
      committeeId: finding.committeeId,
      unitId: finding.unitId,
      inspectionId: finding.inspectionId,
      findingId,
    });
    await repo.ensureOwnerRole(tx, input.ownerUserId);
    const at = ctx.clock.now().toISOString();
    await repo.insertEvent(tx, {
      taskId: id,
      event: 'create',
      from: null,
      to: 'open',
      actorId: ctx.user.id,
      reason: null,
      at,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'task.create',
      entity: 'task',
      entityId: id,
      after: { title: input.title, dueDate: input.dueDate },
    });
    return presentOne(tx, ctx, await loadTask(tx, ctx, id));
  });
}

export async function transitionTask(
  ctx: RequestContext,
  id: string,
  // verify, verifyPartly and return carry more than a reason: task-lifecycle.service.ts
  event: Extract<TaskEvent, 'start' | 'submit'>,
  reason: string | null,
): Promise<TaskDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const task = await loadTask(tx, ctx, id);
    if (!can(ctx.user, eventPermission[event], taskScope(task)))
      throw forbidden(`无权对该任务执行“${taskEventLabel[event]}”`);
    const from = task.status as TaskStatus;
    const to = nextStatus(from, event);
    if (!to) throw conflict(`任务当前状态为“${taskStatusLabel[from]}”，不能${taskEventLabel[event]}`);
    if (event === 'submit' && (await countEvidence(tx, id)) === 0) throw conflict('请先上传佐证材料，再申请销号');
    const at = ctx.clock.now().toISOString();
    if (!(await repo.updateStatus(tx, id, from, to, at))) throw conflict('任务状态已被他人更新，请刷新后重试');
    await repo.insertEvent(tx, { taskId: id, event, from, to, actorId: ctx.user.id, reason, at });
    await writeAudit(tx, ctx.actor, { action: `task.${event}`, entity: 'task', entityId: id, before: from, after: to });
    return detail(tx, ctx, id);
  });
}
