// The steps after sending: the recipient accepts or declines, reports progress and concludes with a result;
// the sender closes (办结) or asks for more. One transaction each: load → policy → conditional update →
// history row → the clue follows (clueEventOf) → audit (codes and statuses only, never names or narrative).
import {
  FINAL_DISPOSITIONS,
  type FieldError,
  FORM_DISPOSITIONS,
  type HandoverConclude,
  type HandoverEvent,
  type HandoverProgress,
  type HandoverStatus,
  handoverEventLabel,
  handoverStatusLabel,
  INTERIM_DISPOSITIONS,
} from '@xuncha/contracts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { sealJson } from '../../platform/crypto/sealed.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { moveClue } from '../clue/clue.transition.ts';
import { mayAct } from './handover.policy.ts';
import { presentHandover, stateOf } from './handover.present.ts';
import type { HandoverRow } from './handover.repository.ts';
import { loadHandover } from './handover.service.ts';
import { clueEventOf, nextHandoverStatus } from './handover.status.ts';
import * as write from './handover-write.repository.ts';

interface StepPlan {
  changes: write.StepChanges;
  /** shown in the history (a reason or a progress note) */
  note?: string | null;
  resultSealed?: string;
  persons?: { form: string | null; decidedOn: string | null }[];
  /** extra codes for the audit entry */
  audit?: Record<string, unknown>;
}

function refusal(from: HandoverStatus, event: HandoverEvent): string {
  if (event === 'close' && from !== 'closed' && from !== 'declined') return '尚未反馈处置结果，不能办结';
  return `移交当前状态为“${handoverStatusLabel[from]}”，不能${handoverEventLabel[event]}`;
}

async function step(
  ctx: RequestContext,
  id: string,
  event: HandoverEvent,
  plan: (row: HandoverRow, today: string) => StepPlan,
) {
  const today = shanghaiToday(ctx.clock);
  return withTransaction(ctx.db, async (tx: Tx) => {
    const row = await loadHandover(tx, ctx, id);
    if (!mayAct(ctx.user, stateOf(row), event)) throw forbidden('无权办理该移交事项');
    const from = row.status as HandoverStatus;
    const to = nextHandoverStatus(from, event);
    if (!to) throw conflict(refusal(from, event));
    const p = plan(row, today);
    if (!(await write.moveHandover(tx, id, from, to, p.changes))) throw conflict('移交事项已被他人办理，请刷新后重试');
    await write.insertEvent(tx, {
      handoverId: id,
      event,
      from,
      to,
      actorId: ctx.user.id,
      note: p.note ?? null,
      ...(p.resultSealed ? { resultSealed: p.resultSealed } : {}),
    });
    if (p.persons) await write.replacePersons(tx, id, p.persons);
    const clueEvent = row.clueId ? clueEventOf(event, from) : undefined;
    if (row.clueId && clueEvent) await moveClue(tx, { clueId: row.clueId, event: clueEvent, actorId: ctx.user.id });
    await writeAudit(tx, ctx.actor, {
      action: `handover.${event}`,
      entity: 'handover',
      entityId: id,
      before: { status: from },
      after: { status: to, ...p.audit },
    });
    return presentHandover(await loadHandover(tx, ctx, id), ctx.user);
  });
}

function invalid(errors: FieldError[]): void {
  if (errors.length) throw badRequest(errors[0]?.message ?? '填写内容不正确', errors);
}

export const acceptHandover = (ctx: RequestContext, id: string, handlerName: string | undefined) =>
  step(ctx, id, 'accept', (_row, today) => ({
    changes: { accepted_on: today, accepted_by: ctx.user.id, handler_name: handlerName || null },
  }));

export const declineHandover = (ctx: RequestContext, id: string, reason: string) =>
  step(ctx, id, 'decline', () => ({ changes: { decline_reason: reason }, note: reason }));

export const progressHandover = (ctx: RequestContext, id: string, input: HandoverProgress) =>
  step(ctx, id, 'progress', (row) => {
    if (input.disposition) {
      const message =
        row.kind !== 'clue'
          ? '只有问题线索需要填写处置方式'
          : '办理进展只能选择谈话函询、初步核实或立案审查调查；最终处置结果请通过“反馈处置结果”填写';
      invalid(
        row.kind === 'clue' && INTERIM_DISPOSITIONS.has(input.disposition) ? [] : [{ path: 'disposition', message }],
      );
    }
    return {
      changes: input.disposition ? { disposition: input.disposition } : {},
      note: input.note,
      audit: { disposition: input.disposition ?? null },
    };
  });

function concludeErrors(row: HandoverRow, input: HandoverConclude, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.concludedOn > today) errors.push({ path: 'concludedOn', message: '办结日期不能晚于今天' });
  if (input.concludedOn < row.sentOn) errors.push({ path: 'concludedOn', message: '办结日期不能早于移交日期' });
  input.persons.forEach((p, i) => {
    if (p.decidedOn && p.decidedOn > today)
      errors.push({ path: `persons.${i}.decidedOn`, message: `第 ${i + 1} 人的处理日期不能晚于今天` });
  });
  if (row.kind !== 'clue') {
    if (input.disposition) errors.push({ path: 'disposition', message: '只有问题线索需要填写处置方式' });
    return errors;
  }
  const final: readonly string[] = FINAL_DISPOSITIONS;
  if (!input.disposition) errors.push({ path: 'disposition', message: '请选择处置结果' });
  else if (!final.includes(input.disposition))
    errors.push({
      path: 'disposition',
      message: '谈话函询、初步核实、立案审查调查是办理中的阶段，请选择最终处置结果（四种形态、予以了结或暂存待查）',
    });
  else if (FORM_DISPOSITIONS.has(input.disposition)) {
    if (input.persons.length === 0) errors.push({ path: 'persons', message: '按四种形态处置的，请填写被处理人' });
    input.persons.forEach((p, i) => {
      if (!p.form) errors.push({ path: `persons.${i}.form`, message: `请选择第 ${i + 1} 人的处理形态` });
    });
  }
  return errors;
}

export const concludeHandover = (ctx: RequestContext, id: string, input: HandoverConclude) =>
  step(ctx, id, 'conclude', (row, today) => {
    invalid(concludeErrors(row, input, today));
    const result = {
      summary: input.summary,
      measures: input.measures || null,
      persons: input.persons.map((p) => ({
        name: p.name,
        post: p.post,
        form: p.form ?? null,
        measure: p.measure || null,
        decidedOn: p.decidedOn ?? null,
      })),
    };
    const resultSealed = sealJson(keyringFor(ctx.config), result);
    return {
      changes: { disposition: input.disposition ?? null, result_sealed: resultSealed, concluded_on: input.concludedOn },
      resultSealed,
      persons: result.persons.map((p) => ({ form: p.form, decidedOn: p.decidedOn })),
      audit: {
        disposition: input.disposition ?? null,
        concludedOn: input.concludedOn,
        forms: result.persons.map((p) => p.form),
      },
    };
  });

export const closeHandover = (ctx: RequestContext, id: string) =>
  step(ctx, id, 'close', (_row, today) => ({ changes: { closed_on: today, closed_by: ctx.user.id } }));

export const requestMoreResult = (ctx: RequestContext, id: string, reason: string) =>
  step(ctx, id, 'request_more', () => ({ changes: {}, note: reason }));
