import { z } from 'zod';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { FindingStatus } from './statuses.ts';
import { area, aspect, discipline, focus, majorProblem, powerType } from './taxonomy.ts';

export const Classification = z.object({
  aspect: aspect.schema,
  discipline: discipline.schema.nullable().default(null),
  majorProblem: majorProblem.schema.nullable().default(null),
  focus: focus.schema.nullable().default(null),
  powerType: powerType.schema.nullable().default(null),
  areas: z.array(area.schema).max(10).default([]),
  isCommon: z.boolean().default(false),
  eightRules: z.boolean().default(false),
});

export const FindingCreate = Classification.extend({
  title: text('问题标题', 200),
  facts: text('问题事实', 10000),
});
export type FindingCreate = z.infer<typeof FindingCreate>;

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
  taskCount: z.number(),
  closedTaskCount: z.number(),
  abilities: z.object({ createTask: z.boolean() }),
});
export type Finding = z.infer<typeof Finding>;
export const FindingPage = pageOf(Finding);

export const FindingListQuery = PageQuery.extend({ inspectionId: Id.optional(), aspect: aspect.schema.optional() });
