// 了解情况 (fieldwork, DOMAIN.md §4): one record per interview, meeting, document review, visit, survey,
// self-check or petition. Common fields plus `details` whose shape depends on the kind. The notes
// (`summary`) of a sensitive record and a petitioner's identity are sealed at rest; lists never carry them.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { documentCategory, type FieldworkKind, fieldworkKind, petitionChannel } from './taxonomy-fieldwork.ts';

export const FieldworkKindSchema = z.enum(fieldworkKind.codes, { error: '了解方式不正确' });

const StartTime = z
  .string({ error: '开始时间必须是文字' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '开始时间格式应为 HH:MM' });

function count(label: string, min: number) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(100000, { error: `${label}不能超过 100000` });
}

function list<T extends z.ZodType>(item: T, label: string, max: number) {
  return z
    .array(item, { error: `${label}格式不正确` })
    .min(1, { error: `请至少填写一项${label}` })
    .max(max, { error: `${label}最多 ${max} 项` });
}

export const InterviewDetails = z.object({
  interviewee: text('谈话对象', 50),
  intervieweePost: text('谈话对象职务', 100),
  interviewers: optionalText('谈话人', 200),
});

export const MeetingDetails = z.object({
  topic: text('座谈主题', 200),
  participantCount: count('参加人数', 1),
  participants: optionalText('参加人员', 2000),
});

export const ReviewedDocument = z.object({
  name: text('资料名称', 200),
  category: z.enum(documentCategory.codes, { error: '资料类别不正确' }),
  note: optionalText('备注', 500),
});
export const DocumentReviewDetails = z.object({ documents: list(ReviewedDocument, '调阅资料', 500) });

export const VisitDetails = z.object({
  target: text('走访对象', 200),
  people: optionalText('走访人员', 500),
});

export const SurveyItem = z.object({
  item: text('测评项目', 200),
  good: count('“好”票数', 0),
  fair: count('“较好”票数', 0),
  poor: count('“一般/差”票数', 0),
});
export const SurveyDetails = z
  .object({
    subject: text('测评主题', 200),
    participantCount: count('参加人数', 1),
    items: list(SurveyItem, '测评项目', 50),
  })
  .superRefine((survey, ctx) => {
    survey.items.forEach((row, i) => {
      if (row.good + row.fair + row.poor > survey.participantCount) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'poor'],
          message: `第 ${i + 1} 项的票数之和超过参加人数`,
        });
      }
    });
  });

export const SelfCheckDetails = z.object({
  problems: list(z.object({ title: text('自查问题', 500), measures: optionalText('整改措施', 2000) }), '自查问题', 200),
});

export const Petitioner = z.object({ name: text('反映人姓名', 50), contact: optionalText('联系方式', 100) });
export const PetitionDetails = z
  .object({
    channel: z.enum(petitionChannel.codes, { error: '来信来访方式不正确' }),
    anonymous: z.boolean({ error: '请选择是否匿名' }),
    petitioner: Petitioner.optional(),
    reflectedUnit: optionalText('被反映单位', 200),
  })
  .superRefine((petition, ctx) => {
    if (!petition.anonymous && !petition.petitioner) {
      ctx.addIssue({ code: 'custom', path: ['petitioner', 'name'], message: '实名反映须填写反映人姓名' });
    }
    if (petition.anonymous && petition.petitioner) {
      ctx.addIssue({ code: 'custom', path: ['petitioner'], message: '匿名反映不应填写反映人' });
    }
  });

/** The details schema of each kind (the server validates updates against the stored kind). */
export const fieldworkDetailsOf = {
  interview: InterviewDetails,
  meeting: MeetingDetails,
  document_review: DocumentReviewDetails,
  visit: VisitDetails,
  survey: SurveyDetails,
  self_check: SelfCheckDetails,
  petition: PetitionDetails,
} as const satisfies Record<FieldworkKind, z.ZodType>;

export type FieldworkDetailsOf = { [K in FieldworkKind]: z.infer<(typeof fieldworkDetailsOf)[K]> };
/** Details as lists show them: a petition without its petitioner. */
export type PublicPetitionDetails = Omit<FieldworkDetailsOf['petition'], 'petitioner'>;

const common = {
  title: text('标题', 200),
  occurredOn: DateString,
  startTime: StartTime.optional(),
  place: optionalText('地点', 200),
  summary: text('情况摘要', 20000),
  /** Defaults to SENSITIVE_BY_DEFAULT.has(kind) (谈话 and 来信来访 are sensitive unless said otherwise). */
  sensitive: z.boolean({ error: '敏感标记应为是或否' }).optional(),
};

function byKind<K extends FieldworkKind>(kind: K) {
  return z.object({ kind: z.literal(kind), ...common, details: fieldworkDetailsOf[kind] });
}

export const FieldworkCreate = z.discriminatedUnion(
  'kind',
  [
    byKind('interview'),
    byKind('meeting'),
    byKind('document_review'),
    byKind('visit'),
    byKind('survey'),
    byKind('self_check'),
    byKind('petition'),
  ],
  { error: '了解方式不正确' },
);
export type FieldworkCreate = z.infer<typeof FieldworkCreate>;

