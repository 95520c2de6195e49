// 经验做法 (DOMAIN.md §5): what a team found worth spreading, recorded beside its findings.
import { z } from 'zod';
import { Id, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { area } from './taxonomy.ts';

const areas = z.array(area.schema).max(10, { error: '领域最多选 10 个' });

export const GoodPracticeCreate = z.object({
  title: text('经验做法标题', 200),
  content: text('经验做法内容', 10000),
  areas: areas.default([]),
  promote: z.boolean({ error: '是否值得推广应为是或否' }).default(false),
});
export type GoodPracticeCreate = z.infer<typeof GoodPracticeCreate>;

export const GoodPracticeUpdate = z.object({
  title: text('经验做法标题', 200).optional(),
  content: text('经验做法内容', 10000).optional(),
  areas: areas.optional(),
  promote: z.boolean({ error: '是否值得推广应为是或否' }).optional(),
});
export type GoodPracticeUpdate = z.infer<typeof GoodPracticeUpdate>;

export const GoodPractice = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  title: z.string(),
  content: z.string(),
  areas: z.array(area.schema),
  promote: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean() }),
});
export type GoodPractice = z.infer<typeof GoodPractice>;
export const GoodPracticePage = pageOf(GoodPractice);

export const GoodPracticeListQuery = PageQuery.extend({
  inspectionId: Id.optional(),
  unitId: Id.optional(),
  area: area.schema.optional(),
  promote: QueryBool.optional(),
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
});
export type GoodPracticeListQuery = z.output<typeof GoodPracticeListQuery>;
