// 统计分析 (issue 9, DOMAIN.md §8): 整改成效, 移交办理 timeliness and 工作量 of a committee under the shared
// AnalyticsFilter. Every figure has a drill-down listing exactly the rows it counts, and an .xlsx export of them.
import { z } from 'zod';
import { AnalyticsFilter } from './analytics.ts';
import { DateString, Id, PageQuery, pageOf } from './common.ts';
import { AgeingBucket, ProgressCounts, ProgressSort, ProgressUnitRow } from './rectification-dashboard.ts';
import { HandoverStatus } from './statuses.ts';
import { unitKind } from './taxonomy.ts';
import { handoverKind, handoverRecipient } from './taxonomy-fieldwork.ts';

// ── 整改成效 ──────────────────────────────────────────────────────────────────────────────
export const RectificationRatesQuery = PageQuery.extend(AnalyticsFilter.shape).extend({
  sort: ProgressSort.default('-overdue'),
});
export type RectificationRatesQuery = z.infer<typeof RectificationRatesQuery>;

export const RectificationRates = z.object({
  asOf: DateString,
  totals: ProgressCounts,
  ageing: z.array(z.object({ bucket: AgeingBucket, count: z.number() })),
  /** the same counters per unit kind (乡镇, 部门, 学校 …), largest first */
  byKind: z.array(ProgressCounts.extend({ unitKind: z.string() })),
  units: pageOf(ProgressUnitRow),
});
export type RectificationRates = z.infer<typeof RectificationRates>;

/** The tasks behind a figure: each rate's numerator or denominator, an ageing bucket, or one unit's. */
export const RECTIFICATION_TASK_KINDS = [
  'all',
  'closed',
  'closed_on_time',
  'closed_late',
  'open',
  'overdue',
  'returned',
  'reopened',
  'ever_closed',
] as const;
export const RectificationTaskKind = z.enum(RECTIFICATION_TASK_KINDS, { error: '明细类别不正确' });
export type RectificationTaskKind = z.infer<typeof RectificationTaskKind>;
export const rectificationTaskKindLabel: Record<RectificationTaskKind, string> = {
  all: '全部整改任务',
  closed: '已销号任务',
  closed_on_time: '按期销号任务',
  closed_late: '逾期销号任务',
  open: '未销号任务',
  overdue: '逾期未销号任务',
  returned: '曾被退回的任务',
  reopened: '反弹重新整改的任务',
  ever_closed: '曾销号（含阶段性完成）的任务',
};
export const RectificationTaskQuery = PageQuery.extend(AnalyticsFilter.shape).extend({
  kind: RectificationTaskKind.default('all'),
  ageing: AgeingBucket.optional(),
  unitId: Id.optional(),
});
export type RectificationTaskQuery = z.infer<typeof RectificationTaskQuery>;

// ── 移交办理 ──────────────────────────────────────────────────────────────────────────────
/** Counts over the handovers sent (declined ones excluded: they are sent again as new handovers). */
export const HandoverCounts = z.object({
  sent: z.number(),
  /** a result (concluded_on) on or before the due date */
  onTime: z.number(),
  /** a result after the due date */
  late: z.number(),
  /** no result yet, due date passed (Asia/Shanghai today) */
  overdue: z.number(),
  /** no result yet, not yet due */
  pending: z.number(),
  /** mean calendar days from 移交 to result, over those with a result; null when none */
  avgDays: z.number().nullable(),
  /** 件件有着落 = with a result / sent */
  resultRate: z.number().nullable(),
  /** 按期办结率 = on time / with a result */
  onTimeRate: z.number().nullable(),
});
export type HandoverCounts = z.infer<typeof HandoverCounts>;

export const HandoverTimeliness = z.object({
  asOf: DateString,
  totals: HandoverCounts,
  rows: z.array(
    HandoverCounts.extend({ recipient: z.enum(handoverRecipient.codes), kind: z.enum(handoverKind.codes) }),
  ),
});
export type HandoverTimeliness = z.infer<typeof HandoverTimeliness>;

