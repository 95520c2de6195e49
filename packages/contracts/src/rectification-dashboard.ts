// 整改进度 (DOMAIN.md §8, issue 6 deliverable 11): the office's progress dashboard over the tasks it may read,
// the unit liaison's 本单位整改 view, and the rates both use. Every figure is derived from task dates and
// counters at request time (overdue = not closed and past due, Asia/Shanghai today), never stored.
import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf } from './common.ts';
import { TaskStatus } from './statuses.ts';
import { unitKind } from './taxonomy.ts';
import { findingCompletion } from './taxonomy-rectification.ts';

export const ProgressFilter = z.object({
  committeeId: Id.optional(),
  roundId: Id.optional(),
  unitKind: z.enum(unitKind.codes, { error: '单位类别不正确' }).optional(),
});
export type ProgressFilter = z.infer<typeof ProgressFilter>;

/** Per-unit order: most overdue first by default; "rate" is the rectification rate (closed / tasks). */
export const PROGRESS_SORTS = ['-overdue', 'overdue', '-rate', 'rate', '-tasks', 'unitName'] as const;
export const ProgressSort = z.enum(PROGRESS_SORTS, { error: '排序方式不正确' });
export const progressSortLabel: Record<(typeof PROGRESS_SORTS)[number], string> = {
  '-overdue': '逾期任务从多到少',
  overdue: '逾期任务从少到多',
  '-rate': '整改完成率从高到低',
  rate: '整改完成率从低到高',
  '-tasks': '任务从多到少',
  unitName: '单位名称',
};
export const ProgressQuery = PageQuery.extend(ProgressFilter.shape).extend({ sort: ProgressSort.default('-overdue') });
export type ProgressQuery = z.infer<typeof ProgressQuery>;

/** Counts over a set of tasks (the whole scope, or one unit). Rates are 0–1, null when there is nothing to divide by. */
export const ProgressCounts = z.object({
  findings: z.number(),
  tasks: z.number(),
  closed: z.number(),
  /** 阶段性完成: long-term tasks verified for now, with a next checkpoint */
  partlyClosed: z.number(),
  closedOnTime: z.number(),
  overdue: z.number(),
  /** tasks returned at least once (returned_count > 0) */
  returned: z.number(),
  /** tasks reopened by a 回访 that found 反弹 (reopened_count > 0) */
  reopened: z.number(),
  /** closed, 阶段性完成, or reopened since: the base of the 反弹 rate */
  everClosed: z.number(),
  /** 整改完成率 = closed / tasks */
  rectificationRate: z.number().nullable(),
  /** 按期完成率 = closed on or before the due date / closed */
  onTimeRate: z.number().nullable(),
  /** 退回率 = returned / tasks */
  returnedRate: z.number().nullable(),
  /** 反弹率 = reopened / everClosed */
  reboundRate: z.number().nullable(),
});
export type ProgressCounts = z.infer<typeof ProgressCounts>;

/** Days past due of an overdue task: 1–7, 8–30, 31–90, more than 90. */
export const AGEING_BUCKETS = ['d1_7', 'd8_30', 'd31_90', 'd90_plus'] as const;
export const AgeingBucket = z.enum(AGEING_BUCKETS, { error: '逾期时长分段不正确' });
export type AgeingBucket = z.infer<typeof AgeingBucket>;
export const ageingBucketLabel: Record<AgeingBucket, string> = {
  d1_7: '逾期 1–7 天',
  d8_30: '逾期 8–30 天',
  d31_90: '逾期 31–90 天',
  d90_plus: '逾期 90 天以上',
};
/** Inclusive day ranges (max null = open-ended); the server and the drill-down use the same table. */
export const ageingBucketDays: Record<AgeingBucket, { min: number; max: number | null }> = {
  d1_7: { min: 1, max: 7 },
  d8_30: { min: 8, max: 30 },
  d31_90: { min: 31, max: 90 },
  d90_plus: { min: 91, max: null },
};

export const ProgressUnitRow = ProgressCounts.extend({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  /** the oldest overdue task's days past due; 0 when nothing is overdue */
  maxOverdueDays: z.number(),
});
export type ProgressUnitRow = z.infer<typeof ProgressUnitRow>;

export const ProgressDashboard = z.object({
  asOf: DateString,
  totals: ProgressCounts,
  ageing: z.array(z.object({ bucket: AgeingBucket, count: z.number() })),
  units: pageOf(ProgressUnitRow),
});
export type ProgressDashboard = z.infer<typeof ProgressDashboard>;

/** Drill-down behind a chart: the tasks of one figure (ledger filters cannot express ageing or "ever returned"). */
export const PROGRESS_TASK_KINDS = ['overdue', 'returned', 'reopened', 'closed_late', 'open'] as const;
export const ProgressTaskKind = z.enum(PROGRESS_TASK_KINDS, { error: '明细类别不正确' });
export type ProgressTaskKind = z.infer<typeof ProgressTaskKind>;
export const progressTaskKindLabel: Record<ProgressTaskKind, string> = {
  overdue: '逾期任务',
  returned: '曾被退回的任务',
  reopened: '反弹重新整改的任务',
  closed_late: '逾期销号的任务',
  open: '未销号任务',
};
export const ProgressTaskQuery = PageQuery.extend(ProgressFilter.shape).extend({
  kind: ProgressTaskKind.default('overdue'),
  ageing: AgeingBucket.optional(),
  unitId: Id.optional(),
});
export type ProgressTaskQuery = z.infer<typeof ProgressTaskQuery>;

export const ProgressTask = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  findingTitle: z.string(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: TaskStatus,
  overdueDays: z.number(),
  returnedCount: z.number(),
  reopenedCount: z.number(),
});
export type ProgressTask = z.infer<typeof ProgressTask>;
export const ProgressTaskPage = pageOf(ProgressTask);

// ── 本单位整改 (the unit liaison's view) ─────────────────────────────────────────────────────
export const MyUnitTask = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: TaskStatus,
  overdue: z.boolean(),
  /** not closed and due within the first reminder threshold (7 days) */
  dueSoon: z.boolean(),
  nextCheckpoint: z.string().nullable(),
});
export type MyUnitTask = z.infer<typeof MyUnitTask>;

export const MyUnitFinding = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  completion: z.enum(findingCompletion.codes),
  keyFocus: z.boolean(),
  tasks: z.array(MyUnitTask),
  closed: z.number(),
  total: z.number(),
});
export type MyUnitFinding = z.infer<typeof MyUnitFinding>;

export const MyUnitCase = z.object({
  rectificationId: z.string(),
  inspectionId: z.string(),
  roundName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  feedbackDate: z.string(),
  status: z.enum(['rectifying', 'signed_off']),
  counts: ProgressCounts,
  findings: z.array(MyUnitFinding),
});
export type MyUnitCase = z.infer<typeof MyUnitCase>;

export const MyUnitView = z.object({ asOf: DateString, dueSoonDays: z.number(), cases: z.array(MyUnitCase) });
export type MyUnitView = z.infer<typeof MyUnitView>;
