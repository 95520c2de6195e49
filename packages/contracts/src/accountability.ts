// 问责 (DOMAIN.md §7): a proposal against a person for 敷衍塞责 / 整改不力 / 虚假整改, linked to tasks and
// findings of the same rectification case → a decision (谈话提醒 … 纪律处分, with 文号 and date), or withdrawn
// with a reason. The 问责清单 per unit is the list filtered by unit.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, text } from './common.ts';
import { AccountabilityEvent, AccountabilityStatus } from './statuses.ts';
import { accountabilityGround, accountabilityMeasure } from './taxonomy-rectification.ts';

export const AccountabilityPropose = z.object({
  personName: text('被问责人姓名', 50),
  personPost: text('职务', 100),
  ground: accountabilityGround.schema,
  facts: text('问责事实', 4000),
  proposedMeasure: accountabilityMeasure.schema,
  taskIds: z.array(Id).max(100).default([]),
  findingIds: z.array(Id).max(100).default([]),
});
export type AccountabilityPropose = z.input<typeof AccountabilityPropose>;

export const AccountabilityDecide = z.object({
  measure: accountabilityMeasure.schema,
  docNo: text('决定文号', 100),
  decidedOn: DateString,
  comment: optionalText('说明', 1000),
});
export type AccountabilityDecide = z.infer<typeof AccountabilityDecide>;

export const AccountabilityWithdraw = z.object({ reason: text('撤回理由', 1000) });
export type AccountabilityWithdraw = z.infer<typeof AccountabilityWithdraw>;

export const AccountabilityAbilities = z.object({ decide: z.boolean(), withdraw: z.boolean(), document: z.boolean() });

export const Accountability = z.object({
  id: z.string(),
  rectificationId: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  personName: z.string(),
  personPost: z.string(),
  ground: accountabilityGround.schema,
  facts: z.string(),
  proposedMeasure: accountabilityMeasure.schema,
  status: AccountabilityStatus,
  decidedMeasure: accountabilityMeasure.schema.nullable(),
  decisionDocNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionComment: z.string().nullable(),
  taskIds: z.array(z.string()),
  findingIds: z.array(z.string()),
  proposedByName: z.string(),
  proposedAt: z.string(),
  abilities: AccountabilityAbilities,
});
export type Accountability = z.infer<typeof Accountability>;
export const AccountabilityPage = pageOf(Accountability);

export const AccountabilityDetail = Accountability.extend({
  tasks: z.array(z.object({ id: z.string(), title: z.string() })),
  findings: z.array(z.object({ id: z.string(), title: z.string() })),
  history: z.array(
    z.object({
      event: AccountabilityEvent.or(z.literal('propose')),
      fromStatus: AccountabilityStatus.nullable(),
      toStatus: AccountabilityStatus,
      comment: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});
export type AccountabilityDetail = z.infer<typeof AccountabilityDetail>;

export const AccountabilityListQuery = PageQuery.extend({
  unitId: Id.optional(),
  rectificationId: Id.optional(),
  status: AccountabilityStatus.optional(),
  ground: accountabilityGround.schema.optional(),
  measure: accountabilityMeasure.schema.optional(),
  q: optionalText('关键词', 50),
});
export type AccountabilityListQuery = z.output<typeof AccountabilityListQuery>;
