// Use cases of 移交 on the sender's side and the reads of both sides: hand a clue or a finding over, list
// and count what the user may see, open one with its history. Content of a clue (and the names in a clue's
// result) is opened only for its need-to-know readers, and every opening is audited without the content.
import {
  HANDOVER_STATUSES,
  type HandoverCreate,
  type HandoverDetail,
  type HandoverListQuery,
  type HandoverResult,
  type HandoverStatus,
  type HandoverSummary,
  type InspectionPhase,
  inspectionPhaseLabel,
  recipientOfKind,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { keyringFor } from '../../platform/crypto/keyring.ts';
import { openJson } from '../../platform/crypto/sealed.ts';
import { type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, insertOrConflict, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { clueContentWhere } from '../clue/clue.access.ts';
import type { ClueContent } from '../clue/clue.content.ts';
import { moveClue } from '../clue/clue.transition.ts';
import { inspectionScope, loadInspection } from '../inspection/inspection.service.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import { requireHandoverAccess } from './handover.access.ts';
import { presentHandover } from './handover.present.ts';
import * as repo from './handover.repository.ts';
import { resolveRecipient } from './handover-recipient.ts';
import * as write from './handover-write.repository.ts';

// After the report has been heard (汇报) and until the rectification has been evaluated.
const HANDOVER_PHASES: ReadonlySet<InspectionPhase> = new Set(['reporting', 'feedback', 'rectifying', 'evaluating']);

export async function loadHandover(db: RequestContext['db'], ctx: RequestContext, id: string) {
  requireHandoverAccess(ctx.user);
  const row = await repo.findHandover(db, ctx.user, id, shanghaiToday(ctx.clock));
  if (!row) throw notFound('移交事项不存在');
  return row;
}

export type HandoverRowsQuery = repo.HandoverFilter & { page: number; pageSize: number };

/** The list, the export and the inspection tab: one scoped query. */
export async function handoverRows(ctx: RequestContext, query: HandoverRowsQuery) {
  requireHandoverAccess(ctx.user);
  const { page, pageSize, ...filter } = query;
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listHandovers(ctx.db, ctx.user, filter, { page, pageSize }, today);
  return { items: items.map((row) => presentHandover(row, ctx.user)), total };
}

export async function listHandovers(ctx: RequestContext, query: HandoverListQuery) {
  const { items, total } = await handoverRows(ctx, query);
  return pageResult(items, total, query);
}

export async function handoverSummary(ctx: RequestContext): Promise<HandoverSummary> {
  requireHandoverAccess(ctx.user);
  const rows = await repo.summaryRows(ctx.db, ctx.user, shanghaiToday(ctx.clock));
  const byStatus = Object.fromEntries(HANDOVER_STATUSES.map((s) => [s, 0])) as Record<HandoverStatus, number>;
  for (const row of rows) byStatus[row.status as HandoverStatus] = Number(row.n);
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((n, row) => n + Number(pick(row)), 0);
  return { byStatus, overdue: sum((r) => r.overdue), dueSoon: sum((r) => r.dueSoon), total: sum((r) => r.n) };
}

async function findingOf(tx: Tx, findingId: string, inspectionId: string) {
  const finding = await write.findingOfInspection(tx, findingId, inspectionId);
  if (!finding) throw badRequest('所选问题不属于本巡察', [{ path: 'findingId', message: '所选问题不属于本巡察' }]);
  return finding;
}

async function subjectOf(tx: Tx, ctx: RequestContext, inspectionId: string, input: HandoverCreate) {
  if (input.kind === 'clue') {
    const clue = await write.readableClue(tx, input.clueId as string, inspectionId, clueContentWhere(ctx.user));
    if (!clue) throw notFound('问题线索不存在');
    const related = input.findingId ? await findingOf(tx, input.findingId, inspectionId) : null;
    return { clueId: clue.id, findingId: related?.id ?? null };
  }
  const finding = await findingOf(tx, input.findingId as string, inspectionId);
  if (input.kind === 'cadre' && !finding.areas.includes('cadre_selection')) {
    const message = '移交组织部的应是领域为“选人用人”的问题';
    throw badRequest(message, [{ path: 'findingId', message }]);
  }
  return { clueId: null, findingId: finding.id };
}

async function dueDateOf(tx: Tx, committeeId: string, input: HandoverCreate, today: string) {
  if (input.dueDate !== undefined) {
    if (input.dueDate <= today)
      throw badRequest('反馈期限应晚于今天', [{ path: 'dueDate', message: '反馈期限应晚于今天' }]);
    return input.dueDate;
  }
  const code = input.kind === 'clue' ? 'handover_clue' : 'handover_other';
  return deadlineFor(tx, committeeId, code, today);
}

export async function createHandover(ctx: RequestContext, inspectionId: string, input: HandoverCreate) {
  const today = shanghaiToday(ctx.clock);
  return withTransaction(ctx.db, async (tx) => {
    const inspection = await loadInspection(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'handover.create', inspectionScope(inspection))) throw forbidden('无权移交该巡察的问题和线索');
    const phase = inspection.phase as InspectionPhase;
    if (!HANDOVER_PHASES.has(phase))
      throw conflict(`巡察当前处于“${inspectionPhaseLabel[phase]}”阶段，听取巡察汇报后才能移交`);
    const subject = await subjectOf(tx, ctx, inspectionId, input);
    const recipient = await resolveRecipient(tx, inspection, input);
    if (input.decisionId && !(await write.handoverDecision(tx, input.decisionId, inspectionId))) {
      const message = '所选会议决定不是本巡察的同意移交决定';
      throw badRequest(message, [{ path: 'decisionId', message }]);
    }
    const dueDate = await dueDateOf(tx, inspection.committeeId, input, today);
    const year = Number(today.slice(0, 4));
    const seq = await write.nextSeq(tx, inspection.committeeId, year);
    const what = input.kind === 'clue' ? '该问题线索' : '该问题';
    const id = await insertOrConflict(
      () =>
        write.insertHandover(tx, {
          committeeId: inspection.committeeId,
          inspectionId,
          unitId: inspection.unitId,
          year,
          seq,
          kind: input.kind,
          ...subject,
          recipient: recipientOfKind[input.kind],
          recipientUnitId: recipient.unitId,
          recipientName: recipient.name,
          sentOn: today,
          dueDate,
          letterNo: input.letterNo || null,
          note: input.note || null,
          decisionId: input.decisionId ?? null,
          sentBy: ctx.user.id,
        }),
      `${what}已移交，尚在办理中，不能重复移交`,
    );
    if (subject.clueId) await moveClue(tx, { clueId: subject.clueId, event: 'hand_over', actorId: ctx.user.id });
    await write.insertEvent(tx, {
      handoverId: id,
      event: 'create',
      from: null,
      to: 'sent',
      actorId: ctx.user.id,
      note: null,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'handover.create',
      entity: 'handover',
      entityId: id,
      after: { kind: input.kind, ...subject, recipient: recipientOfKind[input.kind], year, seq, dueDate },
    });
    return presentHandover(await loadHandover(tx, ctx, id), ctx.user);
  });
}

/** The sealed result as stored; older writers may leave optional parts out. */
type SealedResult = Partial<HandoverResult> & { persons?: Partial<HandoverResult['persons'][number]>[] };

function resultOf(sealed: SealedResult): HandoverResult {
  return {
    summary: sealed.summary ?? '',
    measures: sealed.measures ?? null,
    persons: (sealed.persons ?? []).map((p) => ({
      name: p.name ?? '',
      post: p.post ?? '',
      form: p.form ?? null,
      measure: p.measure ?? null,
      decidedOn: p.decidedOn ?? null,
    })),
  };
}

export async function getHandover(ctx: RequestContext, id: string): Promise<HandoverDetail> {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadHandover(tx, ctx, id);
    const [sealed, history, personForms] = await Promise.all([
      repo.sealedParts(tx, id),
      repo.handoverHistory(tx, id),
      repo.currentPersons(tx, id),
    ]);
    // a clue's result names the people handled: it is as need-to-know as the clue itself
    const mayReadContent = row.kind !== 'clue' || row.contentVisible;
    const keyring = keyringFor(ctx.config);
    let clue: HandoverDetail['clue'] = null;
    if (row.kind === 'clue' && row.contentVisible && sealed.clueSealed) {
      const content = openJson<ClueContent>(keyring, sealed.clueSealed);
      clue = { ...content, evidence: content.evidence ?? null };
      await writeAudit(tx, ctx.actor, {
        action: 'clue.read_content',
        entity: 'clue',
        entityId: row.clueId,
        after: { via: 'handover', handoverId: id },
      });
    }
    let result: HandoverResult | null = null;
    if (mayReadContent && sealed.resultSealed) {
      result = resultOf(openJson<SealedResult>(keyring, sealed.resultSealed));
      await writeAudit(tx, ctx.actor, { action: 'handover.read_result', entity: 'handover', entityId: id });
    }
    return {
      ...presentHandover(row, ctx.user),
      contentVisible: mayReadContent,
      clue,
      finding: row.findingTitle ? { title: row.findingTitle, facts: sealed.findingFacts ?? '' } : null,
      result,
      personForms: personForms.map((p) => ({ form: p.form as '1' | '2' | '3' | '4' | null, decidedOn: p.decidedOn })),
      history: history.map((e) => ({
        event: e.event as HandoverDetail['history'][number]['event'],
        fromStatus: e.fromStatus as HandoverStatus | null,
        toStatus: e.toStatus as HandoverStatus,
        actorName: e.actorName,
        note: mayReadContent ? e.note : null,
        at: e.at,
      })),
    };
  });
}
