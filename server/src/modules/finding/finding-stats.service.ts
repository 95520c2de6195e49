// Findings summary of one inspection (GET /api/inspections/:id/finding-stats) for the report and its charts.
import type { FindingStats } from '@xuncha/contracts';
import type { RequestContext } from '../../platform/http/context.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import * as repo from './finding-stats.repository.ts';

type Dimension = 'aspect' | 'discipline' | 'majorProblem' | 'focus' | 'powerType';

const byCount = (a: { count: number; code: string | null }, b: { count: number; code: string | null }) =>
  b.count - a.count || String(a.code).localeCompare(String(b.code));

export async function findingStats(ctx: RequestContext, inspectionId: string): Promise<FindingStats> {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  const [grouped, flags, areas] = await Promise.all([
    repo.groupedCounts(ctx.db, ctx.user, inspectionId),
    repo.flagCounts(ctx.db, ctx.user, inspectionId),
    repo.areaCounts(ctx.db, ctx.user, inspectionId),
  ]);
  const counts = (dimension: Dimension) =>
    grouped
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ code: r.code, count: Number(r.n) }))
      .sort(byCount);
  // with no findings at all, the empty grouping set still gives its row (count 0)
  const total = Number(grouped.find((r) => r.dimension === 'total')?.n ?? 0);
  return {
    total,
    aspect: counts('aspect'),
    discipline: counts('discipline'),
    majorProblem: counts('majorProblem'),
    focus: counts('focus'),
    powerType: counts('powerType'),
    area: areas.map((r) => ({ code: r.code, count: Number(r.n) })),
    common: Number(flags.common),
    eightRules: Number(flags.eightRules),
    immediate: Number(flags.immediate),
  };
}
