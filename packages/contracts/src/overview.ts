// 巡察工作总览 (issue 9 deliverable 6): one printable page, a committee's situation at a glance for the 书记 and
// the 领导小组. Every figure is computed in SQL at request time by the statement of the page the block links to
// (届内规划, 统计分析), over "this term": the inspections whose 进驻 falls within the term plan's period.
import { z } from 'zod';
import { Id } from './common.ts';
import { InspectionPhase } from './statuses.ts';
import { aspect, inspectionType, unitKind } from './taxonomy.ts';
import { CoverageSummary } from './term-plan.ts';

export const OverviewQuery = z.object({
  /** default: the first committee the user reads analytics in */
  committeeId: Id.optional(),
  /** 届: default the committee's term plan running today, else its latest */
  termPlanId: Id.optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

/** Inspections of a current round shown on the page; the rest are counted in byPhase only. */
export const OVERVIEW_INSPECTIONS_SHOWN = 12;
/** Units listed under 逾期任务较多的单位. */
export const OVERVIEW_TOP_UNITS = 5;

export const OverviewRound = z.object({
  roundId: z.string(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  inspectionCount: z.number(),
  byPhase: z.array(z.object({ phase: InspectionPhase, count: z.number() })),
  /** the first OVERVIEW_INSPECTIONS_SHOWN by start date and unit name */
  inspections: z.array(
    z.object({
      inspectionId: z.string(),
      unitName: z.string(),
      type: inspectionType.schema,
      phase: InspectionPhase,
      teamName: z.string().nullable(),
    }),
  ),
});
export type OverviewRound = z.infer<typeof OverviewRound>;

export const OverviewFindings = z.object({
  /** findings of the term's inspections as 统计分析 counts them: fed back or 立行立改 (drafts are not counted) */
  total: z.number(),
  /** flagged 共性问题 */
  common: z.number(),
  /** 八项规定/"四风" */
  eightRules: z.number(),
  /** every 四个方面, most first */
  byAspect: z.array(z.object({ aspect: aspect.schema, count: z.number() })),
});

/** Tasks of the term's inspections, as on 统计分析 · 整改成效 (overdue = not closed and past due today). */
export const OverviewRectification = z.object({
  tasks: z.number(),
  closed: z.number(),
  overdue: z.number(),
  /** 0–1, null when there is nothing to divide by (as on 整改进度) */
  rectificationRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  byKind: z.array(z.object({ kind: unitKind.schema, tasks: z.number(), closed: z.number(), overdue: z.number() })),
  /** the units with most overdue tasks, at most OVERVIEW_TOP_UNITS, only units with overdue tasks */
  overdueUnits: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      unitKind: z.string(),
      tasks: z.number(),
      overdue: z.number(),
      maxOverdueDays: z.number(),
    }),
  ),
});

export const OverviewHandovers = z.object({
  /** handovers sent from the term's inspections (declined ones excluded: they went back to the team) */
  sent: z.number(),
  /** with a result reported (办结日期 set) */
  withResult: z.number(),
  /** no result yet and past the due date */
  overdue: z.number(),
});

export const OverviewResults = z.object({
  /** 问责: decided cases, and proposals still awaiting a decision */
  accountabilityDecided: z.number(),
  accountabilityProposed: z.number(),
  /** 挽回/追缴资金 (yuan) on verified tasks (closed or 阶段性完成) */
  moneyRecovered: z.number(),
  /** 制度文件 on verified tasks */
  institutions: z.number(),
});

export const Overview = z.object({
  asOf: z.string(),
  committee: z.object({ id: z.string(), name: z.string() }),
  termPlan: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }).nullable(),
  /** the term plan's 届内全覆盖 summary (as on 届内规划); null without a term plan */
  coverage: CoverageSummary.nullable(),
  rounds: z.array(OverviewRound),
  findings: OverviewFindings,
  rectification: OverviewRectification,
  handovers: OverviewHandovers,
  results: OverviewResults,
});
export type Overview = z.infer<typeof Overview>;
