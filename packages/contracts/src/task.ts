import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { TaskEvent, TaskStatus } from './statuses.ts';
import { evidenceKind } from './taxonomy.ts';

export const TaskAbilities = z.object({
  start: z.boolean(),
  submit: z.boolean(),
  verify: z.boolean(),
  return: z.boolean(),
  uploadEvidence: z.boolean(),
});
export type TaskAbilities = z.infer<typeof TaskAbilities>;

export const Task = z.object({
  id: z.string(),
  committeeId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  inspectionId: z.string(),
  findingId: z.string(),
  findingTitle: z.string(),
  seq: z.number(),
  title: z.string(),
  measures: z.string(),
  responsibleLeader: z.string(),
  responsibleDepartment: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: TaskStatus,
  overdue: z.boolean(),
  longTerm: z.boolean(),
  evidenceCount: z.number(),
  updatedAt: z.string(),
  abilities: TaskAbilities,
});
export type Task = z.infer<typeof Task>;
export const TaskPage = pageOf(Task);

export const TaskCreate = z.object({
  title: text('整改任务', 200),
  measures: text('整改措施', 5000),
  responsibleLeader: text('责任领导', 50),
  responsibleDepartment: text('责任部门', 100),
  ownerUserId: Id,
  dueDate: DateString,
  longTerm: z.boolean().default(false),
});
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TASK_SORTS = ['dueDate', '-dueDate', 'updatedAt', '-updatedAt'] as const;
export const TaskListQuery = PageQuery.extend({
  unitId: Id.optional(),
  inspectionId: Id.optional(),
  findingId: Id.optional(),
  status: TaskStatus.optional(),
  overdue: QueryBool.optional(),
  mine: QueryBool.optional(),
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
  sort: z.enum(TASK_SORTS, { error: '排序方式不正确' }).default('dueDate'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;

/** History also records the task's creation, which is not a state-machine event. */
export const TaskHistoryEvent = z.enum([...TaskEvent.options, 'create']);
export type TaskHistoryEvent = z.infer<typeof TaskHistoryEvent>;

export const TaskHistoryEntry = z.object({
  id: z.string(),
  event: TaskHistoryEvent,
  fromStatus: TaskStatus.nullable(),
  toStatus: TaskStatus,
  actorName: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});

export const Evidence = z.object({
  id: z.string(),
  kind: evidenceKind.schema,
  description: z.string(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  amount: z.number().nullable(),
  uploadedByName: z.string(),
  at: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const TaskDetail = Task.extend({
  history: z.array(TaskHistoryEntry),
  evidence: z.array(Evidence),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskSubmitInput = z.object({ summary: text('整改情况说明', 5000) });
export const TaskReturnInput = z.object({ reason: text('退回理由', 1000) });
export const TaskVerifyInput = z.object({ comment: optionalText('销号意见', 1000) });

/** Non-file fields of the multipart evidence upload. */
export const EvidenceFields = z.object({
  kind: evidenceKind.schema,
  description: text('材料说明', 500),
  amount: z.coerce.number({ error: '金额必须是数字' }).min(0, { error: '金额不能为负数' }).max(1e12).optional(),
});
