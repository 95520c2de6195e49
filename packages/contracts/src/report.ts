// 巡察报告 and 反馈意见 drafts (DOMAIN.md §4): every save is a new version; the report goes 起草 → 报送 →
// 审定 (or 退回 with comments); the feedback draft is written only after the report is approved and is
// issued by the inspection's feedback step. Table of states: server/src/modules/report/report.status.ts.
import { z } from 'zod';
import { Id, optionalText, text } from './common.ts';
import { InspectionPhase, ReportEvent, ReportStatus } from './statuses.ts';

export const REPORT_KINDS = ['report', 'feedback'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;
export const reportKindLabel: Record<ReportKind, string> = { report: '巡察报告', feedback: '反馈意见' };

/** What a history entry records: the state steps, plus saving a version and issuing the feedback. */
export const ReportHistoryEvent = z.union([ReportEvent, z.enum(['write', 'issue'])]);
export type ReportHistoryEvent = z.infer<typeof ReportHistoryEvent>;
export const reportHistoryEventLabel: Record<ReportHistoryEvent, string> = {
  write: '保存新版本',
  submit: '报送领导小组',
  approve: '审定通过',
  return: '退回修改',
  issue: '下发反馈意见',
};

export const ReportHistoryEntry = z.object({
  event: ReportHistoryEvent,
  fromStatus: ReportStatus.nullable(),
  toStatus: ReportStatus,
  version: z.number().nullable(),
  actorName: z.string(),
  comment: z.string().nullable(),
  decisionId: z.string().nullable(),
  decisionTitle: z.string().nullable(),
  at: z.string(),
});
export type ReportHistoryEntry = z.infer<typeof ReportHistoryEntry>;

export const ReportAbilities = z.object({
  write: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  /** 反馈意见 only: the feedback may be issued now (the report is approved, the inspection is in 报告) */
  issue: z.boolean(),
});

/** A report or feedback draft of one inspection; `status` is null while nothing has been written. */
export const Report = z.object({
  inspectionId: z.string(),
  kind: ReportKind,
  unitName: z.string(),
  inspectionPhase: InspectionPhase,
  status: ReportStatus.nullable(),
  currentVersion: z.number(),
  /** the latest version's text, null before the first one */
  content: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** 反馈意见: the version that was issued, once issued */
  issuedVersion: z.number().nullable(),
  /** Why nothing can be written now (e.g. 巡察报告尚未审定), for the page to explain; null when it can. */
  blockedReason: z.string().nullable(),
  history: z.array(ReportHistoryEntry),
  abilities: ReportAbilities,
});
export type Report = z.infer<typeof Report>;

export const ReportWrite = z.object({
  content: text('报告内容', 100000),
  note: optionalText('版本说明', 200),
});
export type ReportWrite = z.infer<typeof ReportWrite>;

export const ReportApprove = z.object({
  comment: optionalText('审定意见', 2000),
  /** the 领导小组会议 decision that approved it, if recorded */
  decisionId: Id.optional(),
});
export type ReportApprove = z.infer<typeof ReportApprove>;
export const ReportReturn = z.object({ comment: text('退回意见', 2000) });
export type ReportReturn = z.infer<typeof ReportReturn>;

export const ReportVersionSummary = z.object({
  version: z.number(),
  note: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  length: z.number(),
});
export type ReportVersionSummary = z.infer<typeof ReportVersionSummary>;
export const ReportVersionList = z.object({ items: z.array(ReportVersionSummary) });
export const ReportVersion = ReportVersionSummary.extend({ content: z.string() });
export type ReportVersion = z.infer<typeof ReportVersion>;
export const ReportVersionParams = z.object({
  id: Id,
  version: z.coerce.number({ error: '版本号必须是数字' }).int({ error: '版本号必须是整数' }).min(1, {
    error: '版本号从 1 开始',
  }),
});

/** Text assembled from the records, for the team to edit and save as a version. */
export const ReportAssembled = z.object({ content: z.string() });

const versionNumber = (label: string) =>
  z.coerce
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(1, { error: `${label}从 1 开始` });
export const ReportDiffQuery = z.object({ from: versionNumber('比较的原版本'), to: versionNumber('比较的新版本') });

export const DiffLine = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  /** line number in the older / newer version; null where the line is not in it */
  fromLine: z.number().nullable(),
  toLine: z.number().nullable(),
});
export type DiffLine = z.infer<typeof DiffLine>;
export const ReportDiff = z.object({
  from: z.number(),
  to: z.number(),
  added: z.number(),
  removed: z.number(),
  lines: z.array(DiffLine),
});
export type ReportDiff = z.infer<typeof ReportDiff>;
