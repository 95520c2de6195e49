// Coverage view and forecast of a term plan. SQL does the counting (coverage.repository.ts); this file only
// shapes the aggregates and applies the forecast arithmetic (defined in packages/contracts/src/term-plan.ts).
import type {
  CoverageBlock,
  CoverageCounts,
  CoverageForecast,
  CoverageSummary,
  CoverageUnit,
  CoverageUnitQuery,
  ForecastBlock,
  UnitKind,
} from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import * as repo from './coverage.repository.ts';
import type { PlanRow } from './term-plan.repository.ts';
import { loadPlan } from './term-plan.service.ts';

type VillageClass = CoverageSummary['villages']['byClass'][number]['villageClass'];
const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
const AT_RISK_SHOWN = 10;
const SLOT_TOLERANCE = 0.01;

type PlanTerm = Pick<PlanRow, 'id' | 'committeeId' | 'startDate' | 'endDate'>;

const termOf = (plan: PlanTerm): repo.Term => ({
  planId: plan.id,
  committeeId: plan.committeeId,
  startDate: plan.startDate,
  endDate: plan.endDate,
});

const pct = (part: number, total: number) => (total === 0 ? 0 : Math.round((part * 1000) / total) / 10);

function counts(rows: repo.CoverageRow[]): CoverageCounts {
  const of = (status: string) => rows.filter((r) => r.status === status).reduce((sum, r) => sum + r.n, 0);
  const [covered, scheduled, never] = [of('covered'), of('scheduled'), of('never')];
  const total = covered + scheduled + never;
  return {
    total,
    covered,
    scheduled,
    never,
    coveredPct: pct(covered, total),
    scheduledPct: pct(scheduled, total),
    neverPct: pct(never, total),
  };
}

