// Use cases of the 整改方案: read, save a new version, submit (主要负责人), approve or return (巡察办).
// load (scoped: 404) → policy (403, 409) → conditional write + plan event + audit, one transaction each.
import type {
  PlanApprove,
  PlanEvent,
  PlanHistoryEntry,
  PlanReturn,
  PlanReview,
  PlanStatus,
  PlanWrite,
  RectificationPlan,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { notify, unitRecipients } from '../notification/notify.ts';
import { planClock, planTimeliness } from './plan.deadline.ts';
import { incompleteMessage, planAbilities, planScope, stepRefusal, writeRefusal } from './plan.policy.ts';
import * as repo from './plan.repository.ts';
import { nextPlanStatus } from './plan.status.ts';
import { listsOf, unaddressed } from './plan-lists.repository.ts';

export const STALE = '整改方案已被他人更新，请刷新后重试';

/** The plan of the inspection as this user may see it (404 otherwise: not visible, or no feedback yet). */
export async function loadPlan(db: Db, user: SessionUser, inspectionId: string) {
  const row = await repo.findPlan(db, user, inspectionId);
  if (!row) throw notFound('整改方案不存在（反馈意见下发后才有整改方案）');
  const state = { status: row.status as PlanStatus, currentVersion: row.currentVersion };
  return { row, state, scope: planScope(row) };
}
type Loaded = Awaited<ReturnType<typeof loadPlan>>;

async function present(ctx: RequestContext, db: Db, { row, state, scope }: Loaded): Promise<RectificationPlan> {
  const today = shanghaiToday(ctx.clock);
  const [history, lists, clock] = await Promise.all([
    repo.planHistory(db, row.id),
    listsOf(db, row.inspectionId),
    planClock(db, [row.committeeId], today),
  ]);
  const dueDate = clock.dueDate(row.committeeId, row.feedbackDate);
  return {
    id: row.id,
    inspectionId: row.inspectionId,
    unitId: row.unitId,
    unitName: row.unitName,
    feedbackDate: row.feedbackDate,
    status: state.status,
    currentVersion: state.currentVersion,
    submittedVersion: row.submittedVersion,
    returnedCount: row.returnedCount,
    dueDate,
    ...planTimeliness(state.status, dueDate, today),
    content: row.content,
    unaddressedFindings: unaddressed(lists),
    history: history.map((e) => ({
      ...e,
      event: e.event as PlanHistoryEntry['event'],
      fromStatus: e.fromStatus as PlanStatus | null,
      toStatus: e.toStatus as PlanStatus,
      review: (e.review as PlanReview | null) ?? null,
    })),
    abilities: planAbilities(ctx.user, scope, state),
  };
}

const reload = async (ctx: RequestContext, tx: Tx, inspectionId: string) =>
  present(ctx, tx, await loadPlan(tx, ctx.user, inspectionId));

export async function getPlan(ctx: RequestContext, inspectionId: string) {
  return present(ctx, ctx.db, await loadPlan(ctx.db, ctx.user, inspectionId));
}

/** A new version: the text and the three lists as they stand now, so versions can be compared later. */
export async function writePlan(ctx: RequestContext, inspectionId: string, input: PlanWrite) {
  return withTransaction(ctx.db, async (tx) => {
    const { row, state, scope } = await loadPlan(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'plan.write', scope)) throw forbidden('无权起草整改方案');
    const refusal = writeRefusal(state);
    if (refusal) throw conflict(refusal);
    const version = await repo.bumpVersion(tx, row.id, state.currentVersion);
    if (version === undefined) throw conflict(STALE);
    const lists = await listsOf(tx, inspectionId);
    const note = input.note || null;
    await repo.insertVersion(tx, { planId: row.id, version, content: input.content, lists, note, by: ctx.user.id });
    await repo.insertEvent(tx, {
      planId: row.id,
      event: 'write',
      from: state.status,
      to: state.status,
      version,
      actorId: ctx.user.id,
    });
    await writeAudit(tx, ctx.actor, {
      action: 'plan.write',
      entity: 'rectification_plan',
      entityId: row.id,
      after: { version, length: input.content.length },
    });
    return reload(ctx, tx, inspectionId);
  });
}

/** 主要负责人报送: the latest version, only when every finding of the feedback has a task (完整性). */
export async function submitPlan(ctx: RequestContext, inspectionId: string) {
  return withTransaction(ctx.db, async (tx) => {
    const loaded = await loadPlan(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'plan.submit', loaded.scope)) throw forbidden('无权报送整改方案');
    const refusal = stepRefusal(loaded.state, 'submit');
    if (refusal) throw conflict(refusal);
    const missing = unaddressed(await listsOf(tx, inspectionId));
    if (missing.length > 0)
      throw new AppError(
        409,
        'conflict',
        incompleteMessage(missing),
        missing.map((f) => ({ path: `findings.${f.findingId}`, message: `问题${f.seq}“${f.title}”尚无整改任务` })),
      );
    await move(tx, ctx, loaded, { event: 'submit' });
    return reload(ctx, tx, inspectionId);
  });
}

/** 巡察办审核: three criteria; approving needs all three met, returning needs reasons (退回重来). */
export async function reviewPlan(
  ctx: RequestContext,
  inspectionId: string,
  event: 'approve' | 'return',
  input: PlanApprove | PlanReturn,
) {
  if (event === 'approve' && !Object.values(input.review).every((c) => c.ok))
    throw badRequest('完整性、针对性、可操作性均符合要求才能审核通过，否则请退回重来', [
      { path: 'review', message: '有审核标准未达到要求' },
    ]);
  return withTransaction(ctx.db, async (tx) => {
    const loaded = await loadPlan(tx, ctx.user, inspectionId);
    if (!can(ctx.user, 'plan.review', loaded.scope)) throw forbidden('无权审核整改方案');
    const refusal = stepRefusal(loaded.state, event);
    if (refusal) throw conflict(refusal);
    const comment = 'reasons' in input ? input.reasons : input.comment || null;
    const eventId = await move(tx, ctx, loaded, { event, review: input.review, comment });
    const passed = event === 'approve';
    await notify(tx, await unitRecipients(tx, loaded.row.unitId), {
      kind: 'plan_reviewed',
      title: passed ? '整改方案已审核通过' : '整改方案被退回重来',
      body: passed ? `${loaded.row.unitName}整改方案审核通过` : `退回理由：${comment}`,
      link: `/inspections/${inspectionId}?tab=plan`,
      subjectType: 'rectification_plan',
      subjectId: loaded.row.id,
      dedupeKey: `plan:${loaded.row.id}:event:${eventId}`,
    });
    return reload(ctx, tx, inspectionId);
  });
}

interface Step {
  event: PlanEvent;
  review?: PlanReview;
  comment?: string | null;
}

async function move(tx: Tx, ctx: RequestContext, { row, state }: Loaded, step: Step) {
  const to = nextPlanStatus(state.status, step.event);
  if (!to) throw conflict(STALE);
  const version = state.currentVersion;
  if (!(await repo.updateStatus(tx, row.id, { from: state.status, to, version }))) throw conflict(STALE);
  const eventId = await repo.insertEvent(tx, {
    planId: row.id,
    event: step.event,
    from: state.status,
    to,
    version,
    actorId: ctx.user.id,
    review: step.review,
    comment: step.comment ?? null,
  });
  await writeAudit(tx, ctx.actor, {
    action: `plan.${step.event}`,
    entity: 'rectification_plan',
    entityId: row.id,
    before: state.status,
    after: { status: to, version, review: step.review ?? null },
  });
  return eventId;
}
