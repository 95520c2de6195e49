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
  /** 阶段性完成: only for long-term tasks under review */
  verifyPartly: z.boolean(),
  /** edit the 任务/责任清单 fields (not once closed) */
  update: z.boolean(),
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
  /** not closed, due today or within the committee's first-reminder limit (reminder_first) */
  dueSoon: z.boolean(),
  longTerm: z.boolean(),
  /** 阶段性完成: when the task is looked at again */
  nextCheckpoint: z.string().nullable(),
  returnedCount: z.number(),
  reopenedCount: z.number(),
  closedAt: z.string().nullable(),
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
  /** 对账销号 checklist (verify / verifyPartly) or the next checkpoint; null for other events */
  details: z.unknown().nullable(),
  at: z.string(),
});

export const Evidence = z.object({
  id: z.string(),
  kind: evidenceKind.schema,
  description: z.string(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  amount: z.number().nullable(),
  institutionName: z.string().nullable(),
  institutionDocNo: z.string().nullable(),
  institutionDate: z.string().nullable(),
  personsCount: z.number().nullable(),
  personsNote: z.string().nullable(),
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

/** 对账销号: what the verifier checked. The two core items must be confirmed; the others apply when relevant. */
export const VerifyChecklistItems = z.object({
  evidenceMatches: z.literal(true, { error: '请确认佐证材料与整改措施相符' }),
  measuresDone: z.literal(true, { error: '请确认整改措施已落实' }),
  /** 建章立制 tasks: the 制度 exists and is in force */
  institutionBuilt: z.boolean().optional(),
  /** money tasks: the amount was actually recovered */
  moneyRecovered: z.boolean().optional(),
});
export const VerifyChecklist = z.object({
  checkedEvidenceIds: z
    .array(Id)
    .min(1, { error: '请至少核对一份佐证材料' })
    .max(200, { error: '核对的材料不能超过 200 份' }),
  items: VerifyChecklistItems,
});
export type VerifyChecklist = z.infer<typeof VerifyChecklist>;

export const TaskVerifyInput = VerifyChecklist.extend({ comment: optionalText('销号意见', 1000) });
export type TaskVerifyInput = z.infer<typeof TaskVerifyInput>;

/** 阶段性完成 of a 长期坚持 task: the same check, plus when to look again. */
export const TaskVerifyPartlyInput = TaskVerifyInput.extend({ nextCheckpoint: DateString });
export type TaskVerifyPartlyInput = z.infer<typeof TaskVerifyPartlyInput>;

/** Edit of the 任务清单/责任清单 fields; at least one field. */
export const TaskUpdate = z
  .object({
    title: text('整改任务', 200),
    measures: text('整改措施', 5000),
    responsibleLeader: text('责任领导', 50),
    responsibleDepartment: text('责任部门', 100),
    ownerUserId: Id,
    dueDate: DateString,
    longTerm: z.boolean(),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: '请至少修改一项' });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const TaskBulkUpdate = z.object({
  ids: z
    .array(Id)
    .min(1, { error: '请选择要修改的任务' })
    .max(200, { error: '一次最多修改 200 项任务' })
    .refine((ids) => new Set(ids).size === ids.length, { error: '任务不能重复' }),
  set: z
    .object({
      ownerUserId: Id,
      dueDate: DateString,
      responsibleLeader: text('责任领导', 50),
      responsibleDepartment: text('责任部门', 100),
    })
    .partial()
    .refine((v) => Object.values(v).some((x) => x !== undefined), { error: '请至少修改一项' }),
});
export type TaskBulkUpdate = z.infer<typeof TaskBulkUpdate>;
export const TaskBulkResult = z.object({ updated: z.number() });

/** Non-file fields of the multipart evidence upload. */
export const EvidenceFields = z.object({
  kind: evidenceKind.schema,
  description: text('材料说明', 500),
  amount: z.coerce.number({ error: '金额必须是数字' }).min(0, { error: '金额不能为负数' }).max(1e12).optional(),
  institutionName: optionalText('制度名称', 200),
  institutionDocNo: optionalText('文号', 100),
  institutionDate: DateString.optional(),
  personsCount: z.coerce
    .number({ error: '人数必须是数字' })
    .int({ error: '人数必须是整数' })
    .min(1, { error: '人数至少为 1' })
    .max(100000, { error: '人数过大' })
    .optional(),
  personsNote: optionalText('处理情况', 1000),
});
