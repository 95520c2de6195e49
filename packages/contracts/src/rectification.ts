// 整改 case per inspection (DOMAIN.md §6): the case list and overview with its sign-off blockers (见底清零),
// the unit's reports (monthly progress, 整改报告, 履职报告), the office's 整改评估 and 开门整改 publications.
// Deadlines, overdue and missing reports are derived from dates on every read, never stored.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { PlanStatus, RectificationStatus } from './statuses.ts';
import { evaluationResult, publicationChannel, rectificationReportKind } from './taxonomy-rectification.ts';

/** The case's one event: rectifying → signed_off (rectification/rectification.status.ts). */
export const RECTIFICATION_EVENTS = ['sign_off'] as const;
export const RectificationEvent = z.enum(RECTIFICATION_EVENTS);
export type RectificationEvent = z.infer<typeof RectificationEvent>;

export const RectificationListQuery = PageQuery.extend({
  status: RectificationStatus.optional(),
  roundId: Id.optional(),
  unitId: Id.optional(),
  /** cases with at least one overdue task */
  overdue: QueryBool.optional(),
  q: optionalText('关键词', 50),
});
export type RectificationListQuery = z.output<typeof RectificationListQuery>;

export const RectificationAbilities = z.object({
  signOff: z.boolean(),
  submitProgress: z.boolean(),
  submitReport: z.boolean(),
  submitDuty: z.boolean(),
  evaluate: z.boolean(),
  publish: z.boolean(),
});
export type RectificationAbilities = z.infer<typeof RectificationAbilities>;

export const LatestEvaluation = z.object({
  result: evaluationResult.schema,
  evaluatedAt: z.string(),
  remedialDue: z.string().nullable(),
});

export const RectificationCase = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  teamName: z.string().nullable(),
  feedbackDate: z.string(),
  status: RectificationStatus,
  planStatus: PlanStatus,
  /** 整改方案 due: feedback + plan_submit (working days) */
  planDue: z.string(),
  planOverdue: z.boolean(),
  /** 整改报告 due: feedback + rectification_period (the end of 集中整改期) */
  reportDue: z.string(),
  reportSubmitted: z.boolean(),
  reportOverdue: z.boolean(),
  findings: z.number(),
  tasksTotal: z.number(),
  tasksClosed: z.number(),
  tasksOverdue: z.number(),
  tasksReturned: z.number(),
  latestEvaluation: LatestEvaluation.nullable(),
  signedOffAt: z.string().nullable(),
  abilities: RectificationAbilities,
});
export type RectificationCase = z.infer<typeof RectificationCase>;
export const RectificationPage = pageOf(RectificationCase);

export const RECTIFICATION_BLOCKERS = [
  'tasks_open',
  'handovers_open',
  'plan_not_approved',
  'report_missing',
  'duty_missing',
  'evaluation_failed',
] as const;
export const RectificationBlockerCode = z.enum(RECTIFICATION_BLOCKERS);
export type RectificationBlockerCode = z.infer<typeof RectificationBlockerCode>;

/** Something that stops 见底清零, with a few of the records behind it (web paths to open them). */
export const RectificationBlocker = z.object({
  code: RectificationBlockerCode,
  message: z.string(),
  count: z.number(),
  items: z.array(z.object({ title: z.string(), link: z.string().nullable() })),
});
export type RectificationBlocker = z.infer<typeof RectificationBlocker>;

export const RectificationDetail = RectificationCase.extend({
  blockers: z.array(RectificationBlocker),
  signOffComment: z.string().nullable(),
  signedOffByName: z.string().nullable(),
});
export type RectificationDetail = z.infer<typeof RectificationDetail>;

export const SignOffInput = z.object({ comment: text('见底清零意见', 2000) });
export type SignOffInput = z.infer<typeof SignOffInput>;

// ── Reports ────────────────────────────────────────────────────────────────────────────────────
export const ReportPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '报告期格式应为 YYYY-MM' });

/** The text fields of the multipart upload (a file is optional when content is written). */
export const RectificationReportFields = z.object({
  kind: rectificationReportKind.schema,
  period: ReportPeriod.optional(),
  title: text('报告标题', 200),
  content: optionalText('报告正文', 20000),
});
export type RectificationReportFields = z.output<typeof RectificationReportFields>;

export const RectificationReport = z.object({
  id: z.string(),
  kind: rectificationReportKind.schema,
  period: z.string().nullable(),
  title: z.string(),
  content: z.string().nullable(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  supersededAt: z.string().nullable(),
});
export type RectificationReport = z.infer<typeof RectificationReport>;

export const progressPeriodState = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '逾期未报',
  pending: '未到期',
} as const;
export const ProgressPeriodState = z.enum(['on_time', 'late', 'missing', 'pending']);
export type ProgressPeriodState = z.infer<typeof ProgressPeriodState>;

/** A monthly progress report expected during 集中整改期. */
export const ProgressPeriod = z.object({
  period: z.string(),
  dueDate: z.string(),
  state: ProgressPeriodState,
  submittedAt: z.string().nullable(),
});
export type ProgressPeriod = z.infer<typeof ProgressPeriod>;

export const RectificationReportList = z.object({
  items: z.array(RectificationReport),
  expectedProgress: z.array(ProgressPeriod),
});
export type RectificationReportList = z.infer<typeof RectificationReportList>;

export const ReportParams = z.object({ id: Id, rid: Id });

// ── 整改评估 ───────────────────────────────────────────────────────────────────────────────────
export const EvaluationInput = z.object({
  result: evaluationResult.schema,
  comment: text('评估意见', 5000),
  /** 不合格 → 补课 by this date */
  remedialDue: DateString.optional(),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export const RectificationEvaluation = z.object({
  id: z.string(),
  result: evaluationResult.schema,
  comment: z.string(),
  remedialDue: z.string().nullable(),
  evaluatedByName: z.string(),
  evaluatedAt: z.string(),
});
export type RectificationEvaluation = z.infer<typeof RectificationEvaluation>;
export const RectificationEvaluationList = z.object({ items: z.array(RectificationEvaluation) });
export const EvaluationParams = z.object({ id: Id, eid: Id });

// ── 开门整改 ───────────────────────────────────────────────────────────────────────────────────
export const PublicationInput = z.object({
  channel: publicationChannel.schema,
  publishedOn: DateString,
  title: text('公开标题', 200),
  /** written for publication: never copied from confidential fields */
  summary: text('公开内容', 10000),
});
export type PublicationInput = z.infer<typeof PublicationInput>;

export const Publication = z.object({
  id: z.string(),
  channel: publicationChannel.schema,
  publishedOn: z.string(),
  title: z.string(),
  summary: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  canWithdraw: z.boolean(),
});
export type Publication = z.infer<typeof Publication>;
export const PublicationList = z.object({ items: z.array(Publication) });
export const PublicationParams = z.object({ id: Id, pid: Id });

/** What anyone may read without logging in: no ids, no people, nothing but the published text. */
export const PublicPublication = z.object({
  unitName: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedOn: z.string(),
});
export const PublicRoundPublications = z.object({
  committeeName: z.string(),
  roundName: z.string(),
  items: z.array(PublicPublication),
});
export type PublicRoundPublications = z.infer<typeof PublicRoundPublications>;
export const PublicRoundParams = z.object({ roundId: Id });