function groupBy<K>(rows: repo.CoverageRow[], key: (row: repo.CoverageRow) => K): Map<K, repo.CoverageRow[]> {
  const groups = new Map<K, repo.CoverageRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

function block(rows: repo.CoverageRow[], village: boolean): CoverageBlock {
  const blockName = village ? 'village' : 'unit';
  const kindRows = rows.filter((r) => r.dim === 'kind' && (r.kind === 'village') === village);
  const byKind = [...groupBy(kindRows, (r) => r.kind as UnitKind)].map(([kind, group]) => ({ kind, ...counts(group) }));
  const yearRows = rows.filter((r) => (r.dim === 'year' || r.dim === 'planned') && r.kind === blockName);
  const byYear = [...groupBy(yearRows, (r) => r.year ?? 0)]
    .map(([year, group]) => ({
      year,
      covered: group.find((r) => r.dim === 'year' && r.status === 'covered')?.n ?? 0,
      scheduled: group.find((r) => r.dim === 'year' && r.status === 'scheduled')?.n ?? 0,
      planned: group.find((r) => r.dim === 'planned')?.n ?? 0,
    }))
    .sort((a, b) => a.year - b.year);
  return { ...counts(kindRows), byKind: byKind.sort((a, b) => b.total - a.total), byYear };
}

export async function coverageSummary(ctx: RequestContext, planId: string): Promise<CoverageSummary> {
  const plan = await loadPlan(ctx.db, ctx.user, planId);
  return coverageOfPlan(ctx.db, plan, shanghaiToday(ctx.clock));
}

/** The summary of a plan the caller has already checked (the 巡察工作总览 reads it under analytics.read). */
export async function coverageOfPlan(db: Db, plan: PlanTerm, asOf: string): Promise<CoverageSummary> {
  const rows = await repo.coverageCounts(db, termOf(plan));
  const villageRows = rows.filter((r) => r.dim === 'kind' && r.kind === 'village');
  const byClass = [...groupBy(villageRows, (r) => r.village_class as VillageClass)].map(([villageClass, group]) => ({
    villageClass,
    ...counts(group),
  }));
  return {
    termPlanId: plan.id,
    asOf,
    startDate: plan.startDate,
    endDate: plan.endDate,
    excluded: rows.find((r) => r.dim === 'excluded')?.n ?? 0,
    units: block(rows, false),
    villages: { ...block(rows, true), byClass },
  };
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The round arithmetic of the forecast, pure so the definitions are tested directly. Rounds are slots of
 * 365.25 / roundsPerYear days; a slot that has begun is spent (a small tolerance absorbs leap-day rounding).
 */
export function roundArithmetic(plan: { startDate: string; endDate: string; roundsPerYear: number }, today: string) {
  const termDays = daysBetween(plan.startDate, plan.endDate) + 1;
  const elapsed = Math.min(Math.max(daysBetween(plan.startDate, today), 0), termDays);
  const roundsInTerm = Math.round((plan.roundsPerYear * termDays) / YEAR_DAYS);
  const spent = Math.ceil((plan.roundsPerYear * elapsed) / YEAR_DAYS - SLOT_TOLERANCE);
  return { daysLeft: termDays - elapsed, roundsInTerm, remainingRounds: Math.max(0, roundsInTerm - spent) };
}

/** Shapes one block of the forecast; the capacity itself comes from SQL (coverage.repository.ts capacityCte). */
export function forecastBlock(row: repo.CapacityRow, roundsInTerm: number): Omit<ForecastBlock, 'atRisk'> {
  const fromHistory = row.held > 0;
  const pace = fromHistory ? row.targets / row.held : row.to_cover / Math.max(roundsInTerm, 1);
  return {
    toCover: row.to_cover,
    uncovered: row.uncovered,
    pace: Math.round(pace * 10) / 10,
    paceSource: fromHistory ? 'history' : 'plan',
    capacity: row.capacity,
    shortfall: Math.max(0, row.uncovered - row.capacity),
  };
}

function roundsOf(plan: PlanRow, ctx: RequestContext): repo.Rounds & ReturnType<typeof roundArithmetic> {
  const today = shanghaiToday(ctx.clock);
  return { today, ...roundArithmetic(plan, today) };
}

export async function coverageForecast(ctx: RequestContext, planId: string): Promise<CoverageForecast> {
  const plan = await loadPlan(ctx.db, ctx.user, planId);
  const rounds = roundsOf(plan, ctx);
  const rows = await repo.forecastRows(ctx.db, termOf(plan), rounds, AT_RISK_SHOWN);
  const blockOf = (village: boolean): ForecastBlock => {
    const row = rows.find((r) => r.is_village === village);
    if (!row) throw new Error('forecast query returns both blocks');
    const atRisk = row.at_risk.map((u) => ({ ...u, kind: u.kind as UnitKind }));
    return { ...forecastBlock(row, rounds.roundsInTerm), atRisk };
  };
  return {
    termPlanId: plan.id,
    asOf: rounds.today,
    daysLeft: rounds.daysLeft,
    roundsInTerm: rounds.roundsInTerm,
    roundsHeld: rows[0]?.held ?? 0,
    remainingRounds: rounds.remainingRounds,
    units: blockOf(false),
    villages: blockOf(true),
  };
}

function presentUnit(row: repo.CoverageUnitRow): CoverageUnit {
  return {
    unitId: row.unit_id,
    unitName: row.name,
    parentName: row.parent_name,
    kind: row.kind as UnitKind,
    villageClass: row.village_class as VillageClass,
    included: row.included,
    reason: row.reason,
    plannedYear: row.planned_year,
    status: row.status as CoverageUnit['status'],
    coveredOn: row.covered_on,
    coveredRound: row.covered_round,
    scheduledOn: row.scheduled_on,
    manualLastInspectedOn: row.manual_on,
    lastInspectedOn: row.last_on,
    atRisk: row.at_risk,
  };
}

/** Plan units with status, filtered; `rows` serves the page and the export alike. */
export async function coverageUnitRows(ctx: RequestContext, planId: string, query: CoverageUnitQuery) {
  const plan = await loadPlan(ctx.db, ctx.user, planId);
  const { items, total } = await repo.coverageUnitPage(ctx.db, termOf(plan), roundsOf(plan, ctx), query);
  return { items: items.map(presentUnit), total };
}

export async function coverageUnits(ctx: RequestContext, planId: string, query: CoverageUnitQuery) {
  const { items, total } = await coverageUnitRows(ctx, planId, query);
  return pageResult(items, total, query);
}
