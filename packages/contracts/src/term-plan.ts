// 届内全覆盖规划 (DOMAIN.md §3): a committee's term plan, its coverage and the forecast.
//
// Definitions (computed in SQL by server/src/modules/term-plan/coverage.repository.ts):
// - covered: the unit was the target of an inspection of any type except 回头看 that reached 进驻 (phase
//   stationed or later) and started inside the term. Its coverage year is the start year of the first such one.
// - scheduled: not covered, but the target of an inspection still in 准备 (preparing) starting inside the term.
// - never: neither. A manual "last inspected" date (history before the system) never counts as covered.
// - 村(居) (kind village) are reported in their own block with their own totals.
// Forecast:
// - rounds in term = round(rounds per year × term days ÷ 365.25); the term is cut into that many slots and a
//   slot that has begun by today is spent: remaining rounds = rounds in term − ⌈rounds per year × days elapsed
//   ÷ 365.25⌉. Rounds already created with a future start are part of the remaining ones, so their targets
//   (scheduled) draw on that capacity.
// - pace = inspections of plan units (not 回头看) per round started in the term so far, separately for units
//   and villages; with no round held yet, the plan's own pace: units to cover ÷ rounds in the whole term.
// - capacity = ⌊remaining rounds × pace⌋; uncovered = scheduled + never. Uncovered units are ordered by who is
//   covered first (scheduled first, then longest since last inspected, never inspected first); those beyond
//   the capacity are "at risk".
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { unitKind, villageClass } from './taxonomy.ts';

export const COVERAGE_STATUSES = ['covered', 'scheduled', 'never'] as const;
export const CoverageStatus = z.enum(COVERAGE_STATUSES, { error: '覆盖状态不正确' });
export type CoverageStatus = z.infer<typeof CoverageStatus>;
export const coverageStatusLabel: Record<CoverageStatus, string> = {
  covered: '已覆盖',
  scheduled: '已安排',
  never: '未覆盖',
};

const roundsPerYear = z
  .number({ error: '每年轮次必须是数字' })
  .int({ error: '每年轮次必须是整数' })
  .min(1, { error: '每年至少 1 轮' })
  .max(12, { error: '每年最多 12 轮' });

export const TermPlan = z.object({
  id: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  roundsPerYear: z.number(),
  notes: z.string().nullable(),
  unitCount: z.number(),
  excludedCount: z.number(),
  abilities: z.object({ update: z.boolean() }),
});
export type TermPlan = z.infer<typeof TermPlan>;
export const TermPlanPage = pageOf(TermPlan);

export const TermPlanListQuery = PageQuery.extend({ committeeId: Id.optional() });

const termDates = <T extends { startDate?: string; endDate?: string }>(r: T) =>
  !r.startDate || !r.endDate || r.startDate < r.endDate;
const termDatesError = { error: '结束日期应晚于开始日期', path: ['endDate'] };

export const TermPlanCreate = z
  .object({
    committeeId: Id,
    name: text('规划名称', 100),
    startDate: DateString,
    endDate: DateString,
    roundsPerYear: roundsPerYear.default(2),
    notes: optionalText('备注', 2000),
  })
  .refine(termDates, termDatesError);
export type TermPlanCreate = z.infer<typeof TermPlanCreate>;

export const TermPlanUpdate = z
  .object({
    name: text('规划名称', 100).optional(),
    startDate: DateString.optional(),
    endDate: DateString.optional(),
    roundsPerYear: roundsPerYear.optional(),
    notes: optionalText('备注', 2000),
  })
  .refine(termDates, termDatesError);
export type TermPlanUpdate = z.infer<typeof TermPlanUpdate>;

/** Bulk change of the plan's unit list: include (adds units not yet listed), exclude (reason required), or set the planned year. */
export const TermPlanUnitsChange = z
  .object({
    action: z.enum(['include', 'exclude', 'plan'], { error: '操作不正确' }),
    unitIds: z.array(Id).min(1, { error: '请选择单位' }).max(500, { error: '一次最多 500 个单位' }),
    reason: optionalText('理由', 500),
    plannedYear: z.number({ error: '计划年度必须是数字' }).int().min(1900).max(2100).nullable().optional(),
  })
  .refine((c) => c.action !== 'exclude' || Boolean(c.reason), { error: '请填写不纳入规划的理由', path: ['reason'] })
  .refine((c) => c.action !== 'plan' || c.plannedYear !== undefined, {
    error: '请填写计划年度',
    path: ['plannedYear'],
  });