/** Changes to a record: the kind cannot change (it names which details apply); null clears time/place. */
function updateOf<K extends FieldworkKind>(kind: K) {
  return z.object({
    kind: z.literal(kind),
    title: common.title.optional(),
    occurredOn: DateString.optional(),
    startTime: StartTime.nullable().optional(),
    place: optionalText('地点', 200).nullable(),
    summary: common.summary.optional(),
    sensitive: common.sensitive,
    details: fieldworkDetailsOf[kind].optional(),
  });
}
export const FieldworkUpdate = z.discriminatedUnion(
  'kind',
  [
    updateOf('interview'),
    updateOf('meeting'),
    updateOf('document_review'),
    updateOf('visit'),
    updateOf('survey'),
    updateOf('self_check'),
    updateOf('petition'),
  ],
  { error: '了解方式不正确' },
);
export type FieldworkUpdate = z.infer<typeof FieldworkUpdate>;

export const FieldworkAbilities = z.object({ update: z.boolean(), readContent: z.boolean(), attach: z.boolean() });

export const FieldworkSummary = z.object({
  id: z.string(),
  seq: z.number(),
  inspectionId: z.string(),
  kind: FieldworkKindSchema,
  title: z.string(),
  occurredOn: z.string(),
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  sensitive: z.boolean(),
  /** null when the record is sensitive: lists never decrypt */
  summary: z.string().nullable(),
  /** kind-specific fields; a petition's petitioner is never here */
  details: z.record(z.string(), z.unknown()),
  attachmentCount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  abilities: FieldworkAbilities,
});
export type FieldworkSummary = z.infer<typeof FieldworkSummary>;
export const FieldworkPage = pageOf(FieldworkSummary);

export const FieldworkAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  size: z.number(),
  mime: z.string(),
  uploadedByName: z.string(),
  at: z.string(),
});
export type FieldworkAttachment = z.infer<typeof FieldworkAttachment>;

export const FieldworkDetail = FieldworkSummary.extend({
  /** decrypted for readers with fieldwork.read_sensitive (each read audited) */
  summary: z.string(),
  petitioner: Petitioner.nullable(),
  attachments: z.array(FieldworkAttachment),
});
export type FieldworkDetail = z.infer<typeof FieldworkDetail>;

export const FieldworkListQuery = PageQuery.extend({
  kind: FieldworkKindSchema.optional(),
  q: z.string().trim().max(100, { error: '搜索词不能超过 100 个字' }).optional(),
  dateFrom: DateString.optional(),
  dateTo: DateString.optional(),
  sensitive: QueryBool.optional(),
});
export type FieldworkListQuery = z.output<typeof FieldworkListQuery>;
/** The export takes the list's filters plus the inspection (registerExport has no path parameters). */
export const FieldworkExportQuery = FieldworkListQuery.extend({ inspectionId: Id });

export const FieldworkCounts = z.object({
  total: z.number(),
  sensitive: z.number(),
  byKind: z.record(FieldworkKindSchema, z.number()),
  /** kinds this user may register in this inspection now (empty: no 登记 button) */
  creatableKinds: z.array(FieldworkKindSchema),
});
export type FieldworkCounts = z.infer<typeof FieldworkCounts>;

/** 满意率 of survey votes: (好 + 较好) / all votes, null when nobody voted. */
export function satisfactionRate(votes: { good: number; fair: number; poor: number }[]): number | null {
  const sum = (pick: (v: { good: number; fair: number; poor: number }) => number) =>
    votes.reduce((n, v) => n + pick(v), 0);
  const all = sum((v) => v.good + v.fair + v.poor);
  return all === 0 ? null : sum((v) => v.good + v.fair) / all;
}

/** One line of what a record's details say, for tables and the ledger export (never the petitioner). */
export function describeFieldworkDetails(kind: FieldworkKind, raw: Record<string, unknown>): string {
  const d = raw;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (kind) {
    case 'interview':
      return `${str(d.interviewee)}（${str(d.intervieweePost)}）`;
    case 'meeting':
      return `${str(d.topic)}，${Number(d.participantCount ?? 0)} 人参加`;
    case 'document_review':
      return `调阅 ${Array.isArray(d.documents) ? d.documents.length : 0} 份资料`;
    case 'visit':
      return str(d.target);
    case 'survey': {
      const items = Array.isArray(d.items) ? (d.items as { good: number; fair: number; poor: number }[]) : [];
      const rate = satisfactionRate(items);
      return `${str(d.subject)}，${Number(d.participantCount ?? 0)} 人参加，满意率 ${rate === null ? '—' : `${(rate * 100).toFixed(1)}%`}`;
    }
    case 'self_check':
      return `自查问题 ${Array.isArray(d.problems) ? d.problems.length : 0} 个`;
    case 'petition': {
      const channel = petitionChannel.labels[d.channel as keyof typeof petitionChannel.labels] ?? '';
      const unit = str(d.reflectedUnit);
      return `${channel}${d.anonymous ? '（匿名）' : '（实名）'}${unit ? `，反映${unit}` : ''}`;
    }
  }
}
