// 群众举报/意见 through the public channel (DOMAIN.md §7, issue 8 §6): what an anonymous visitor sends and
// sees (targets, filing, the receipt-code status page) and what the team's inbox shows. The public shapes
// carry nothing beyond what the reporter typed or the team chose to say back.
import { z } from 'zod';
import { Id, optionalText, PageQuery, pageOf } from './common.ts';
import { labelled } from './taxonomy.ts';
import { clueCategory } from './taxonomy-fieldwork.ts';

export const publicReportKind = labelled(['report', 'opinion'], { report: '举报', opinion: '意见建议' });
export type PublicReportKind = (typeof publicReportKind.codes)[number];

export const PUBLIC_REPORT_STATUSES = ['received', 'in_progress', 'replied', 'transferred'] as const;
export const PublicReportStatus = z.enum(PUBLIC_REPORT_STATUSES);
export type PublicReportStatus = z.infer<typeof PublicReportStatus>;
export const publicReportStatusLabel: Record<PublicReportStatus, string> = {
  received: '已收到',
  in_progress: '处理中',
  replied: '已答复',
  transferred: '已转办',
};

export const PUBLIC_REPORT_EVENTS = ['start', 'reply', 'transfer', 'reopen'] as const;
export const PublicReportEvent = z.enum(PUBLIC_REPORT_EVENTS);
export type PublicReportEvent = z.infer<typeof PublicReportEvent>;
export const publicReportEventLabel: Record<PublicReportEvent | 'file', string> = {
  file: '提交',
  start: '受理办理',
  reply: '答复',
  transfer: '转办',
  reopen: '重新办理',
};

/** Receipt codes: 28 characters of Crockford base32 (140 bits), shown in groups of four. */
export const RECEIPT_CODE_LENGTH = 28;
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** What a person may type: any case, spaces or dashes between groups; O/I/L read as 0/1/1. */
export const ReceiptCode = z
  .string({ error: '请输入回执码' })
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .refine((s) => s.length === RECEIPT_CODE_LENGTH && [...s].every((c) => RECEIPT_ALPHABET.includes(c)), {
    error: `回执码应为 ${RECEIPT_CODE_LENGTH} 位字母和数字`,
  });
export const ReceiptLookup = z.object({ code: ReceiptCode });

// ── Public side ─────────────────────────────────────────────────────────────────────────────
export const PublicContact = z.object({
  phone: z.string().nullable(),
  mailbox: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  receptionHours: z.string().nullable(),
});
export const PublicReportTarget = z.object({
  id: z.string(),
  unitName: z.string(),
  teamName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** from the published 巡察公告; null when none was published */
  contact: PublicContact.nullable(),
});
export type PublicReportTarget = z.infer<typeof PublicReportTarget>;
export const PublicReportTargetPage = pageOf(PublicReportTarget);

export const PUBLIC_REPORT_MAX_FILES = 3;
export const PublicReportCreate = z
  .object({
    inspectionId: Id,
    kind: z.enum(publicReportKind.codes, { error: '请选择举报或意见建议' }),
    text: z
      .string({ error: '反映内容必须是文字' })
      .trim()
      .min(10, { error: '反映内容至少 10 个字' })
      .max(5000, { error: '反映内容不能超过 5000 个字' }),
    anonymous: z.enum(['true', 'false'], { error: '请选择是否匿名' }).transform((v) => v === 'true'),
    contactName: optionalText('联系人姓名', 50),
    contactPhone: z
      .string({ error: '联系电话必须是文字' })
      .trim()
      .regex(/^[0-9+\-() ]{0,30}$/, { error: '联系电话只能包含数字、空格和 + - ( )' })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.contactName && !v.contactPhone)
      ctx.addIssue({ code: 'custom', path: ['contactName'], message: '实名反映请至少填写姓名或联系电话' });
    if (v.anonymous && (v.contactName || v.contactPhone))
      ctx.addIssue({ code: 'custom', path: ['contactName'], message: '匿名反映不应填写联系人' });
  });
export type PublicReportCreate = z.output<typeof PublicReportCreate>;