export type TermPlanUnitsChange = z.infer<typeof TermPlanUnitsChange>;
export const TermPlanUnitsResult = z.object({ changed: z.number() });

export const CoverageCounts = z.object({
  total: z.number(),
  covered: z.number(),
  scheduled: z.number(),
  never: z.number(),
  /** percentages of total, one decimal */
  coveredPct: z.number(),
  scheduledPct: z.number(),
  neverPct: z.number(),
});
export type CoverageCounts = z.infer<typeof CoverageCounts>;

export const CoverageYear = z.object({
  year: z.number(),
  covered: z.number(),
  scheduled: z.number(),
  planned: z.number(),
});
export type CoverageYear = z.infer<typeof CoverageYear>;

export const CoverageBlock = CoverageCounts.extend({
  byKind: z.array(CoverageCounts.extend({ kind: unitKind.schema })),
  byYear: z.array(CoverageYear),
});
export type CoverageBlock = z.infer<typeof CoverageBlock>;

export const CoverageSummary = z.object({
  termPlanId: z.string(),
  asOf: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  excluded: z.number(),
  /** every kind except 村(居) */
  units: CoverageBlock,
  /** 村(居), byKind holds the single kind 'village'; byClass splits it by 重点/关注/一般 */
  villages: CoverageBlock.extend({
    byClass: z.array(CoverageCounts.extend({ villageClass: villageClass.schema.nullable() })),
  }),
});
export type CoverageSummary = z.infer<typeof CoverageSummary>;

export const CoverageUnit = z.object({
  unitId: z.string(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  kind: unitKind.schema,
  villageClass: villageClass.schema.nullable(),
  included: z.boolean(),
  reason: z.string().nullable(),
  plannedYear: z.number().nullable(),
  status: CoverageStatus,
  /** start of the first covering inspection in the term */
  coveredOn: z.string().nullable(),
  coveredRound: z.string().nullable(),
  /** start of the earliest preparing inspection in the term */
  scheduledOn: z.string().nullable(),
  /** the manual value (history before the system), shown but not counted */
  manualLastInspectedOn: z.string().nullable(),
  /** greatest of the manual value and the latest inspection that reached 进驻 */
  lastInspectedOn: z.string().nullable(),
  atRisk: z.boolean(),
});
export type CoverageUnit = z.infer<typeof CoverageUnit>;
export const CoverageUnitPage = pageOf(CoverageUnit);

export const CoverageUnitQuery = PageQuery.extend({
  status: CoverageStatus.optional(),
  kind: unitKind.schema.optional(),
  villageClass: villageClass.schema.optional(),
  included: QueryBool.optional(),
  atRisk: QueryBool.optional(),
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
});
export type CoverageUnitQuery = z.output<typeof CoverageUnitQuery>;

export const ForecastBlock = z.object({
  toCover: z.number(),
  uncovered: z.number(),
  /** targets per round at the current pace, one decimal */
  pace: z.number(),
  paceSource: z.enum(['history', 'plan']),
  capacity: z.number(),
  shortfall: z.number(),
  /** the first at-risk units (the full list: coverage units with atRisk=true) */
  atRisk: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      kind: unitKind.schema,
      lastInspectedOn: z.string().nullable(),
    }),
  ),
});
export type ForecastBlock = z.infer<typeof ForecastBlock>;

export const CoverageForecast = z.object({
  termPlanId: z.string(),
  asOf: z.string(),
  daysLeft: z.number(),
  roundsInTerm: z.number(),
  roundsHeld: z.number(),
  remainingRounds: z.number(),
  units: ForecastBlock,
  villages: ForecastBlock,
});
export type CoverageForecast = z.infer<typeof CoverageForecast>;
