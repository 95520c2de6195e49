// 整改方案 (DOMAIN.md §6): the unit drafts versions (text + a snapshot of the three lists), its head
// submits, 巡察办 reviews for completeness, pertinence and feasibility and approves or returns it
// (退回重来). States and events: statuses.ts (PlanStatus, PlanEvent); table: rectification-plan/plan.status.ts.
import { z } from 'zod';
import { Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { DiffLine } from './report.ts';
import { PlanEvent, PlanStatus } from './statuses.ts';

/** One task of the three lists as it stood when a version was saved. */
export const PlanSnapshotTask = z.object({
  taskId: z.string(),
  title: z.string(),
  measures: z.string(),
  responsibleLeader: z.string(),
  responsibleDepartment: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
});
export type PlanSnapshotTask = z.infer<typeof PlanSnapshotTask>;
export const PlanSnapshotFinding = z.object({
  findingId: z.string(),
  seq: z.number(),
  findingTitle: z.string(),
  tasks: z.array(PlanSnapshotTask),
});
export type PlanSnapshotFinding = z.infer<typeof PlanSnapshotFinding>;

/** 审核标准: 完整性 (every finding addressed), 针对性, 可操作性. */
export const PLAN_CRITERIA = ['completeness', 'pertinence', 'feasibility'] as const;
export type PlanCriterion = (typeof PLAN_CRITERIA)[number];
export const planCriterionLabel: Record<PlanCriterion, string> = {
  completeness: '完整性',
  pertinence: '针对性',
  feasibility: '可操作性',
};
const criterion = (label: string) =>
  z.object({
    ok: z.boolean({ error: `请选择${label}是否符合要求` }),
    comment: optionalText(`${label}意见`, 1000),
  });
export const PlanReview = z.object({
  completeness: criterion('完整性'),
  pertinence: criterion('针对性'),
  feasibility: criterion('可操作性'),
});
export type PlanReview = z.infer<typeof PlanReview>;

export const PlanWrite = z.object({
  content: text('方案内容', 100000),
  note: optionalText('版本说明', 200),
});
export type PlanWrite = z.infer<typeof PlanWrite>;
export const PlanApprove = z.object({ review: PlanReview, comment: optionalText('审核意见', 2000) });
export type PlanApprove = z.infer<typeof PlanApprove>;
export const PlanReturn = z.object({ review: PlanReview, reasons: text('退回理由', 2000) });
export type PlanReturn = z.infer<typeof PlanReturn>;

export const PlanHistoryEvent = z.union([PlanEvent, z.literal('write')]);
export type PlanHistoryEvent = z.infer<typeof PlanHistoryEvent>;
export const planHistoryEventLabel: Record<PlanHistoryEvent, string> = {
  write: '保存新版本',
  submit: '主要负责人报送',
  approve: '审核通过',
  return: '退回重来',
};
export const PlanHistoryEntry = z.object({
  id: z.string(),
  event: PlanHistoryEvent,
  fromStatus: PlanStatus.nullable(),
  toStatus: PlanStatus,
  version: z.number().nullable(),
  actorName: z.string(),
  review: PlanReview.nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type PlanHistoryEntry = z.infer<typeof PlanHistoryEntry>;

export const PlanAbilities = z.object({
  write: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
});
export type PlanAbilities = z.infer<typeof PlanAbilities>;

/** A finding of the feedback with no task yet: what keeps the plan from being submitted. */
export const UnaddressedFinding = z.object({ findingId: z.string(), seq: z.number(), title: z.string() });

export const RectificationPlan = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  feedbackDate: z.string(),
  status: PlanStatus,
  currentVersion: z.number(),
  submittedVersion: z.number().nullable(),
  returnedCount: z.number(),
  /** 报送时限: feedback date + the committee's plan_submit limit (15 working days by default) */
  dueDate: z.string(),
  /** derived: not yet submitted (起草中 / 退回重来) and the due date has passed */
  overdue: z.boolean(),
  /** derived: not yet submitted and due within 7 days */
  dueSoon: z.boolean(),
  content: z.string().nullable(),
  unaddressedFindings: z.array(UnaddressedFinding),
  history: z.array(PlanHistoryEntry),
  abilities: PlanAbilities,
});
export type RectificationPlan = z.infer<typeof RectificationPlan>;

export const PlanVersionSummary = z.object({
  version: z.number(),
  note: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  length: z.number(),
  taskCount: z.number(),
});
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;
export const PlanVersionList = z.object({ items: z.array(PlanVersionSummary) });
export const PlanVersion = PlanVersionSummary.extend({ content: z.string(), lists: z.array(PlanSnapshotFinding) });
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PLAN_TASK_FIELDS = [
  'title',
  'measures',
  'responsibleLeader',
  'responsibleDepartment',
  'ownerName',
  'dueDate',
] as const;
export type PlanTaskField = (typeof PLAN_TASK_FIELDS)[number];
export const planTaskFieldLabel: Record<PlanTaskField, string> = {
  title: '任务',
  measures: '整改措施',
  responsibleLeader: '责任领导',
  responsibleDepartment: '责任部门',
  ownerName: '责任人',
  dueDate: '完成时限',
};
const ListTaskRef = z.object({ findingTitle: z.string(), task: PlanSnapshotTask });
export const PlanListsDiff = z.object({
  added: z.array(ListTaskRef),
  removed: z.array(ListTaskRef),
  changed: z.array(
    ListTaskRef.extend({
      changes: z.array(z.object({ field: z.enum(PLAN_TASK_FIELDS), before: z.string(), after: z.string() })),
    }),
  ),
});
export type PlanListsDiff = z.infer<typeof PlanListsDiff>;
export const PlanDiff = z.object({
  from: z.number(),
  to: z.number(),
  added: z.number(),
  removed: z.number(),
  lines: z.array(DiffLine),
  lists: PlanListsDiff,
});
export type PlanDiff = z.infer<typeof PlanDiff>;

export const PlanListQuery = PageQuery.extend({
  status: PlanStatus.optional(),
  overdue: QueryBool.optional(),
  unitId: Id.optional(),
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
});
export type PlanListQuery = z.infer<typeof PlanListQuery>;
export const PlanListItem = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  feedbackDate: z.string(),
  status: PlanStatus,
  currentVersion: z.number(),
  returnedCount: z.number(),
  dueDate: z.string(),
  overdue: z.boolean(),
  dueSoon: z.boolean(),
  updatedAt: z.string(),
});
export type PlanListItem = z.infer<typeof PlanListItem>;
export const PlanPage = pageOf(PlanListItem);
export type PlanPage = z.infer<typeof PlanPage>;
