import { z } from 'zod';
import { Id, optionalText, PageQuery, pageOf, text } from './common.ts';
import { unitKind } from './taxonomy.ts';

export const Committee = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  level: z.string(),
});
export type Committee = z.infer<typeof Committee>;

export const Unit = z.object({
  id: z.string(),
  committeeId: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  name: z.string(),
  kind: unitKind.schema,
  headName: z.string().nullable(),
  active: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitPage = pageOf(Unit);

export const UnitCreate = z.object({
  committeeId: Id,
  parentId: Id.optional(),
  name: text('单位名称', 100),
  kind: unitKind.schema,
  headName: optionalText('主要负责人', 50),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitListQuery = PageQuery.extend({
  committeeId: Id.optional(),
  kind: unitKind.schema.optional(),
  q: z.string().trim().max(50).optional(),
});

export const Person = z.object({ id: z.string(), displayName: z.string(), unitId: z.string().nullable() });
export const PersonList = z.object({ items: z.array(Person) });
