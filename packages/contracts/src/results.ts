// 成果运用台账 (DOMAIN.md §7): one row per finding tracing 报告 → 反馈 → 移交 → 整改, so that every result of
// an inspection "有据可查". 督办 joins the chain with issue 6. Every stage is derived from the records
// themselves (report, inspection feedback, handover, tasks), never stored on the finding.
import { z } from 'zod';
import { Id, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { HandoverStatus, ReportStatus } from './statuses.ts';
import { area, aspect, discipline, labelled, majorProblem } from './taxonomy.ts';
import { disposition, handoverKind } from './taxonomy-fieldwork.ts';

/** Where a finding's handover stands; `none` = not handed over (or only declined ones). */
export const handoverStage = labelled(['none', 'open', 'overdue', 'concluded'], {
  none: '未移交',
  open: '办理中',
  overdue: '逾期未反馈',
  concluded: '已反馈结果',
});
export type HandoverStage = (typeof handoverStage.codes)[number];

/** Rectification of a finding, from its tasks: none yet, some open, all closed, or any past due. */
export const rectificationState = labelled(['none', 'in_progress', 'done', 'overdue'], {
  none: '未分解',
  in_progress: '整改中',
  done: '已完成',
  overdue: '已逾期',
});
export type RectificationState = (typeof rectificationState.codes)[number];

export const ResultsLedgerFilter = z.object({
  roundId: Id.optional(),
  inspectionId: Id.optional(),
  unitId: Id.optional(),
  aspect: aspect.schema.optional(),
  discipline: discipline.schema.optional(),
  /** `none`: no 巡察报告 drafted yet */
  reportStatus: z.enum([...ReportStatus.options, 'none'], { error: '报告状态不正确' }).optional(),
  fedBack: QueryBool.optional(),
  handoverStatus: handoverStage.schema.optional(),
  rectification: rectificationState.schema.optional(),
  q: text('关键词', 100).optional(),
});
export type ResultsLedgerFilter = z.infer<typeof ResultsLedgerFilter>;
export const ResultsLedgerQuery = PageQuery.extend(ResultsLedgerFilter.shape);
export type ResultsLedgerQuery = z.infer<typeof ResultsLedgerQuery>;

export const ResultsLedgerHandover = z.object({
  id: z.string(),
  kind: handoverKind.schema,
  recipientName: z.string(),
  status: HandoverStatus,
  sentOn: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  concludedOn: z.string().nullable(),
  disposition: disposition.schema.nullable(),
});

export const ResultsLedgerRow = z.object({
  findingId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  inspectionId: z.string(),
  teamName: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  seq: z.number(),
  title: z.string(),
  aspect: aspect.schema,
  discipline: discipline.schema.nullable(),
  majorProblem: majorProblem.schema.nullable(),
  areas: z.array(area.schema),
  isCommon: z.boolean(),
  eightRules: z.boolean(),
  immediate: z.boolean(),
  /** the 巡察报告 of the inspection; null when none has been drafted */
  reportStatus: ReportStatus.nullable(),
  reportApprovedOn: z.string().nullable(),
  fedBack: z.boolean(),
  feedbackDate: z.string().nullable(),
  handoverStage: handoverStage.schema,
  handover: ResultsLedgerHandover.nullable(),
  taskCount: z.number(),
  closedTaskCount: z.number(),
  overdueTaskCount: z.number(),
  immediateTaskCount: z.number(),
  /** 督办单 issued on the finding's tasks, and how many are not yet 办结 */
  supervisionCount: z.number(),
  openSupervisionCount: z.number(),
  rectification: rectificationState.schema,
});
export type ResultsLedgerRow = z.infer<typeof ResultsLedgerRow>;
export const ResultsLedgerPage = pageOf(ResultsLedgerRow);

/** Findings reaching each stage of the chain (a funnel), under the same filters as the list. */
export const ResultsLedgerSummary = z.object({
  findings: z.number(),
  inApprovedReport: z.number(),
  fedBack: z.number(),
  handedOver: z.number(),
  handoverConcluded: z.number(),
  rectified: z.number(),
});
export type ResultsLedgerSummary = z.infer<typeof ResultsLedgerSummary>;
export const resultsStageLabel: Record<keyof ResultsLedgerSummary, string> = {
  findings: '发现问题',
  inApprovedReport: '写入审定报告',
  fedBack: '已反馈',
  handedOver: '已移交',
  handoverConcluded: '移交已反馈结果',
  rectified: '整改完成',
};
