// 整改进度 and 本单位整改 use cases: read-only, so no transaction or audit (the export is audited by the xlsx
// infrastructure). A committee or round outside the user's scope is 404, as if it did not exist.
import {
  AGEING_BUCKETS,
  addTimeLimit,
  DEFAULT_TIME_LIMITS,
  type MyUnitView,
  type ProgressCounts,
  type ProgressDashboard,
  type ProgressFilter,
  type ProgressQuery,
  type ProgressTaskQuery,
  type ProgressUnitRow,
  type TaskStatus,
} from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { drillTasks } from './drill.repository.ts';
import * as myUnit from './my-unit.repository.ts';
import * as repo from './progress.repository.ts';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The contract's counts and rates from the SQL counters. */
export function presentCounts(c: repo.CountRecord): ProgressCounts {
  return {
    findings: c.findings,
    tasks: c.tasks,
    closed: c.closed,
    partlyClosed: c.partly_closed,
    closedOnTime: c.closed_on_time,
    overdue: c.overdue,
    returned: c.returned,
    reopened: c.reopened,
    everClosed: c.ever_closed,
    rectificationRate: rate(c.closed, c.tasks),
    onTimeRate: rate(c.closed_on_time, c.closed),
    returnedRate: rate(c.returned, c.tasks),
    reboundRate: rate(c.reopened, c.ever_closed),
  };
}

export function presentUnit(row: Awaited<ReturnType<typeof repo.allUnits>>[number]): ProgressUnitRow {
  return {
    ...presentCounts(row),
    unitId: row.unit_id,
    unitName: row.unit_name,
    unitKind: row.unit_kind,
    maxOverdueDays: row.max_overdue_days,
  };
}

/** 404 unless the committee (or the round's committee) is one the user reads rectification in. */
async function checkFilter(ctx: RequestContext, filter: ProgressFilter): Promise<void> {
  if (filter.roundId) {
    const committeeId = await repo.roundCommittee(ctx.db, filter.roundId);
    if (!committeeId || !(await repo.committeeVisible(ctx.db, ctx.user, committeeId))) throw notFound('巡察轮次不存在');
    if (filter.committeeId && filter.committeeId !== committeeId) throw notFound('巡察轮次不存在');
  }
  if (filter.committeeId && !(await repo.committeeVisible(ctx.db, ctx.user, filter.committeeId)))
    throw notFound('巡察机构不存在');
}

export async function progressDashboard(ctx: RequestContext, query: ProgressQuery): Promise<ProgressDashboard> {
  await checkFilter(ctx, query);
  const today = shanghaiToday(ctx.clock);
  const rows = await repo.dashboard(ctx.db, ctx.user, query, today);
  return {
    asOf: today,
    totals: presentCounts(rows.totals),
    ageing: AGEING_BUCKETS.map((bucket) => ({ bucket, count: rows.totals[bucket] })),
    units: pageResult(rows.page.map(presentUnit), rows.units, query),
  };
}

export async function progressUnitsForExport(ctx: RequestContext, query: Omit<ProgressQuery, 'page' | 'pageSize'>) {
  await checkFilter(ctx, query);
  const rows = await repo.allUnits(ctx.db, ctx.user, query, shanghaiToday(ctx.clock));
  return rows.map(presentUnit);
}

export async function progressTasks(ctx: RequestContext, query: ProgressTaskQuery) {
  await checkFilter(ctx, query);
  const { items, total } = await drillTasks(ctx.db, ctx.user, query, shanghaiToday(ctx.clock));
  return pageResult(
    items.map((r) => ({ ...r, status: r.status as TaskStatus })),
    total,
    query,
  );
}

/** The same counters as the SQL of progress.repository.ts, over one case's tasks (a few hundred at most). */
export function countTasks(tasks: myUnit.CaseTaskRow[], findings: number, today: string): ProgressCounts {
  const overdue = (t: myUnit.CaseTaskRow) => t.status !== 'closed' && t.dueDate < today;
  const n = (p: (t: myUnit.CaseTaskRow) => boolean) => tasks.filter(p).length;
  const counts = {
    findings,
    tasks: tasks.length,
    closed: n((t) => t.status === 'closed'),
    partly_closed: n((t) => t.status === 'partly_closed'),
    closed_on_time: n((t) => t.status === 'closed' && t.closedOn !== null && t.closedOn <= t.dueDate),
    overdue: n(overdue),
    returned: n((t) => t.returnedCount > 0),
    reopened: n((t) => t.reopenedCount > 0),
    ever_closed: n((t) => t.status === 'closed' || t.status === 'partly_closed' || t.reopenedCount > 0),
  };
  return presentCounts({ ...counts, d1_7: 0, d8_30: 0, d31_90: 0, d90_plus: 0, max_overdue_days: 0 });
}

export async function myUnitView(ctx: RequestContext): Promise<MyUnitView> {
  const today = shanghaiToday(ctx.clock);
  // due soon = within the first reminder threshold, the same the reminder sweep warns at
  const dueSoonDays = DEFAULT_TIME_LIMITS.reminder_first.amount;
  const soonLimit = addTimeLimit(today, DEFAULT_TIME_LIMITS.reminder_first);
  const cases = await myUnit.myCases(ctx.db, ctx.user);
  const inspectionIds = cases.map((c) => c.inspectionId);
  const [findings, tasks] = await Promise.all([
    myUnit.caseFindings(ctx.db, inspectionIds),
    myUnit.caseTasks(ctx.db, inspectionIds),
  ]);
  return {
    asOf: today,
    dueSoonDays,
    cases: cases.map((c) => {
      const caseFindings = findings.filter((f) => f.inspectionId === c.inspectionId);
      const ids = new Set(caseFindings.map((f) => f.id));
      const caseTasks = tasks.filter((t) => ids.has(t.findingId));
      return {
        ...c,
        status: c.status as 'rectifying' | 'signed_off',
        counts: countTasks(caseTasks, caseFindings.length, today),
        findings: caseFindings.map((f) => {
          const own = caseTasks.filter((t) => t.findingId === f.id);
          return {
            id: f.id,
            seq: f.seq,
            title: f.title,
            completion: f.completion as MyUnitView['cases'][number]['findings'][number]['completion'],
            keyFocus: f.keyFocus,
            closed: own.filter((t) => t.status === 'closed').length,
            total: own.length,
            tasks: own.map((t) => {
              const open = t.status !== 'closed';
              return {
                id: t.id,
                seq: t.seq,
                title: t.title,
                ownerName: t.ownerName,
                dueDate: t.dueDate,
                status: t.status as TaskStatus,
                overdue: open && t.dueDate < today,
                dueSoon: open && t.dueDate >= today && t.dueDate <= soonLimit,
                nextCheckpoint: t.nextCheckpoint,
              };
            }),
          };
        }),
      };
    }),
  };
}
