// 督办单: issue one for a rectification case (to the unit, or one of its tasks), list and open them, and the
// suggestions of tasks that call for one. Issuing notifies the unit's head and liaison.
import {
  type SupervisionIssue,
  type SupervisionListQuery,
  type SupervisionOrderDetail,
  type SupervisionReason,
  type SupervisionStatus,
  type SupervisionSuggestion,
  type SupervisionSuggestionQuery,
  supervisionReason,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { notify, unitRecipients } from '../notification/notify.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import { caseRecord, loadCase, tasksOfCase } from './rectification-case.ts';
import { presentOrder } from './supervision.present.ts';
import * as repo from './supervision.repository.ts';
import * as write from './supervision-write.repository.ts';

export async function loadOrder(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.findOrder(db, ctx.user, id, shanghaiToday(ctx.clock));
  if (!row) throw notFound('督办单不存在');
  return row;
}

export type OrderRowsQuery = repo.SupervisionFilter & { page: number; pageSize: number };

export async function orderRows(ctx: RequestContext, query: OrderRowsQuery) {
  const { page, pageSize, ...filter } = query;
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listOrders(ctx.db, ctx.user, filter, { page, pageSize }, today);
  return { items: items.map((row) => presentOrder(row, ctx.user)), total };
}

export async function listOrders(ctx: RequestContext, query: SupervisionListQuery) {
  const { items, total } = await orderRows(ctx, query);
  return pageResult(items, total, query);
}

export async function getOrder(ctx: RequestContext, id: string): Promise<SupervisionOrderDetail> {
  const row = await loadOrder(ctx.db, ctx, id);
  const history = await repo.orderHistory(ctx.db, id);
  return {
    ...presentOrder(row, ctx.user),
    history: history.map((e) => ({
      event: e.event as SupervisionOrderDetail['history'][number]['event'],
      fromStatus: e.fromStatus as SupervisionStatus | null,
      toStatus: e.toStatus as SupervisionStatus,
      comment: e.comment,
      actorName: e.actorName,
      at: e.at,
    })),
  };
}

/** A response date the caller chose must lie in the future; by default the committee's time limit. */
export async function responseDueOf(db: Db, committeeId: string, chosen: string | undefined, today: string) {
  if (chosen === undefined) return deadlineFor(db, committeeId, 'supervision_response', today);
  if (chosen <= today) throw badRequest('答复期限应晚于今天', [{ path: 'responseDue', message: '答复期限应晚于今天' }]);
  return chosen;
}

export async function issueOrder(ctx: RequestContext, rectificationId: string, input: SupervisionIssue) {
  const today = shanghaiToday(ctx.clock);
  return withTransaction(ctx.db, async (tx) => {
    const rc = await loadCase(tx, ctx.user, 'supervision.read', rectificationId);
    if (!can(ctx.user, 'supervision.issue', caseRecord(rc))) throw forbidden('无权下发督办单');
    if (rc.status !== 'rectifying') throw conflict('该单位整改已见底清零，不能再下发督办单');
    let taskId: string | null = null;
    if (input.taskId) {
      const [task] = await tasksOfCase(tx, rc.inspectionId, [input.taskId]);
      if (!task)
        throw badRequest('所选任务不属于该单位的整改', [{ path: 'taskId', message: '所选任务不属于该单位的整改' }]);
      taskId = task.id;
    }
    const responseDue = await responseDueOf(tx, rc.committeeId, input.responseDue, today);
    const year = Number(today.slice(0, 4));
    const seq = await write.nextSeq(tx, rc.committeeId, year);
    const id = await write.insertOrder(tx, {
      committeeId: rc.committeeId,
      rectificationId: rc.id,
      unitId: rc.unitId,
      taskId,
      year,
      seq,
      reason: input.reason,
      content: input.content,
      responseDue,
      issuedBy: ctx.user.id,
    });
    await write.insertEvent(tx, {
      orderId: id,
      event: 'issue',
      from: null,
      to: 'issued',
      comment: null,
      actorId: ctx.user.id,
    });
    const code = `督办〔${year}〕${seq}号`;
    await notify(tx, await unitRecipients(tx, rc.unitId), {
      kind: 'supervision',
      title: `${code}：${supervisionReason.labels[input.reason as SupervisionReason]}`,
      body: `请于 ${responseDue} 前答复。${input.content}`,
      link: `/supervision?id=${id}`,
      subjectType: 'supervision_order',
      subjectId: id,
      dedupeKey: `supervision:${id}:issued`,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'supervision.issue',
      entity: 'supervision_order',
      entityId: id,
      after: { rectificationId, taskId, reason: input.reason, year, seq, responseDue },
    });
    return presentOrder(await loadOrder(tx, ctx, id), ctx.user);
  });
}

export async function listSuggestions(ctx: RequestContext, query: SupervisionSuggestionQuery) {
  const { page, pageSize, ...filter } = query;
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listSuggestions(ctx.db, ctx.user, filter, { page, pageSize }, today);
  const suggestions: SupervisionSuggestion[] = items.map((row) => ({
    ...row,
    overdueDays: Number(row.overdueDays),
    returnedCount: Number(row.returnedCount),
    reopenedCount: Number(row.reopenedCount),
    // the strongest reason first: 反弹 outweighs repeated returns, which outweigh lateness
    reason: row.reopenedCount > 0 ? 'rebound' : row.returnedCount >= 2 ? 'returned_twice' : 'overdue',
  }));
  return pageResult(suggestions, total, query);
}
