// 巡察工作总览: read-only, so no transaction or audit. The committee (and term plan) is checked once by
// resolveFilter under analytics.read (404 outside the user's reach). Every figure is the statement of the page
// the block links to, run over "this term" (the inspections whose 进驻 falls within the term plan's period):
// coverage from 届内规划, findings, rectification, handovers and outcomes from 统计分析.
import {
  aspect,
  INSPECTION_PHASES,
  OVERVIEW_TOP_UNITS,
  type Overview,
  type OverviewQuery,
  type OverviewRound,
  type UnitKind,
} from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type ResolvedFilter, resolveFilter } from '../analytics/analytics.filter.ts';
import { type FigureCount, figureCounts } from '../analytics/findings.repository.ts';
import { type HandoverCountRow, handoverCounts } from '../analytics/handover-timeliness.repository.ts';
import { evidenceTotals } from '../analytics/outcomes.repository.ts';
import { rateWheres } from '../analytics/rectification-rates.repository.ts';
import { type DashboardRows, dashboardOver } from '../rectification-dashboard/progress.repository.ts';
import { presentCounts } from '../rectification-dashboard/progress.service.ts';
import { coverageOfPlan } from '../term-plan/coverage.service.ts';
import * as repo from './overview.repository.ts';

type Phase = OverviewRound['byPhase'][number]['phase'];
type InspectionType = OverviewRound['inspections'][number]['type'];

function presentRound(r: repo.RoundRow): OverviewRound {
  return {
    roundId: r.round_id,
    name: r.name,
    startDate: r.start_date,
    endDate: r.end_date,
    inspectionCount: r.inspection_count,
    byPhase: r.by_phase
      .map((p) => ({ phase: p.phase as Phase, count: p.count }))
      .sort((a, b) => INSPECTION_PHASES.indexOf(a.phase) - INSPECTION_PHASES.indexOf(b.phase)),
    inspections: r.inspections.map((i) => ({ ...i, type: i.type as InspectionType, phase: i.phase as Phase })),
  };
}

/** The flags and every 四个方面 (zero where nothing was found), most first. */
function presentFindings(counts: FigureCount[]): Overview['findings'] {
  const n = (dimension: string, code: string | null = null) =>
    counts.find((c) => c.dimension === dimension && c.code === code)?.n ?? 0;
  return {
    total: n('total'),
    common: n('common'),
    eightRules: n('eightRules'),
    byAspect: aspect.codes.map((a) => ({ aspect: a, count: n('aspect', a) })).sort((x, y) => y.count - x.count),
  };
}

/** The total row of the 移交办理 counts (recipient and kind both null). */
function presentHandovers(rows: HandoverCountRow[]): Overview['handovers'] {
  const total = rows.find((r) => r.recipient === null && r.kind === null);
  return {
    sent: total?.sent ?? 0,
    withResult: (total?.on_time ?? 0) + (total?.late ?? 0),
    overdue: total?.overdue ?? 0,
  };
}

function presentRectification(rows: DashboardRows): Overview['rectification'] {
  const totals = presentCounts(rows.totals);
  return {
    tasks: totals.tasks,
    closed: totals.closed,
    overdue: totals.overdue,
    rectificationRate: totals.rectificationRate,
    onTimeRate: totals.onTimeRate,
    // a kind whose units have findings but no tasks yet has nothing to chart
    byKind: rows.kinds
      .filter((k) => k.tasks > 0)
      .map((k) => ({ kind: k.unit_kind as UnitKind, tasks: k.tasks, closed: k.closed, overdue: k.overdue })),
    overdueUnits: rows.page
      .filter((u) => u.overdue > 0)
      .map((u) => ({
        unitId: u.unit_id,
        unitName: u.unit_name,
        unitKind: u.unit_kind,
        tasks: u.tasks,
        overdue: u.overdue,
        maxOverdueDays: u.max_overdue_days,
      })),
  };
}

async function figuresOfTerm(ctx: RequestContext, filter: ResolvedFilter, today: string) {
  const top = { sort: '-overdue' as const, page: 1, pageSize: OVERVIEW_TOP_UNITS };
  const [findings, rectification, handovers, evidence, accountability] = await Promise.all([
    figureCounts(ctx.db, filter),
    dashboardOver(ctx.db, rateWheres(filter, today), top, today),
    handoverCounts(ctx.db, filter, today),
    evidenceTotals(ctx.db, filter),
    repo.accountabilityCounts(ctx.db, filter),
  ]);
  return {
    findings: presentFindings(findings),
    rectification: presentRectification(rectification),
    handovers: presentHandovers(handovers),
    results: {
      accountabilityDecided: accountability.decided,
      accountabilityProposed: accountability.proposed,
      moneyRecovered: Number(evidence?.amount ?? 0),
      institutions: Number(evidence?.institutions ?? 0),
    },
  };
}

export async function overview(ctx: RequestContext, query: OverviewQuery): Promise<Overview> {
  const filter = await resolveFilter(ctx.db, ctx.user, {
    committeeId: query.committeeId,
    termPlanId: query.termPlanId,
  });
  const today = shanghaiToday(ctx.clock);
  const plan = await repo.termPlanOf(ctx.db, filter.committeeId, query.termPlanId, today);
  const termFilter = plan ? { ...filter, term: { from: plan.startDate, to: plan.endDate } } : filter;
  const [name, coverage, rounds, figures] = await Promise.all([
    repo.committeeName(ctx.db, filter.committeeId),
    plan ? coverageOfPlan(ctx.db, plan, today) : null,
    repo.currentRounds(ctx.db, filter.committeeId, today),
    figuresOfTerm(ctx, termFilter, today),
  ]);
  return {
    asOf: today,
    committee: { id: filter.committeeId, name },
    termPlan: plan && { id: plan.id, name: plan.name, startDate: plan.startDate, endDate: plan.endDate },
    coverage,
    rounds: rounds.map(presentRound),
    ...figures,
  };
}
