// 督查督办 (DOMAIN.md §7): a 督办单 to a unit (or one of its tasks) of a rectification case; the unit answers
// by the response date; unanswered for N working days after it → escalated to the 领导小组 (by the sweep or
// by the office); the office closes a satisfactory answer or sends it back (不满意) with a new date.
// "Answer overdue" is derived: still waiting for an answer and the response date has passed.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { SupervisionEvent, SupervisionStatus } from './statuses.ts';
import { supervisionReason } from './taxonomy-rectification.ts';

export const SupervisionIssue = z.object({
  reason: supervisionReason.schema,
  content: text('督办事项', 2000),
  /** one task of the same case; omitted: the order is to the unit as a whole */
  taskId: Id.optional(),
  /** default: the committee's 督办单答复期限 from today */
  responseDue: DateString.optional(),
});
export type SupervisionIssue = z.infer<typeof SupervisionIssue>;

export const SupervisionAnswer = z.object({ response: text('答复内容', 4000) });
export type SupervisionAnswer = z.infer<typeof SupervisionAnswer>;

export const SupervisionReject = z.object({
  reason: text('不满意的理由', 1000),
  /** default: the committee's 督办单答复期限 from today */
  responseDue: DateString.optional(),
});
export type SupervisionReject = z.infer<typeof SupervisionReject>;

export const SupervisionComment = z.object({ comment: optionalText('意见', 1000) });
export type SupervisionComment = z.infer<typeof SupervisionComment>;

export const SupervisionAbilities = z.object({
  answer: z.boolean(),
  reject: z.boolean(),
  close: z.boolean(),
  escalate: z.boolean(),
  document: z.boolean(),
});

export const SupervisionOrder = z.object({
  id: z.string(),
  /** 督办〔2026〕3号 */
  code: z.string(),
  rectificationId: z.string(),
  inspectionId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  taskId: z.string().nullable(),
  taskTitle: z.string().nullable(),
  reason: supervisionReason.schema,
  content: z.string(),
  responseDue: z.string(),
  status: SupervisionStatus,
  /** waiting for an answer past the response date */
  answerOverdue: z.boolean(),
  overdueDays: z.number(),
  response: z.string().nullable(),
  respondedByName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  abilities: SupervisionAbilities,
});
export type SupervisionOrder = z.infer<typeof SupervisionOrder>;
export const SupervisionOrderPage = pageOf(SupervisionOrder);

export const SupervisionOrderDetail = SupervisionOrder.extend({
  history: z.array(
    z.object({
      event: SupervisionEvent.or(z.literal('issue')),
      fromStatus: SupervisionStatus.nullable(),
      toStatus: SupervisionStatus,
      comment: z.string().nullable(),
      /** null: escalated by the system sweep */
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type SupervisionOrderDetail = z.infer<typeof SupervisionOrderDetail>;

export const SupervisionListQuery = PageQuery.extend({
  status: SupervisionStatus.optional(),
  reason: supervisionReason.schema.optional(),
  unitId: Id.optional(),
  rectificationId: Id.optional(),
  /** only orders whose answer is overdue (true) or not (false) */
  overdue: QueryBool.optional(),
  /** only issued, escalated or answered (not yet closed) */
  open: QueryBool.optional(),
  q: optionalText('关键词', 50),
});
export type SupervisionListQuery = z.output<typeof SupervisionListQuery>;

/** A task the office should consider for a 督办单: overdue, returned twice or more, or reopened (反弹). */
export const SupervisionSuggestion = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  rectificationId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  overdueDays: z.number(),
  returnedCount: z.number(),
  reopenedCount: z.number(),
  /** the reason a new order would carry */
  reason: supervisionReason.schema,
});
export type SupervisionSuggestion = z.infer<typeof SupervisionSuggestion>;
export const SupervisionSuggestionPage = pageOf(SupervisionSuggestion);
export const SupervisionSuggestionQuery = PageQuery.extend({ unitId: Id.optional() });
export type SupervisionSuggestionQuery = z.output<typeof SupervisionSuggestionQuery>;
