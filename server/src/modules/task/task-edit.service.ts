// Editing the 任务清单/责任清单: one task, or several at once (all-or-nothing). A closed task is not
// edited (409); it is reopened first. Every change is audited with the fields before and after.
import type { TaskBulkUpdate, TaskDetail, TaskStatus, TaskUpdate } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { peopleOfUnitTree } from '../org/org.repository.ts';
import { ensureOwnerRole, type TaskRow } from './task.repository.ts';
import { detail, loadTask, taskScope } from './task.service.ts';
import { acceptsEdits } from './task.status.ts';
import { updateTaskFields } from './task-edit.repository.ts';

const FIELD_OF: Record<keyof TaskUpdate, keyof TaskRow> = {
  title: 'title',
  measures: 'measures',
  responsibleLeader: 'responsibleLeader',
  responsibleDepartment: 'responsibleDepartment',
  ownerUserId: 'ownerUserId',
  dueDate: 'dueDate',
  longTerm: 'longTerm',
};

function snapshot(task: TaskRow, changes: TaskUpdate) {
  const keys = (Object.keys(changes) as (keyof TaskUpdate)[]).filter((k) => changes[k] !== undefined);
  return Object.fromEntries(keys.map((k) => [k, task[FIELD_OF[k]]]));
}

/** 404 / 403 / 409 for one task, then the input rules that depend on it (400). */
export async function checkEditable(tx: Tx, ctx: RequestContext, task: TaskRow, changes: TaskUpdate, path = '') {
  if (!can(ctx.user, 'task.update', taskScope(task))) throw forbidden('无权编辑该整改任务');
  if (!acceptsEdits(task.status as TaskStatus)) throw conflict('任务已销号，不能再修改；如需重新整改请先重新打开');
  const errors: { path: string; message: string }[] = [];
  if (changes.dueDate !== undefined && changes.dueDate !== task.dueDate && changes.dueDate < shanghaiToday(ctx.clock)) {
    errors.push({ path: `${path}dueDate`, message: '完成时限不能早于今天' });
  }
  if (changes.ownerUserId !== undefined && changes.ownerUserId !== task.ownerUserId) {
    const people = await peopleOfUnitTree(tx, task.unitPath);
    if (!people.some((p) => p.id === changes.ownerUserId)) {
      errors.push({ path: `${path}ownerUserId`, message: '责任人必须是本单位人员' });
    }
  }
  if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
}

/** Writes checked changes of one task with its audit entry, inside the caller's transaction. */
export async function writeTaskChanges(tx: Tx, ctx: RequestContext, task: TaskRow, changes: TaskUpdate) {
  const at = ctx.clock.now().toISOString();
  if ((await updateTaskFields(tx, [task.id], changes, at)) !== 1) throw conflict('任务已被他人更新，请刷新后重试');
  if (changes.ownerUserId !== undefined) await ensureOwnerRole(tx, changes.ownerUserId);
  await writeAudit(tx, ctx.actor, {
    action: 'task.update',
    entity: 'task',
    entityId: task.id,
    before: snapshot(task, changes),
    after: changes,
  });
}

export function updateTask(ctx: RequestContext, id: string, changes: TaskUpdate): Promise<TaskDetail> {
  return withTransaction(ctx.db, async (tx) => {
    await tx.selectFrom('task').select('id').where('id', '=', id).forUpdate().execute();
    const task = await loadTask(tx, ctx, id);
    await checkEditable(tx, ctx, task, changes);
    await writeTaskChanges(tx, ctx, task, changes);
    return detail(tx, ctx, id);
  });
}

/** The same change to many tasks: every task is checked first, and one refusal writes nothing. */
export function bulkUpdateTasks(ctx: RequestContext, input: TaskBulkUpdate): Promise<{ updated: number }> {
  return withTransaction(ctx.db, async (tx) => {
    // lock in a fixed order so two bulk edits cannot deadlock
    const ids = [...input.ids].sort();
    await tx.selectFrom('task').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const tasks: TaskRow[] = [];
    for (const id of ids) tasks.push(await loadTask(tx, ctx, id));
    for (const task of tasks) await checkEditable(tx, ctx, task, input.set);
    for (const task of tasks) await writeTaskChanges(tx, ctx, task, input.set);
    return { updated: tasks.length };
  });
}
