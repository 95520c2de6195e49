// 整改成效 use cases: read-only (no transaction or audit; the export is audited by the xlsx infrastructure).
// The filter is resolved under analytics.read first: a committee, term, round or area out of reach is 404.

import type { RectificationRates, RectificationRatesQuery, RectificationTaskQuery } from '@xuncha/contracts';
import { AGEING_BUCKETS, type TaskStatus } from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { allUnitsOver, dashboardOver } from '../rectification-dashboard/progress.repository.ts';
import { presentCounts, presentUnit } from '../rectification-dashboard/progress.service.ts';
import { resolveFilter } from './analytics.filter.ts';
import * as repo from './rectification-rates.repository.ts';

type NoPage<T> = Omit<T, 'page' | 'pageSize'>;

export async function rectificationRates(
  ctx: RequestContext,
  query: RectificationRatesQuery,
): Promise<RectificationRates> {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  const rows = await dashboardOver(ctx.db, repo.rateWheres(filter, today), query, today);
  return {
    asOf: today,
    totals: presentCounts(rows.totals),
    ageing: AGEING_BUCKETS.map((bucket) => ({ bucket, count: rows.totals[bucket] })),
    byKind: rows.kinds.map((k) => ({ ...presentCounts(k), unitKind: k.unit_kind })),
    units: pageResult(rows.page.map(presentUnit), rows.units, query),
  };
}

export async function rectificationUnitsForExport(ctx: RequestContext, query: NoPage<RectificationRatesQuery>) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  return (await allUnitsOver(ctx.db, repo.rateWheres(filter, today), query.sort, today)).map(presentUnit);
}

const presentTask = (r: repo.DrillTaskRow) => ({ ...r, status: r.status as TaskStatus });

export async function rectificationTasks(ctx: RequestContext, query: RectificationTaskQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const { items, total } = await repo.drillPage(ctx.db, filter, query, shanghaiToday(ctx.clock));
  return pageResult(items.map(presentTask), total, query);
}

/** Every task of the figure, fetched 2,000 at a time after the last one: the workbook streams, memory stays flat. */
export async function* rectificationTasksForExport(ctx: RequestContext, query: NoPage<RectificationTaskQuery>) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  const where = repo.taskDrillWhere(filter, query, today);
  let after: { dueDate: string; id: string } | undefined;
  for (;;) {
    const rows = await repo.drillRows(ctx.db, where, today, { limit: 2000, after });
    for (const row of rows) yield presentTask(row);
    const last = rows.at(-1);
    if (!last || rows.length < 2000) return;
    after = { dueDate: last.dueDate, id: last.id };
  }
}
