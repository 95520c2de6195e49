// 回访 / 回头看 (DOMAIN.md §6–§7): planned for a rectification case after its report, then conducted with an
// outcome per task (稳固 / 反弹) or cancelled. 反弹 either reopens the task or files a new finding on the
// same inspection, linked to the original.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { RevisitStatus } from './statuses.ts';
import { revisitKind, revisitOutcome } from './taxonomy-rectification.ts';

export const revisitReboundAction = z.enum(['reopen', 'new_finding'], { error: '请选择反弹的处理方式' });
export type RevisitReboundAction = z.infer<typeof revisitReboundAction>;
export const revisitReboundActionLabel: Record<RevisitReboundAction, string> = {
  reopen: '重新打开任务',
  new_finding: '作为新问题立项',
};

export const RevisitCreate = z.object({
  kind: revisitKind.schema,
  /** default: the 整改报告 date (or feedback + 集中整改期) + the committee's 回访 time limit */
  plannedOn: DateString.optional(),
});
export type RevisitCreate = z.infer<typeof RevisitCreate>;

export const RevisitOutcomeInput = z
  .object({
    taskId: Id,
    outcome: revisitOutcome.schema,
    note: optionalText('情况说明', 1000),
    action: revisitReboundAction.optional(),
  })
  .refine((o) => o.outcome === 'stable' || o.action !== undefined, {
    error: '反弹的任务请选择处理方式（重新打开或作为新问题）',
    path: ['action'],
  })
  .refine((o) => o.outcome === 'stable' || (o.note ?? '') !== '', {
    error: '反弹的任务请填写情况说明',
    path: ['note'],
  });

export const RevisitConduct = z.object({
  conductedOn: DateString.optional(),
  summary: text('回访情况', 4000),
  outcomes: z.array(RevisitOutcomeInput).min(1, { error: '请至少记录一项任务的回访结果' }).max(500),
});
export type RevisitConduct = z.infer<typeof RevisitConduct>;

export const RevisitCancel = z.object({ reason: text('取消理由', 1000) });
export type RevisitCancel = z.infer<typeof RevisitCancel>;

export const RevisitAbilities = z.object({ conduct: z.boolean(), cancel: z.boolean(), document: z.boolean() });

export const Revisit = z.object({
  id: z.string(),
  rectificationId: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: revisitKind.schema,
  plannedOn: z.string(),
  status: RevisitStatus,
  /** still planned and the planned date has passed */
  late: z.boolean(),
  conductedOn: z.string().nullable(),
  /** the record of the visit; for a cancelled one, why it was cancelled */
  summary: z.string().nullable(),
  stableCount: z.number(),
  reboundCount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  abilities: RevisitAbilities,
});
export type Revisit = z.infer<typeof Revisit>;
export const RevisitPage = pageOf(Revisit);

export const RevisitOutcomeView = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  findingTitle: z.string(),
  outcome: revisitOutcome.schema,
  note: z.string().nullable(),
  reopened: z.boolean(),
  newFindingId: z.string().nullable(),
  newFindingTitle: z.string().nullable(),
  recordedByName: z.string(),
  at: z.string(),
});

/** A task of the case, to record an outcome for (the table of the conduct form). */
export const RevisitCaseTask = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  findingTitle: z.string(),
  ownerName: z.string(),
  status: z.string(),
});

export const RevisitDetail = Revisit.extend({
  outcomes: z.array(RevisitOutcomeView),
  tasks: z.array(RevisitCaseTask),
});
export type RevisitDetail = z.infer<typeof RevisitDetail>;

export const RevisitListQuery = PageQuery.extend({
  status: RevisitStatus.optional(),
  kind: revisitKind.schema.optional(),
  unitId: Id.optional(),
  rectificationId: Id.optional(),
  /** planned and past the planned date */
  late: QueryBool.optional(),
});
export type RevisitListQuery = z.output<typeof RevisitListQuery>;
