// 函询/函调 (DOMAIN.md §3): before 进驻 the office asks 纪委监委, 组织部, 信访, 审计, 政法 about the target's
// leadership. sent → answered | withdrawn (server/src/modules/enquiry/enquiry.status.ts). Overdue is derived:
// still sent and the due date has passed.
import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf, QueryBool, text } from './common.ts';

export const ENQUIRY_STATUSES = ['sent', 'answered', 'withdrawn'] as const;
export const EnquiryStatus = z.enum(ENQUIRY_STATUSES, { error: '函询状态不正确' });
export type EnquiryStatus = z.infer<typeof EnquiryStatus>;
export const enquiryStatusLabel: Record<EnquiryStatus, string> = {
  sent: '待答复',
  answered: '已答复',
  withdrawn: '已撤回',
};

export const ENQUIRY_EVENTS = ['answer', 'withdraw'] as const;
export type EnquiryEvent = (typeof ENQUIRY_EVENTS)[number];

/** Who is asked: 纪委监委, 组织部, 信访, 审计, 政法. */
export const ENQUIRY_RECIPIENT_KINDS = ['discipline', 'organization', 'petition', 'audit', 'legal'] as const;
export const EnquiryRecipientKind = z.enum(ENQUIRY_RECIPIENT_KINDS, { error: '函询对象类别不正确' });
export type EnquiryRecipientKind = z.infer<typeof EnquiryRecipientKind>;
export const enquiryRecipientKindLabel: Record<EnquiryRecipientKind, string> = {
  discipline: '纪检监察',
  organization: '组织人事',
  petition: '信访',
  audit: '审计',
  legal: '政法',
};

export const Enquiry = z.object({
  id: z.string(),
  inspectionId: z.string(),
  /** the inspected unit the enquiry is about */
  targetUnitName: z.string(),
  roundName: z.string(),
  recipientUnitId: z.string(),
  recipientUnitName: z.string(),
  recipientKind: EnquiryRecipientKind,
  subject: z.string(),
  dueDate: z.string(),
  status: EnquiryStatus,
  overdue: z.boolean(),
  sentByName: z.string(),
  sentAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  abilities: z.object({ answer: z.boolean(), withdraw: z.boolean() }),
});
export type Enquiry = z.infer<typeof Enquiry>;
export const EnquiryPage = pageOf(Enquiry);

export const EnquiryListQuery = PageQuery.extend({
  status: EnquiryStatus.optional(),
  overdue: QueryBool.optional(),
  recipientKind: EnquiryRecipientKind.optional(),
});
export type EnquiryListQuery = z.output<typeof EnquiryListQuery>;

export const EnquiryCreate = z.object({
  recipients: z
    .array(z.object({ unitId: Id, kind: EnquiryRecipientKind }))
    .min(1, { error: '请选择函询对象' })
    .max(10, { error: '一次最多 10 个函询对象' })
    .refine((list) => new Set(list.map((r) => r.unitId)).size === list.length, { error: '函询对象重复' }),
  subject: text('函询事项', 2000),
  dueDate: DateString,
});
export type EnquiryCreate = z.infer<typeof EnquiryCreate>;
export const EnquiryCreated = z.object({ items: z.array(Enquiry) });

export const EnquiryAnswer = z.object({ content: text('答复内容', 20000) });
export const EnquiryWithdraw = z.object({ reason: text('撤回理由', 500) });
