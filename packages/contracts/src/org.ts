// Committees (a tree of their own) and org units with planning attributes and history (DOMAIN.md §2).
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { CommitteeLevel, unitEvent, unitKind, villageClass } from './taxonomy.ts';

const avoidanceYears = z
  .number({ error: '回避年限必须是数字' })
  .int({ error: '回避年限必须是整数' })
  .min(0, { error: '回避年限不能小于 0' })
  .max(30, { error: '回避年限不能超过 30 年' });

export const Committee = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.string(),
  avoidanceYears: z.number(),
  /** 0 for a root; the list is in tree order, so depth is all a UI needs to indent */
  depth: z.number(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Committee = z.infer<typeof Committee>;

export const CommitteeCreate = z.object({
  parentId: Id,
  name: text('党委名称', 100),
  shortName: optionalText('简称', 20),
  level: CommitteeLevel,
  avoidanceYears: avoidanceYears.optional(),
});
export type CommitteeCreate = z.infer<typeof CommitteeCreate>;

export const CommitteeUpdate = z.object({
  name: text('党委名称', 100).optional(),
  shortName: optionalText('简称', 20),
  avoidanceYears: avoidanceYears.optional(),
});
export type CommitteeUpdate = z.infer<typeof CommitteeUpdate>;

const name = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(50, { error: `${label}不能超过 50 个字` });

/** Planning attributes of a unit; in a PATCH, null clears a value. */
const unitAttributeFields = {
  code: z
    .string({ error: '单位代码必须是文字' })
    .trim()
    .regex(/^[0-9A-Za-z-]{1,30}$/, { error: '单位代码只能由字母、数字和“-”组成，最多 30 位' }),
  // blank clears: forms send '' for an emptied field
  headName: name('主要负责人'),
  secretaryName: name('书记'),
  socialAttention: z
    .number({ error: '社会关注度必须是数字' })
    .int()
    .min(1, { error: '社会关注度为 1–5' })
    .max(5, { error: '社会关注度为 1–5' }),
  fundVolume: z
    .number({ error: '资金量必须是数字' })
    .min(0, { error: '资金量不能为负数' })
    .max(999_999_999, { error: '资金量过大' }),
  projectCount: z
    .number({ error: '工程项目数必须是数字' })
    .int({ error: '工程项目数必须是整数' })
    .min(0, { error: '工程项目数不能为负数' })
    .max(100_000),
  lastInspectedOn: DateString,
  villageClass: villageClass.schema,
} as const;
type NullableFields<T extends Record<string, z.ZodType>> = { [K in keyof T]: z.ZodOptional<z.ZodNullable<T[K]>> };
function nullableOptional<T extends Record<string, z.ZodType>>(fields: T): NullableFields<T> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [key, schema.nullable().optional()]),
  ) as NullableFields<T>;
}

export const UnitAttributes = z.object({
  ...nullableOptional(unitAttributeFields),
  kind: unitKind.schema.optional(),
  hasApprovalPower: z.boolean().optional(),
  hasEnforcementPower: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UnitAttributes = z.infer<typeof UnitAttributes>;
export const UnitPatch = UnitAttributes.extend({ reason: optionalText('修改原因', 200) });
export type UnitPatch = z.infer<typeof UnitPatch>;

export const Unit = z.object({
  id: z.string(),
  committeeId: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  parentCode: z.string().nullable(),
  name: z.string(),
  kind: unitKind.schema,
  code: z.string().nullable(),
  headName: z.string().nullable(),
  secretaryName: z.string().nullable(),
  socialAttention: z.number().nullable(),
  fundVolume: z.number().nullable(),
  projectCount: z.number().nullable(),
  hasApprovalPower: z.boolean(),
  hasEnforcementPower: z.boolean(),
  /** the manual value (inspected before the system existed) */
  manualLastInspectedOn: z.string().nullable(),
  /** what users see: the later of the manual value and the latest inspection that reached 进驻 */
  lastInspectedOn: z.string().nullable(),
  villageClass: villageClass.schema.nullable(),
  active: z.boolean(),
  mergedIntoId: z.string().nullable(),
  deactivatedOn: z.string().nullable(),
  deactivationReason: z.string().nullable(),
  sortOrder: z.number(),
  childCount: z.number(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitPage = pageOf(Unit);

export const UnitAbilities = z.object({
  update: z.boolean(),
  rename: z.boolean(),
  move: z.boolean(),
  merge: z.boolean(),
  deactivate: z.boolean(),
  reactivate: z.boolean(),
});
export type UnitAbilities = z.infer<typeof UnitAbilities>;
export const UnitDetail = Unit.extend({
  /** root first, parent last */
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  mergedIntoName: z.string().nullable(),
  abilities: UnitAbilities,
});
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitCreate = z.object({
  committeeId: Id,
  parentId: Id.optional(),
  name: text('单位名称', 100),
  kind: unitKind.schema,
  ...nullableOptional(unitAttributeFields),
  hasApprovalPower: z.boolean().optional(),
  hasEnforcementPower: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitListQuery = PageQuery.extend({
  committeeId: Id.optional(),
  /** children of this unit; 'root' for the top level of the tree */
  parentId: z.union([z.literal('root'), Id]).optional(),
  /** anywhere in this unit's subtree (the unit itself excluded) */
  under: Id.optional(),
  kind: unitKind.schema.optional(),
  active: QueryBool.optional(),
  villageClass: villageClass.schema.optional(),
  q: z.string().trim().max(50).optional(),
});
export type UnitListQuery = z.output<typeof UnitListQuery>;

const reason = text('原因', 200);
export const UnitRename = z.object({ name: text('单位名称', 100), reason });
export const UnitMove = z.object({ parentId: Id.nullable(), reason });
export const UnitMerge = z.object({ targetId: Id, reason });
export const UnitReason = z.object({ reason });
export type UnitRename = z.infer<typeof UnitRename>;
export type UnitMove = z.infer<typeof UnitMove>;
export type UnitMerge = z.infer<typeof UnitMerge>;

export const UnitHistoryItem = z.object({
  seq: z.number(),
  event: unitEvent.schema,
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const UnitHistoryPage = pageOf(UnitHistoryItem);
export type UnitHistoryItem = z.infer<typeof UnitHistoryItem>;

export const Person = z.object({ id: z.string(), displayName: z.string(), unitId: z.string().nullable() });
export const PersonList = z.object({ items: z.array(Person) });