/** Shown once, right after filing: the code is stored only as a digest and cannot be shown again. */
export const PublicReportReceipt = z.object({ code: z.string(), filedAt: z.string() });
export type PublicReportReceipt = z.infer<typeof PublicReportReceipt>;

/** The status page: status, the team's reply and dates — nothing else. */
export const PublicReportStatusView = z.object({
  status: PublicReportStatus,
  filedAt: z.string(),
  updatedAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
});
export type PublicReportStatusView = z.infer<typeof PublicReportStatusView>;

// ── Team side ───────────────────────────────────────────────────────────────────────────────
export const PublicReportListQuery = PageQuery.extend({
  status: PublicReportStatus.optional(),
  kind: publicReportKind.schema.optional(),
});
export type PublicReportListQuery = z.infer<typeof PublicReportListQuery>;
export const PublicReportExportQuery = PublicReportListQuery.omit({ page: true, pageSize: true });

export const PublicReportAbilities = z.object({
  reply: z.boolean(),
  start: z.boolean(),
  reopen: z.boolean(),
  convert: z.boolean(),
});
export type PublicReportAbilities = z.infer<typeof PublicReportAbilities>;

/** A list row: metadata only (opening the content is a separate, audited read). */
export const PublicReportListItem = z.object({
  id: z.string(),
  seq: z.number(),
  kind: publicReportKind.schema,
  status: PublicReportStatus,
  filedAt: z.string(),
  updatedAt: z.string(),
  anonymous: z.boolean(),
  attachmentCount: z.number(),
  repliedAt: z.string().nullable(),
  convertedTo: z.enum(['petition', 'clue']).nullable(),
});
export type PublicReportListItem = z.infer<typeof PublicReportListItem>;
export const PublicReportPage = pageOf(PublicReportListItem);

export const PublicReportAttachment = z.object({ id: z.string(), fileName: z.string(), size: z.number() });
export const PublicReportHistoryEntry = z.object({
  event: z.enum(['file', ...PUBLIC_REPORT_EVENTS]),
  toStatus: PublicReportStatus,
  actorName: z.string().nullable(),
  at: z.string(),
});
export const PublicReportDetail = PublicReportListItem.extend({
  inspectionId: z.string(),
  text: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  reply: z.string().nullable(),
  convertedId: z.string().nullable(),
  attachments: z.array(PublicReportAttachment),
  history: z.array(PublicReportHistoryEntry),
  abilities: PublicReportAbilities,
});
export type PublicReportDetail = z.infer<typeof PublicReportDetail>;

export const PublicReportReply = z.object({
  text: z.string().trim().min(1, { error: '请填写答复内容' }).max(2000, { error: '答复内容不能超过 2000 个字' }),
});
export const PublicReportConvert = z.discriminatedUnion(
  'target',
  [
    z.object({ target: z.literal('petition') }),
    z.object({
      target: z.literal('clue'),
      subjectName: z
        .string()
        .trim()
        .min(1, { error: '请填写被反映人姓名' })
        .max(50, { error: '被反映人姓名不能超过 50 个字' }),
      subjectPost: z
        .string()
        .trim()
        .min(1, { error: '请填写被反映人职务' })
        .max(100, { error: '被反映人职务不能超过 100 个字' }),
      category: clueCategory.schema,
    }),
  ],
  { error: '请选择转为来信来访记录或问题线索' },
);
export type PublicReportConvert = z.infer<typeof PublicReportConvert>;

/** An inspection whose inbox the user may open (team leader, designated reader, or grant manager). */
export const PublicReportInbox = z.object({
  inspectionId: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  canRead: z.boolean(),
  canGrant: z.boolean(),
});
export type PublicReportInbox = z.infer<typeof PublicReportInbox>;
export const PublicReportInboxList = z.object({ items: z.array(PublicReportInbox) });

export const PublicReportGrant = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  grantedByName: z.string(),
  grantedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type PublicReportGrant = z.infer<typeof PublicReportGrant>;
export const PublicReportGrantList = z.object({ items: z.array(PublicReportGrant) });
export const PublicReportGrantCreate = z.object({ userId: Id });
export const PublicReportGrantParams = z.object({ id: Id, grantId: Id });
export const PublicReportGrantCandidates = z.object({
  items: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});
