// Reading the versions of a 整改方案 and comparing two: the text line by line (the report's diff) and
// the three lists task by task.
import type { PlanDiff, PlanSnapshotFinding, PlanVersion } from '@xuncha/contracts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { diffLines } from '../report/report.diff.ts';
import { diffLists } from './plan.lists-diff.ts';
import * as repo from './plan.repository.ts';
import { loadPlan } from './plan.service.ts';

export async function listPlanVersions(ctx: RequestContext, inspectionId: string) {
  const { row } = await loadPlan(ctx.db, ctx.user, inspectionId);
  return { items: await repo.listVersions(ctx.db, row.id) };
}

export async function getPlanVersion(ctx: RequestContext, inspectionId: string, version: number): Promise<PlanVersion> {
  const { row } = await loadPlan(ctx.db, ctx.user, inspectionId);
  const found = await repo.findVersion(ctx.db, row.id, version);
  if (!found) throw notFound(`整改方案第 ${version} 版不存在`);
  return { ...found, lists: found.lists as PlanSnapshotFinding[] };
}

export async function diffPlanVersions(
  ctx: RequestContext,
  inspectionId: string,
  range: { from: number; to: number },
): Promise<PlanDiff> {
  if (range.from === range.to)
    throw badRequest('请选择两个不同的版本进行比较', [{ path: 'to', message: '请选择另一个版本' }]);
  const [before, after] = await Promise.all([
    getPlanVersion(ctx, inspectionId, range.from),
    getPlanVersion(ctx, inspectionId, range.to),
  ]);
  const lines = diffLines(before.content, after.content);
  return {
    from: range.from,
    to: range.to,
    added: lines.filter((l) => l.kind === 'added').length,
    removed: lines.filter((l) => l.kind === 'removed').length,
    lines,
    lists: diffLists(before.lists, after.lists),
  };
}
