import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { Sensitivity } from './sensitivity.ts';
import { FindingStatus, TaskStatus } from './statuses.ts';
import { area, aspect, discipline, focus, majorProblem, powerType } from './taxonomy.ts';
import { fieldworkKind } from './taxonomy-fieldwork.ts';

export const Classification = z.object({
  aspect: aspect.schema,
  discipline: discipline.schema.nullable().default(null),
  majorProblem: majorProblem.schema.nullable().default(null),
  focus: focus.schema.nullable().default(null),
  powerType: powerType.schema.nullable().default(null),
  areas: z.array(area.schema).max(10, { error: '领域最多选 10 个' }).default([]),
  isCommon: z.boolean().default(false),
  eightRules: z.boolean().default(false),
});

/** 立行立改 (DOMAIN.md §5): what the unit must do at once; owner and responsibility default from the unit. */
export const ImmediateTaskInput = z.object({
  requirement: text('整改要求', 2000),
  ownerUserId: Id.optional(),
  responsibleLeader: optionalText('责任领导', 50),
  responsibleDepartment: optionalText('责任部门', 100),
});
export type ImmediateTaskInput = z.infer<typeof ImmediateTaskInput>;

const evidenceRecordIds = z.array(Id).max(100, { error: '一次最多关联 100 条记录' });

export const FindingCreate = Classification.extend({
  title: text('问题标题', 200),
  facts: text('问题事实', 10000),
  evidenceRecordIds: evidenceRecordIds.default([]),
  immediate: ImmediateTaskInput.optional(),
});
export type FindingCreate = z.infer<typeof FindingCreate>;

// Written out rather than Classification.partial(): zod 4 would fill the defaults of absent fields,
// and a PATCH must leave absent fields as they are.
export const FindingUpdate = z.object({
  title: text('问题标题', 200).optional(),
  facts: text('问题事实', 10000).optional(),
  aspect: aspect.schema.optional(),
  discipline: discipline.schema.nullable().optional(),
  majorProblem: majorProblem.schema.nullable().optional(),
  focus: focus.schema.nullable().optional(),
  powerType: powerType.schema.nullable().optional(),
  areas: z.array(area.schema).max(10, { error: '领域最多选 10 个' }).optional(),
  isCommon: z.boolean().optional(),
  eightRules: z.boolean().optional(),
  immediate: ImmediateTaskInput.optional(),
});
export type FindingUpdate = z.infer<typeof FindingUpdate>;

export const EvidenceLink = z.object({
  recordIds: evidenceRecordIds.min(1, { error: '请选择要关联的记录' }),
});
export const EvidenceUnlinkParams = z.object({ id: Id, recordId: Id });

export const ImmediateTaskSummary = z.object({
  id: z.string(),
  status: TaskStatus,
  dueDate: z.string(),
  overdue: z.boolean(),
});

export const Finding = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  seq: z.number(),
  title: z.string(),
  facts: z.string(),
  aspect: aspect.schema,
  discipline: discipline.schema.nullable(),
  majorProblem: majorProblem.schema.nullable(),
  focus: focus.schema.nullable(),
  powerType: powerType.schema.nullable(),
  areas: z.array(area.schema),
  isCommon: z.boolean(),
  eightRules: z.boolean(),
  status: FindingStatus,
  /** 密级标记: 敏感 keeps the finding from the inspected unit (not fed back, not in its lists) */
  sensitivity: Sensitivity,
  immediate: z.boolean(),
  immediateTask: ImmediateTaskSummary.nullable(),
  taskCount: z.number(),
  closedTaskCount: z.number(),
  abilities: z.object({ createTask: z.boolean(), update: z.boolean() }),
});
export type Finding = z.infer<typeof Finding>;
export const FindingPage = pageOf(Finding);

/** A linked fieldwork record: what it is, never its notes. */
export const FindingEvidenceRecord = z.object({
  id: z.string(),
  seq: z.number(),
  kind: fieldworkKind.schema,
  title: z.string(),
  occurredOn: z.string(),
});
export const FindingDetail = Finding.extend({ evidence: z.array(FindingEvidenceRecord) });
export type FindingDetail = z.infer<typeof FindingDetail>;

export const findingSort = ['seq', '-createdAt', 'createdAt', '-updatedAt'] as const;

export const FindingListQuery = PageQuery.extend({
  inspectionId: Id.optional(),
  roundId: Id.optional(),
  unitId: Id.optional(),
  aspect: aspect.schema.optional(),
  discipline: discipline.schema.optional(),
  majorProblem: majorProblem.schema.optional(),
  focus: focus.schema.optional(),
  powerType: powerType.schema.optional(),
  area: area.schema.optional(),
  isCommon: QueryBool.optional(),
  eightRules: QueryBool.optional(),
  immediate: QueryBool.optional(),
  status: FindingStatus.optional(),
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
  sort: z.enum(findingSort, { error: '排序方式不正确' }).default('-createdAt'),
});
export type FindingListQuery = z.output<typeof FindingListQuery>;

/** Who may own a 立行立改 task, and what the form pre-fills. */
export const ImmediateTaskDefaults = z.object({
  owners: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
  defaultOwnerId: z.string().nullable(),
  responsibleLeader: z.string().nullable(),
  responsibleDepartment: z.string(),
  dueDate: DateString,
});

const StatCount = z.object({ code: z.string().nullable(), count: z.number() });
/** Counts of an inspection's findings per classification, for the report and its charts. */
export const FindingStats = z.object({
  total: z.number(),
  aspect: z.array(StatCount),
  discipline: z.array(StatCount),
  majorProblem: z.array(StatCount),
  focus: z.array(StatCount),
  powerType: z.array(StatCount),
  area: z.array(StatCount),
  common: z.number(),
  eightRules: z.number(),
  immediate: z.number(),
});
export type FindingStats = z.infer<typeof FindingStats>;
