// 移交 (DOMAIN.md §5): clues → 纪委监委, 选人用人 problems → 组织部, other problems → the competent department.
// sent → accepted → handling → concluded → closed, or declined before accepting (handover.status.ts).
// Overdue is derived: still open (sent/accepted/handling) and the due date has passed.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { HandoverEvent, HandoverStatus } from './statuses.ts';
import { labelled } from './taxonomy.ts';
import { clueCategory, disposition, form, handoverKind, handoverRecipient } from './taxonomy-fieldwork.ts';

/** Dispositions that end a clue's handling: the 四种形态, 了结, 暂存. 谈话函询/初核/立案 are stages (progress). */
export const FINAL_DISPOSITIONS = ['form1', 'form2', 'form3', 'form4', 'closed', 'shelved'] as const;
/** The dispositions that are one of the 四种形态: at least one person, each with their 形态. */
export const FORM_DISPOSITIONS: ReadonlySet<string> = new Set(['form1', 'form2', 'form3', 'form4']);

/** Inbox tabs of a recipient: 待接收 / 办理中 / 已办结 (concluded, closed or declined). */
export const handoverInbox = labelled(['todo', 'doing', 'done'], { todo: '待接收', doing: '办理中', done: '已办结' });
export type HandoverInbox = (typeof handoverInbox.codes)[number];
export const HANDOVER_INBOX_STATUSES: Record<HandoverInbox, HandoverStatus[]> = {
  todo: ['sent'],
  doing: ['accepted', 'handling'],
  done: ['concluded', 'closed', 'declined'],
};

export const HandoverAbilities = z.object({
  accept: z.boolean(),
  decline: z.boolean(),
  progress: z.boolean(),
  conclude: z.boolean(),
  close: z.boolean(),
  requestMore: z.boolean(),
  document: z.boolean(),
});

export const Handover = z.object({
  id: z.string(),
  code: z.string(),
  kind: handoverKind.schema,
  recipient: handoverRecipient.schema,
  recipientUnitId: z.string().nullable(),
  recipientName: z.string(),
  status: HandoverStatus,
  inspectionId: z.string(),
  /** the inspected unit */
  unitName: z.string(),
  roundName: z.string(),
  clueId: z.string().nullable(),
  /** e.g. 线索〔2026〕3-07, as the clue module numbers it; never its content */
  clueCode: z.string().nullable(),
  clueCategory: clueCategory.schema.nullable(),
  findingId: z.string().nullable(),
  findingTitle: z.string().nullable(),
  sentOn: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  /** days past the due date while open; 0 otherwise */
  overdueDays: z.number(),
  dueSoon: z.boolean(),
  letterNo: z.string().nullable(),
  note: z.string().nullable(),
  decisionId: z.string().nullable(),
  sentByName: z.string(),
  acceptedOn: z.string().nullable(),
  handlerName: z.string().nullable(),
  disposition: disposition.schema.nullable(),
  concludedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  abilities: HandoverAbilities,
});
export type Handover = z.infer<typeof Handover>;
export const HandoverPage = pageOf(Handover);

export const HandoverPerson = z.object({
  name: text('姓名', 50),
  post: text('职务', 100),
  form: form.schema.optional(),
  measure: optionalText('处理措施', 500),
  decidedOn: DateString.optional(),
});
export type HandoverPerson = z.infer<typeof HandoverPerson>;

/** The reported result (sealed at rest): shown only to those who may read it. */
export const HandoverResult = z.object({
  summary: z.string(),
  measures: z.string().nullable(),
  persons: z.array(
    z.object({
      name: z.string(),
      post: z.string(),
      form: form.schema.nullable(),
      measure: z.string().nullable(),
      decidedOn: z.string().nullable(),
    }),
  ),
});
export type HandoverResult = z.infer<typeof HandoverResult>;

export const HandoverDetail = Handover.extend({
  /** false: the user may see the handover but not the clue's content (nor the result's names) */
  contentVisible: z.boolean(),
  clue: z
    .object({
      subjectName: z.string(),
      subjectPost: z.string(),
      allegation: z.string(),
      evidence: z.string().nullable(),
    })
    .nullable(),
  finding: z.object({ title: z.string(), facts: z.string() }).nullable(),
  result: HandoverResult.nullable(),
  /** 形态 of each person handled (no names): visible with the handover */
  personForms: z.array(z.object({ form: form.schema.nullable(), decidedOn: z.string().nullable() })),
  history: z.array(
    z.object({
      event: HandoverEvent.or(z.literal('create')),
      fromStatus: HandoverStatus.nullable(),
      toStatus: HandoverStatus,
      actorName: z.string(),
      /** null when hidden from a user who may not read the clue */
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type HandoverDetail = z.infer<typeof HandoverDetail>;

export const HandoverListQuery = PageQuery.extend({
  status: HandoverStatus.optional(),
  inbox: handoverInbox.schema.optional(),
  kind: handoverKind.schema.optional(),
  recipient: handoverRecipient.schema.optional(),
  overdue: QueryBool.optional(),
  dueSoon: QueryBool.optional(),
  inspectionId: Id.optional(),
  q: optionalText('关键词', 50),
});
export type HandoverListQuery = z.output<typeof HandoverListQuery>;

export const HandoverSummary = z.object({
  byStatus: z.record(HandoverStatus, z.number()),
  overdue: z.number(),
  dueSoon: z.number(),
  total: z.number(),
});
export type HandoverSummary = z.infer<typeof HandoverSummary>;

export const HandoverCreate = z
  .object({
    kind: handoverKind.schema,
    clueId: Id.optional(),
    findingId: Id.optional(),
    recipientUnitId: Id.optional(),
    recipientName: optionalText('接收单位名称', 100),
    dueDate: DateString.optional(),
    letterNo: optionalText('移交函文号', 50),
    note: optionalText('移交说明', 2000),
    decisionId: Id.optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (input.kind === 'clue') {
      // findingId is optional here: the finding the clue bears on, so the 成果运用台账 can follow it
      if (!input.clueId) issue('clueId', '请选择要移交的问题线索');
    } else {
      if (!input.findingId) issue('findingId', '请选择要移交的问题');
      if (input.clueId) issue('clueId', '移交问题时不能同时选择问题线索');
    }
    if (input.kind === 'other' && !input.recipientUnitId) issue('recipientUnitId', '请选择接收的主管部门');
    if (input.kind !== 'other' && input.recipientUnitId) issue('recipientUnitId', '只有其他问题移交给主管部门');
  });
export type HandoverCreate = z.infer<typeof HandoverCreate>;

export const HandoverAccept = z.object({ handlerName: optionalText('承办人', 50) });
export const HandoverReason = z.object({ reason: text('理由', 1000) });
export const HandoverProgress = z.object({
  disposition: disposition.schema.optional(),
  note: text('办理进展', 2000),
});
export type HandoverProgress = z.infer<typeof HandoverProgress>;
export const HandoverConclude = z.object({
  disposition: disposition.schema.optional(),
  summary: text('办理结果', 5000),
  measures: optionalText('处理措施', 5000),
  concludedOn: DateString,
  persons: z.array(HandoverPerson).max(50, { error: '一次最多填写 50 人' }).default([]),
});
export type HandoverConclude = z.infer<typeof HandoverConclude>;
