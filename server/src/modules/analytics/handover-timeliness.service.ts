// 移交办理 timeliness use cases: read-only; the filter is resolved under analytics.read (404 out of reach).
import type {
  AnalyticsFilter,
  HandoverCounts,
  HandoverRow,
  HandoverRowQuery,
  HandoverStatus,
  HandoverTimeliness,
} from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult, pageWindow } from '../../platform/http/paging.ts';
import { resolveFilter } from './analytics.filter.ts';
import * as repo from './handover-timeliness.repository.ts';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function presentCounts(r: repo.HandoverCountRow): HandoverCounts {
  const withResult = r.on_time + r.late;
  return {
    sent: r.sent,
    onTime: r.on_time,
    late: r.late,
    overdue: r.overdue,
    pending: r.pending,
    // one decimal: a mean of whole days
    avgDays: withResult > 0 ? Math.round((r.result_days / withResult) * 10) / 10 : null,
    resultRate: rate(withResult, r.sent),
    onTimeRate: rate(r.on_time, withResult),
  };
}

const EMPTY: repo.HandoverCountRow = {
  recipient: null,
  kind: null,
  sent: 0,
  on_time: 0,
  late: 0,
  overdue: 0,
  pending: 0,
  result_days: 0,
};

export async function handoverTimeliness(ctx: RequestContext, query: AnalyticsFilter): Promise<HandoverTimeliness> {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  const rows = await repo.handoverCounts(ctx.db, filter, today);
  const total = rows.find((r) => r.recipient === null) ?? EMPTY;
  return {
    asOf: today,
    totals: presentCounts(total),
    rows: rows
      .filter((r) => r.recipient !== null)
      .map((r) => ({
        ...presentCounts(r),
        recipient: r.recipient as HandoverRow['recipient'],
        kind: r.kind as HandoverRow['kind'],
      })),
  };
}

const present = (r: repo.HandoverMetaRow): HandoverRow => ({
  ...r,
  kind: r.kind as HandoverRow['kind'],
  recipient: r.recipient as HandoverRow['recipient'],
  status: r.status as HandoverStatus,
});

export async function handoverList(ctx: RequestContext, query: HandoverRowQuery) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  const where = repo.rowWhere(filter, query, today);
  const [items, total] = await Promise.all([
    repo.handoverRows(ctx.db, where, today, pageWindow(query)),
    repo.countRows(ctx.db, where),
  ]);
  return pageResult(items.map(present), total, query);
}

/** Every handover of the figure, 2,000 at a time after the last one (the workbook streams). */
export async function* handoversForExport(ctx: RequestContext, query: Omit<HandoverRowQuery, 'page' | 'pageSize'>) {
  const filter = await resolveFilter(ctx.db, ctx.user, query);
  const today = shanghaiToday(ctx.clock);
  const where = repo.rowWhere(filter, query, today);
  let after: { sentOn: string; id: string } | undefined;
  for (;;) {
    const rows = await repo.handoverRows(ctx.db, where, today, { limit: 2000, after });
    for (const row of rows) yield present(row);
    const last = rows.at(-1);
    if (!last || rows.length < 2000) return;
    after = { sentOn: last.sentOn, id: last.id };
  }
}
