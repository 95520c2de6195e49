// 问题分析 (GET /api/analytics/findings/summary and its drill-down /api/analytics/findings): the counts
// come from findings.repository.ts in SQL; here they are laid out over the full taxonomy (a category with no
// finding shows 0) and the drill-down key is checked against it.
import {
  type AnalyticsFilter,
  type CategoryCount,
  type FindingDrillQuery,
  type FindingsSummary,
  UNCLASSIFIED,
} from '@xuncha/contracts';
import { z } from 'zod';
import { badRequest } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { resolveFilter } from './analytics.filter.ts';
import * as repo from './findings.repository.ts';

/** Every code of the taxonomy in its own order, then 未分类 if any finding left it empty. */
function spread(counts: repo.FigureCount[], dimension: string): CategoryCount[] {
  return counts
    .filter((r) => r.dimension === dimension && (r.code !== null || r.n > 0))
    .map((r) => ({ code: r.code, count: r.n }));
}

export async function findingsSummary(ctx: RequestContext, query: AnalyticsFilter): Promise<FindingsSummary> {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const [counts, units] = await Promise.all([repo.figureCounts(ctx.db, filter), repo.topUnits(ctx.db, filter)]);
  const flag = (dimension: string) => counts.find((r) => r.dimension === dimension)?.n ?? 0;
  return {
    total: flag('total'),
    common: flag('common'),
    individual: flag('total') - flag('common'),
    eightRules: flag('eightRules'),
    immediate: flag('immediate'),
    sensitive: flag('sensitive'),
    aspect: spread(counts, 'aspect'),
    discipline: spread(counts, 'discipline'),
    majorProblem: spread(counts, 'majorProblem'),
    focus: spread(counts, 'focus'),
    powerType: spread(counts, 'powerType'),
    area: spread(counts, 'area'),
    unitKind: spread(counts, 'unitKind'),
    topUnits: units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, unitKind: u.unitKind, count: Number(u.n) })),
  };
}

const FLAGS = new Set(['all', 'common', 'individual', 'eightRules', 'immediate', 'sensitive']);
const uuid = z.uuid();

/** The drill-down key as the SQL condition; a value that names no category is a 400, not an empty list. */
function condition(query: Pick<FindingDrillQuery, 'dimension' | 'value'>) {
  const { dimension } = query;
  const value = query.value ?? null;
  if (FLAGS.has(dimension)) return repo.dimensionCondition(dimension, null);
  const invalid = () => badRequest('统计项不正确', [{ path: 'value', message: '统计项不正确' }]);
  if (value === null) throw badRequest('请指定统计项', [{ path: 'value', message: '请指定统计项' }]);
  if (dimension === 'unit') {
    if (!uuid.safeParse(value).success) throw invalid();
    return repo.dimensionCondition(dimension, value);
  }
  if (value === UNCLASSIFIED && repo.NULLABLE.has(dimension)) return repo.dimensionCondition(dimension, null);
  if (!repo.TAXONOMY[dimension]?.includes(value)) throw invalid();
  return repo.dimensionCondition(dimension, value);
}

export type FindingDrillFilter = Omit<FindingDrillQuery, 'page' | 'pageSize'>;

/** The drill-down's rows by offset window: the list page and the export batches read the same rows. */
export async function findingDrillRows(ctx: RequestContext, query: FindingDrillFilter) {
  const where = condition(query);
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  return {
    page: (window: { limit: number; offset: number }) => repo.drillPage(ctx.db, ctx.user, filter, where, window),
    count: () => repo.drillCount(ctx.db, filter, where),
  };
}

export async function findingDrill(ctx: RequestContext, query: FindingDrillQuery) {
  const rows = await findingDrillRows(ctx, query);
  const [items, total] = await Promise.all([rows.page(pageWindow(query)), rows.count()]);
  return pageResult(items, total, query);
}