export const HANDOVER_OUTCOMES = ['sent', 'on_time', 'late', 'overdue', 'pending', 'with_result'] as const;
export const HandoverOutcome = z.enum(HANDOVER_OUTCOMES, { error: '办理情况不正确' });
export const handoverOutcomeLabel: Record<(typeof HANDOVER_OUTCOMES)[number], string> = {
  sent: '已移交',
  on_time: '按期办结',
  late: '超期办结',
  overdue: '超期未办结',
  pending: '办理中（未到期）',
  with_result: '有办理结果',
};
export const HandoverRowQuery = PageQuery.extend(AnalyticsFilter.shape).extend({
  outcome: HandoverOutcome.default('sent'),
  recipient: z.enum(handoverRecipient.codes, { error: '接收单位类别不正确' }).optional(),
  kind: z.enum(handoverKind.codes, { error: '移交类别不正确' }).optional(),
});
export type HandoverRowQuery = z.infer<typeof HandoverRowQuery>;

/** Handover metadata only: never the clue's content, the allegation, the result narrative or the persons. */
export const HandoverRow = z.object({
  id: z.string(),
  code: z.string(),
  unitName: z.string(),
  kind: z.enum(handoverKind.codes),
  recipient: z.enum(handoverRecipient.codes),
  recipientName: z.string(),
  sentOn: z.string(),
  dueDate: z.string(),
  concludedOn: z.string().nullable(),
  status: HandoverStatus,
  overdueDays: z.number(),
});
export type HandoverRow = z.infer<typeof HandoverRow>;
export const HandoverRowPage = pageOf(HandoverRow);

// ── 工作量 ───────────────────────────────────────────────────────────────────────────────
export const WorkloadQuery = PageQuery.extend(AnalyticsFilter.shape);
export type WorkloadQuery = z.infer<typeof WorkloadQuery>;

/** One 巡察组 over the inspections the filter selects. */
export const TeamWorkload = z.object({
  teamId: z.string(),
  teamName: z.string(),
  roundName: z.string(),
  inspections: z.number(),
  units: z.number(),
  /** 在驻天数: first 进驻 to last 撤离 of its inspections, inclusive (一托N: the units share the days) */
  days: z.number(),
  findings: z.number(),
  /** how many clues, never what they say */
  clues: z.number(),
  fieldworkRecords: z.number(),
});
export type TeamWorkload = z.infer<typeof TeamWorkload>;

export const CadreWorkload = z.object({
  cadreId: z.string(),
  cadreName: z.string(),
  homeUnitName: z.string(),
  /** teams led as 组长 / 副组长 */
  asLeader: z.number(),
  /** teams joined as 组员 / 联络员 */
  asMember: z.number(),
  rounds: z.number(),
  inspections: z.number(),
  /** the 在驻天数 of the cadre's teams, summed */
  days: z.number(),
});
export type CadreWorkload = z.infer<typeof CadreWorkload>;

export const Workload = z.object({
  totals: z.object({
    teams: z.number(),
    cadres: z.number(),
    inspections: z.number(),
    units: z.number(),
    findings: z.number(),
    clues: z.number(),
    fieldworkRecords: z.number(),
  }),
  teams: pageOf(TeamWorkload),
});
export type Workload = z.infer<typeof Workload>;
export const CadreWorkloadPage = pageOf(CadreWorkload);

export const WorkloadInspectionQuery = PageQuery.extend(AnalyticsFilter.shape).extend({
  teamId: Id.optional(),
  cadreId: Id.optional(),
});
export type WorkloadInspectionQuery = z.infer<typeof WorkloadInspectionQuery>;

export const WorkloadInspection = z.object({
  inspectionId: z.string(),
  teamName: z.string(),
  roundName: z.string(),
  unitName: z.string(),
  unitKind: z.enum(unitKind.codes),
  startDate: z.string(),
  endDate: z.string(),
  days: z.number(),
  /** the cadre's post in the team, when drilled from a cadre */
  post: z.string().nullable(),
  findings: z.number(),
  clues: z.number(),
  fieldworkRecords: z.number(),
});
export type WorkloadInspection = z.infer<typeof WorkloadInspection>;
export const WorkloadInspectionPage = pageOf(WorkloadInspection);
