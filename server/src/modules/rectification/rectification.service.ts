// Use cases of the rectification case: the list for 巡察办/领导/单位, the overview with its 见底清零
// blockers, and the sign-off itself (refused with the blockers in Chinese while any remain).
import type { PlanStatus, RectificationDetail, RectificationListQuery, SignOffInput } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { type BlockerSource, blockersOf } from './rectification.blockers.ts';
import { clocksOf, limitsLoader } from './rectification.clocks.ts';
import { caseRecord } from './rectification.policy.ts';
import { placeOf, presentCase } from './rectification.present.ts';
import * as repo from './rectification.repository.ts';
import { nextRectificationStatus } from './rectification.status.ts';

/** The case as this user may see it; out of scope → 404. */
export async function loadCase(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.findCase(db, ctx.user, id, shanghaiToday(ctx.clock));
  if (!row) throw notFound('整改事项不存在');
  return row;
}

export type CaseRowsQuery = repo.CaseFilter & { page: number; pageSize: number };

/** The list and its export: one scoped query, then the clocks from each committee's limits. */
export async function caseRows(ctx: RequestContext, query: CaseRowsQuery) {
  const { page, pageSize, ...filter } = query;
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listCases(ctx.db, ctx.user, filter, { page, pageSize }, today);
  const limitsOf = limitsLoader(ctx.db);
  const presented = await Promise.all(
    items.map(async (row) =>
      presentCase(row, clocksOf(row.feedbackDate, await limitsOf(row.committeeId)), today, ctx.user),
    ),
  );
  return { items: presented, total };
}

export async function listCases(ctx: RequestContext, query: RectificationListQuery) {
  const { items, total } = await caseRows(ctx, query);
  return pageResult(items, total, query);
}

const blockerSource = (row: repo.CaseRow): BlockerSource => ({
  id: row.id,
  inspectionId: row.inspectionId,
  planStatus: row.planStatus as PlanStatus,
  evaluationResult: row.evaluationResult,
  remedialDue: row.remedialDue,
});

export async function getCase(ctx: RequestContext, id: string): Promise<RectificationDetail> {
  const today = shanghaiToday(ctx.clock);
  const row = await loadCase(ctx.db, ctx, id);
  const [limits, blockers, signOff] = await Promise.all([
    limitsLoader(ctx.db)(row.committeeId),
    row.status === 'rectifying' ? blockersOf(ctx.db, blockerSource(row), ctx.user) : [],
    repo.signOffDetails(ctx.db, id),
  ]);
  return {
    ...presentCase(row, clocksOf(row.feedbackDate, limits), today, ctx.user),
    blockers,
    signOffComment: signOff.comment,
    signedOffByName: signOff.byName,
  };
}

export async function getCaseOfInspection(ctx: RequestContext, inspectionId: string) {
  const id = await repo.caseIdOfInspection(ctx.db, ctx.user, inspectionId);
  if (!id) throw notFound('该巡察尚未反馈意见，还没有整改事项');
  return getCase(ctx, id);
}

export async function signOff(ctx: RequestContext, id: string, input: SignOffInput): Promise<RectificationDetail> {
  await withTransaction(ctx.db, async (tx) => {
    const row = await loadCase(tx, ctx, id);
    if (!can(ctx.user, 'rectification.sign_off', caseRecord(placeOf(row)))) throw forbidden('无权对该整改事项见底清零');
    if (!nextRectificationStatus(placeOf(row).status, 'sign_off')) throw conflict('该整改事项已见底清零');
    const blockers = await blockersOf(tx, blockerSource(row));
    if (blockers.length > 0) throw conflict(`尚不能见底清零：${blockers.map((b) => b.message).join('；')}`);
    const at = ctx.clock.now().toISOString();
    if (!(await repo.markSignedOff(tx, id, { by: ctx.user.id, at, comment: input.comment })))
      throw conflict('整改事项状态已被他人更新，请刷新后重试');
    await writeAudit(tx, ctx.actor, {
      action: 'rectification.sign_off',
      entity: 'rectification',
      entityId: id,
      before: { status: 'rectifying' },
      after: { status: 'signed_off', comment: input.comment },
    });
  });
  return getCase(ctx, id);
}
