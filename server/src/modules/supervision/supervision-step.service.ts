// Steps of a 督办单 after issue: the unit answers; the office rejects (不满意, new response date), closes or
// escalates to the 领导小组. Each is load → policy → conditional update + event + audit in one transaction.
import {
  type SupervisionEvent,
  type SupervisionReject,
  type SupervisionStatus,
  supervisionEventLabel,
  supervisionStatusLabel,
} from '@xuncha/contracts';
import { sql } from 'kysely';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { notify, unitRecipients } from '../notification/notify.ts';
import { committeeRoleHolders } from './rectification-case.ts';
import { mayStep } from './supervision.policy.ts';
import { presentOrder, recordOf } from './supervision.present.ts';
import type { SupervisionRow } from './supervision.repository.ts';
import { loadOrder, responseDueOf } from './supervision.service.ts';
import { nextSupervisionStatus } from './supervision.status.ts';
import { insertEvent, moveOrder, type StepChanges } from './supervision-write.repository.ts';

const REFUSED: Record<SupervisionEvent, string> = {
  answer: '无权答复该督办单',
  reject: '无权退回该督办单的答复',
  close: '无权办结该督办单',
  escalate: '无权提级督办',
};

async function step(
  ctx: RequestContext,
  id: string,
  event: SupervisionEvent,
  comment: string | null,
  changes: (tx: Tx, row: SupervisionRow) => Promise<StepChanges> | StepChanges,
  after?: (tx: Tx, row: SupervisionRow) => Promise<unknown>,
) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadOrder(tx, ctx, id);
    if (!mayStep(ctx.user, recordOf(row), event)) throw forbidden(REFUSED[event]);
    const from = row.status as SupervisionStatus;
    const to = nextSupervisionStatus(from, event);
    if (!to) throw conflict(`督办单当前状态为“${supervisionStatusLabel[from]}”，不能${supervisionEventLabel[event]}`);
    const moved = await moveOrder(tx, id, from, to, await changes(tx, row));
    if (!moved) throw conflict('督办单状态已被他人更新，请刷新后重试');
    await insertEvent(tx, { orderId: id, event, from, to, comment, actorId: ctx.user.id });
    await after?.(tx, row);
    await writeAudit(tx, ctx.actor, {
      action: `supervision.${event}`,
      entity: 'supervision_order',
      entityId: id,
      before: { status: from },
      after: { status: to, comment },
    });
    return presentOrder(await loadOrder(tx, ctx, id), ctx.user);
  });
}

export function answerOrder(ctx: RequestContext, id: string, response: string) {
  return step(ctx, id, 'answer', response, () => ({
    response,
    responded_by: ctx.user.id,
    responded_at: sql<string>`now()`,
  }));
}

export function rejectAnswer(ctx: RequestContext, id: string, input: SupervisionReject) {
  let due = '';
  return step(
    ctx,
    id,
    'reject',
    input.reason,
    async (tx, row) => {
      due = await responseDueOf(tx, row.committeeId, input.responseDue, shanghaiToday(ctx.clock));
      return { response_due: due };
    },
    async (tx, row) =>
      notify(tx, await unitRecipients(tx, row.unitId), {
        kind: 'supervision',
        title: `${row.code}：答复不满意，请重新答复`,
        body: `${input.reason}（请于 ${due} 前重新答复）`,
        link: `/supervision?id=${id}`,
        subjectType: 'supervision_order',
        subjectId: id,
        dedupeKey: `supervision:${id}:rejected:${due}`,
      }),
  );
}

export function closeOrder(ctx: RequestContext, id: string, comment: string | null) {
  return step(ctx, id, 'close', comment, () => ({ closed_at: sql<string>`now()` }));
}

export function escalateOrder(ctx: RequestContext, id: string, comment: string | null) {
  return step(
    ctx,
    id,
    'escalate',
    comment,
    () => ({ escalated_at: sql<string>`now()` }),
    (tx, row) => notifyLeaders(tx, row),
  );
}

/** The 领导小组 hears of every escalation, once per order and response date. */
export async function notifyLeaders(
  tx: Db,
  o: { id: string; committeeId: string; code: string; unitName: string; responseDue: string },
) {
  return notify(tx, await committeeRoleHolders(tx, o.committeeId, 'leader'), {
    kind: 'supervision_escalated',
    title: `${o.code} 逾期未答复，已提级督办`,
    body: `${o.unitName} 未在 ${o.responseDue} 前答复督办单。`,
    link: `/supervision?id=${o.id}`,
    subjectType: 'supervision_order',
    subjectId: o.id,
    dedupeKey: `supervision:${o.id}:escalated:${o.responseDue}`,
  });
}
