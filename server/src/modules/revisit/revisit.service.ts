// 回访 / 回头看: plan one for a rectification case, list and open them, cancel a planned one. Recording the
// outcomes is revisit-conduct.service.ts.
import {
  type Revisit,
  type RevisitCreate,
  type RevisitDetail,
  type RevisitKind,
  type RevisitListQuery,
  type RevisitOutcome,
  type RevisitStatus,
  revisitStatusLabel,
} from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { caseRecord, loadCase, type RectificationCase } from '../supervision/rectification-case.ts';
import { deadlineFor } from '../time-limit/deadline.ts';
import { revisitAbilities } from './revisit.policy.ts';
import * as repo from './revisit.repository.ts';
import { nextRevisitStatus } from './revisit.status.ts';

export function presentRevisit(row: repo.RevisitRow, user: SessionUser): Revisit {
  const { committeeId: _c, unitPath: _p, ...rest } = row;
  return {
    ...rest,
    kind: row.kind as RevisitKind,
    status: row.status as RevisitStatus,
    stableCount: Number(row.stableCount),
    reboundCount: Number(row.reboundCount),
    abilities: revisitAbilities(user, caseRecord(row), row.status as RevisitStatus),
  };
}

export async function loadRevisit(db: Db, ctx: RequestContext, id: string) {
  const row = await repo.findRevisit(db, ctx.user, id, shanghaiToday(ctx.clock));
  if (!row) throw notFound('回访不存在');
  return row;
}

export async function revisitRows(ctx: RequestContext, query: repo.RevisitFilter & { page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = query;
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listRevisits(ctx.db, ctx.user, filter, { page, pageSize }, today);
  return { items: items.map((row) => presentRevisit(row, ctx.user)), total };
}

export async function listRevisits(ctx: RequestContext, query: RevisitListQuery) {
  const { items, total } = await revisitRows(ctx, query);
  return pageResult(items, total, query);
}

export async function getRevisit(ctx: RequestContext, id: string): Promise<RevisitDetail> {
  const row = await loadRevisit(ctx.db, ctx, id);
  const [outcomes, tasks] = await Promise.all([
    repo.revisitOutcomes(ctx.db, id),
    repo.caseTasks(ctx.db, row.inspectionId),
  ]);
  return {
    ...presentRevisit(row, ctx.user),
    outcomes: outcomes.map((o) => ({ ...o, outcome: o.outcome as RevisitOutcome })),
    tasks,
  };
}

/** After the 整改报告 (or, without one, the end of the 集中整改期) + the committee's 回访 time limit. */
async function defaultPlannedOn(db: Db, rc: RectificationCase): Promise<string> {
  const reported =
    (await repo.reportDate(db, rc.id)) ??
    (await deadlineFor(db, rc.committeeId, 'rectification_period', rc.feedbackDate));
  return deadlineFor(db, rc.committeeId, 'revisit', reported);
}

export async function planRevisit(ctx: RequestContext, rectificationId: string, input: RevisitCreate) {
  return withTransaction(ctx.db, async (tx) => {
    const rc = await loadCase(tx, ctx.user, 'revisit.read', rectificationId);
    if (!can(ctx.user, 'revisit.manage', caseRecord(rc))) throw forbidden('无权安排回访');
    const plannedOn = input.plannedOn ?? (await defaultPlannedOn(tx, rc));
    const created = await tx
      .insertInto('revisit')
      .values({
        committee_id: rc.committeeId,
        rectification_id: rc.id,
        unit_id: rc.unitId,
        kind: input.kind,
        planned_on: plannedOn,
        created_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(tx, ctx.actor, {
      action: 'revisit.plan',
      entity: 'revisit',
      entityId: created.id,
      after: { rectificationId, kind: input.kind, plannedOn },
    });
    return presentRevisit(await loadRevisit(tx, ctx, created.id), ctx.user);
  });
}

export async function cancelRevisit(ctx: RequestContext, id: string, reason: string) {
  return withTransaction(ctx.db, async (tx) => {
    const row = await loadRevisit(tx, ctx, id);
    if (!can(ctx.user, 'revisit.manage', caseRecord(row))) throw forbidden('无权取消回访');
    const from = row.status as RevisitStatus;
    const to = nextRevisitStatus(from, 'cancel');
    if (!to) throw conflict(`回访当前状态为“${revisitStatusLabel[from]}”，不能取消`);
    // a cancelled visit keeps why in its summary: the record says what happened to the plan
    if (!(await repo.moveRevisit(tx, id, from, to, { summary: reason })))
      throw conflict('回访状态已被他人更新，请刷新后重试');
    await writeAudit(tx, ctx.actor, {
      action: 'revisit.cancel',
      entity: 'revisit',
      entityId: id,
      before: from,
      after: { status: to, reason },
    });
    return presentRevisit(await loadRevisit(tx, ctx, id), ctx.user);
  });
}
