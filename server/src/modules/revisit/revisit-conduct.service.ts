// Recording a 回访: an outcome per task (稳固 / 反弹). 反弹 either reopens the closed task (task.reopen.ts) or
// files a new finding on the same inspection, linked to the task's finding and with its classification.
// All outcomes are checked before anything is written; the whole record is one transaction.
import { type RevisitConduct, type RevisitStatus, revisitStatusLabel } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { caseRecord, tasksOfCase } from '../supervision/rectification-case.ts';
import { reopenTask } from '../task/task.reopen.ts';
import * as repo from './revisit.repository.ts';
import { loadRevisit, presentRevisit } from './revisit.service.ts';
import { nextRevisitStatus } from './revisit.status.ts';
import { fileReboundFinding } from './revisit-finding.repository.ts';

type Task = Awaited<ReturnType<typeof tasksOfCase>>[number];

function checkOutcomes(input: RevisitConduct, tasks: Map<string, Task>) {
  const seen = new Set<string>();
  input.outcomes.forEach((o, i) => {
    const path = `outcomes.${i}.taskId`;
    const task = tasks.get(o.taskId);
    if (!task) throw badRequest('所选任务不属于该单位的整改', [{ path, message: '所选任务不属于该单位的整改' }]);
    if (seen.has(o.taskId))
      throw badRequest(`任务“${task.title}”重复记录`, [{ path, message: '同一任务只能记录一次' }]);
    seen.add(o.taskId);
    if (o.outcome === 'rebound' && o.action === 'reopen' && task.status !== 'closed') {
      const message = `任务“${task.title}”尚未销号，不能重新打开，请选择作为新问题`;
      throw badRequest(message, [{ path: `outcomes.${i}.action`, message }]);
    }
  });
}

export async function conductRevisit(ctx: RequestContext, id: string, input: RevisitConduct) {
  const today = shanghaiToday(ctx.clock);
  const conductedOn = input.conductedOn ?? today;
  if (conductedOn > today)
    throw badRequest('回访日期不能晚于今天', [{ path: 'conductedOn', message: '回访日期不能晚于今天' }]);
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadRevisit(tx, ctx, id);
    if (!can(ctx.user, 'revisit.manage', caseRecord(row))) throw forbidden('无权记录回访结果');
    const from = row.status as RevisitStatus;
    const to = nextRevisitStatus(from, 'conduct');
    if (!to) throw conflict(`回访当前状态为“${revisitStatusLabel[from]}”，不能记录回访结果`);
    const tasks = new Map(
      (
        await tasksOfCase(
          tx,
          row.inspectionId,
          input.outcomes.map((o) => o.taskId),
        )
      ).map((t) => [t.id, t]),
    );
    checkOutcomes(input, tasks);
    if (!(await repo.moveRevisit(tx, id, from, to, { conducted_on: conductedOn, summary: input.summary })))
      throw conflict('回访状态已被他人更新，请刷新后重试');
    for (const o of input.outcomes) await recordOutcome(tx, ctx, id, o, tasks.get(o.taskId) as Task);
    await writeAudit(tx, ctx.actor, {
      action: 'revisit.conduct',
      entity: 'revisit',
      entityId: id,
      before: from,
      after: {
        status: to,
        conductedOn,
        outcomes: input.outcomes.map(({ taskId, outcome, action }) => ({ taskId, outcome, action })),
      },
    });
    return presentRevisit(await loadRevisit(tx, ctx, id), ctx.user);
  });
}

async function recordOutcome(
  tx: Tx,
  ctx: RequestContext,
  revisitId: string,
  o: RevisitConduct['outcomes'][number],
  task: Task,
) {
  const rebound = o.outcome === 'rebound';
  const reason = `回访发现反弹回潮：${o.note ?? ''}`;
  if (rebound && o.action === 'reopen') await reopenTask(tx, ctx, task.id, reason);
  const newFindingId =
    rebound && o.action === 'new_finding'
      ? await fileReboundFinding(tx, task.findingId, o.note ?? '', ctx.user.id)
      : null;
  await tx
    .insertInto('revisit_outcome')
    .values({
      revisit_id: revisitId,
      task_id: task.id,
      outcome: o.outcome,
      note: o.note || null,
      reopened: rebound && o.action === 'reopen',
      new_finding_id: newFindingId,
      recorded_by: ctx.user.id,
    })
    .execute();
  if (newFindingId)
    await writeAudit(tx, ctx.actor, {
      action: 'finding.create',
      entity: 'finding',
      entityId: newFindingId,
      after: { origin: task.findingId, via: 'revisit', revisitId },
    });
}
