// Use cases of an inspection: read it (with its phase history), move it through its phases, issue the feedback
// (which needs an approved 巡察报告, report/report.feedback.ts).
import type {
  AdvanceEvent,
  FeedbackIssue,
  Inspection,
  InspectionDetail,
  InspectionEvent,
  InspectionListQuery,
  InspectionPhase,
} from '@xuncha/contracts';
import { inspectionPhaseLabel } from '@xuncha/contracts';
import type { z } from 'zod';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { countFindings, markFedBack } from '../finding/finding.repository.ts';
import { feedbackToIssue, recordFeedbackIssued } from '../report/report.feedback.ts';
import { eventPermission, type InspectionScope, inspectionAbilities } from './inspection.policy.ts';
import * as repo from './inspection.repository.ts';
import { nextPhase } from './inspection.status.ts';
import * as history from './inspection-history.repository.ts';

type Row = repo.InspectionRow;

export function inspectionScope(row: Row): InspectionScope {
  return {
    committeeId: row.committeeId,
    unitPath: row.unitPath,
    inspectionId: row.id,
    ownerUserId: null,
    phase: row.phase as InspectionPhase,
  };
}

export function presentInspection(row: Row, user: SessionUser): Inspection {
  const { unitPath: _unitPath, ...rest } = row;
  return {
    ...rest,
    type: rest.type as Inspection['type'],
    phase: rest.phase as InspectionPhase,
    abilities: inspectionAbilities(user, inspectionScope(row)),
  };
}

export async function listInspections(ctx: RequestContext, query: z.output<typeof InspectionListQuery>) {
  const { items, total } = await repo.listInspections(ctx.db, ctx.user, query);
  return pageResult(
    items.map((row) => presentInspection(row, ctx.user)),
    total,
    query,
  );
}

export async function loadInspection(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = await repo.findInspection(db, user, id);
  if (!row) throw notFound('巡察不存在');
  return row;
}

type Linked = NonNullable<Awaited<ReturnType<typeof history.linkedInspection>>>;
const presentLinked = (l: Linked) => ({ ...l, type: l.type as Inspection['type'], phase: l.phase as InspectionPhase });

export async function getInspection(ctx: RequestContext, id: string): Promise<InspectionDetail> {
  const row = await loadInspection(ctx.db, ctx.user, id);
  const [steps, previous, revisits] = await Promise.all([
    history.phaseHistory(ctx.db, id),
    row.previousInspectionId ? history.linkedInspection(ctx.db, row.previousInspectionId) : undefined,
    history.revisitsOf(ctx.db, id),
  ]);
  return {
    ...presentInspection(row, ctx.user),
    history: steps.map((s) => ({
      ...s,
      event: s.event as InspectionDetail['history'][number]['event'],
      fromPhase: s.fromPhase as InspectionPhase | null,
      toPhase: s.toPhase as InspectionPhase,
    })),
    previousInspection: previous ? presentLinked(previous) : null,
    revisits: revisits.map(presentLinked),
  };
}

async function transition(ctx: RequestContext, id: string, event: InspectionEvent, feedback?: FeedbackIssue) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadInspection(tx, ctx.user, id);
    const scope = inspectionScope(row);
    const from = scope.phase;
    if (!can(ctx.user, eventPermission(event), scope)) throw forbidden();
    const to = nextPhase(from, event);
    if (!to) throw conflict(`巡察当前处于“${inspectionPhaseLabel[from]}”阶段，不能执行此操作`);
    if (event === 'feedback' && (await countFindings(tx, id)) === 0) throw conflict('尚未登记任何问题，不能反馈');
    // the feedback issues an approved report's 反馈意见: the latest draft version, or the edited text as a new one
    const issued = feedback && (await feedbackToIssue(tx, ctx, id, feedback));
    const moved = await repo.updatePhase(
      tx,
      id,
      from,
      to,
      issued && feedback && { date: feedback.issuedOn, content: issued.content },
    );
    if (!moved) throw conflict('巡察状态已被他人更新，请刷新后重试');
    if (issued) {
      await markFedBack(tx, id);
      await recordFeedbackIssued(tx, ctx, issued);
    }
    await history.recordPhaseEvent(tx, {
      inspectionId: id,
      event,
      from,
      to,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.userName,
    });
    await writeAudit(tx, ctx.actor, {
      action: `inspection.${event}`,
      entity: 'inspection',
      entityId: id,
      before: from,
      after: to,
    });
    return presentInspection(await loadInspection(tx, ctx.user, id), ctx.user);
  });
}

export const advanceInspection = (ctx: RequestContext, id: string, event: AdvanceEvent) => transition(ctx, id, event);

export const issueFeedback = (ctx: RequestContext, id: string, input: FeedbackIssue) =>
  transition(ctx, id, 'feedback', input);
