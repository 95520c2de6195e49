// Use cases of a term plan (届内全覆盖规划): create over every active unit, edit, include/exclude units.
import type {
  TermPlan,
  TermPlanCreate,
  TermPlanListQuery,
  TermPlanUnitsChange,
  TermPlanUpdate,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { can, committeeRecord } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type Db, type Tx, withTransaction } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import * as repo from './term-plan.repository.ts';

export function presentPlan(row: repo.PlanRow, user: SessionUser): TermPlan {
  return { ...row, abilities: { update: can(user, 'term_plan.manage', committeeRecord(row.committeeId)) } };
}

export async function listPlans(ctx: RequestContext, query: z.output<typeof TermPlanListQuery>) {
  const { items, total } = await repo.listPlans(ctx.db, ctx.user, query);
  return pageResult(
    items.map((row) => presentPlan(row, ctx.user)),
    total,
    query,
  );
}

export async function loadPlan(db: Db, user: SessionUser, id: string): Promise<repo.PlanRow> {
  const row = await repo.findPlan(db, user, id);
  if (!row) throw notFound('届内规划不存在');
  return row;
}

export async function getPlan(ctx: RequestContext, id: string) {
  return presentPlan(await loadPlan(ctx.db, ctx.user, id), ctx.user);
}

async function refuseOverlap(tx: Tx, committeeId: string, start: string, end: string, exceptId: string | null) {
  await repo.lockCommittee(tx, committeeId);
  const other = await repo.overlappingPlan(tx, committeeId, start, end, exceptId);
  if (other) throw conflict(`与已有规划“${other.name}”的期间重叠`);
}

export async function createPlan(ctx: RequestContext, input: TermPlanCreate): Promise<TermPlan> {
  const committee = committeeRecord(input.committeeId);
  if (!can(ctx.user, 'term_plan.read', committee)) throw notFound('党委不存在');
  if (!can(ctx.user, 'term_plan.manage', committee)) throw forbidden('无权为该党委制定届内规划');
  return withTransaction(ctx.db, async (tx) => {
    await refuseOverlap(tx, input.committeeId, input.startDate, input.endDate, null);
    const id = await repo.insertPlan(tx, { ...input, notes: input.notes || null, createdBy: ctx.user.id });
    await repo.includeAllActiveUnits(tx, id, input.committeeId, ctx.user.id);
    await writeAudit(tx, ctx.actor, { action: 'term_plan.create', entity: 'term_plan', entityId: id, after: input });
    return presentPlan(await loadPlan(tx, ctx.user, id), ctx.user);
  });
}

async function loadManaged(tx: Tx, user: SessionUser, id: string) {
  const plan = await loadPlan(tx, user, id);
  if (!can(user, 'term_plan.manage', committeeRecord(plan.committeeId))) throw forbidden('无权修改该届内规划');
  return plan;
}

export async function updatePlan(ctx: RequestContext, id: string, input: TermPlanUpdate): Promise<TermPlan> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await loadManaged(tx, ctx.user, id);
    const start = input.startDate ?? before.startDate;
    const end = input.endDate ?? before.endDate;
    if (start >= end)
      throw badRequest('结束日期应晚于开始日期', [{ path: 'endDate', message: '结束日期应晚于开始日期' }]);
    if (input.startDate || input.endDate) await refuseOverlap(tx, before.committeeId, start, end, id);
    await repo.updatePlan(tx, id, { ...input, ...(input.notes === undefined ? {} : { notes: input.notes || null }) });
    const { unitCount: _u, excludedCount: _e, ...snapshot } = before;
    await writeAudit(tx, ctx.actor, {
      action: 'term_plan.update',
      entity: 'term_plan',
      entityId: id,
      before: snapshot,
      after: input,
    });
    return presentPlan(await loadPlan(tx, ctx.user, id), ctx.user);
  });
}

function unknownUnits(found: Map<string, boolean>, unitIds: string[], mustBeActive: boolean) {
  const bad = unitIds.filter((unitId) => !found.has(unitId) || (mustBeActive && !found.get(unitId)));
  if (bad.length === 0) return;
  const message = mustBeActive ? '所选单位不属于该党委或已撤销' : '所选单位不属于该党委';
  throw badRequest(message, [{ path: 'unitIds', message: `${message}（${bad.length} 个）` }]);
}

const nothingChanged: Record<TermPlanUnitsChange['action'], string> = {
  include: '所选单位均已纳入规划',
  exclude: '所选单位均已不纳入规划',
  plan: '所选单位不在规划内',
};

export async function changeUnits(ctx: RequestContext, id: string, input: TermPlanUnitsChange) {
  return withTransaction(ctx.db, async (tx) => {
    const plan = await loadManaged(tx, ctx.user, id);
    const unitIds = [...new Set(input.unitIds)];
    unknownUnits(await repo.unitsOfCommittee(tx, plan.committeeId, unitIds), unitIds, input.action === 'include');
    const changed =
      input.action === 'plan'
        ? await repo.setPlannedYear(tx, id, unitIds, input.plannedYear ?? null, ctx.user.id)
        : await repo.setIncluded(tx, id, unitIds, input.action === 'include', input.reason || null, ctx.user.id);
    if (changed === 0) throw conflict(nothingChanged[input.action]);
    await writeAudit(tx, ctx.actor, {
      action: `term_plan.units.${input.action}`,
      entity: 'term_plan',
      entityId: id,
      after: { ...input, unitIds, changed },
    });
    return { changed };
  });
}
