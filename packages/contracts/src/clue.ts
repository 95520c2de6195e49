// 问题线索 (DOMAIN.md §4–§5). Need-to-know: the content (subject person and post, allegation, evidence) is
// read only by the team leader, the 巡察办主任, the receiving 纪委监委 handlers after a handover and users
// granted one clue; the whistleblower only on request with a reason. Everyone else gets ClueCounts:
// numbers, never content. States: server/src/modules/clue/clue.status.ts.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, text } from './common.ts';
import { Sensitivity } from './sensitivity.ts';
import { ClueEvent, ClueStatus, HandoverStatus } from './statuses.ts';
import { clueCategory, clueSource, disposition } from './taxonomy-fieldwork.ts';

export const ClueCategoryCode = z.enum(clueCategory.codes, { error: '线索类别不正确' });
export const ClueSourceCode = z.enum(clueSource.codes, { error: '线索来源不正确' });
export type ClueCategoryCode = z.infer<typeof ClueCategoryCode>;
export type ClueSourceCode = z.infer<typeof ClueSourceCode>;

export const WhistleblowerInput = z.object({
  name: text('反映人姓名', 50),
  contact: optionalText('联系方式', 100),
  note: optionalText('反映人备注', 500),
});

export const ClueCreate = z.object({
  subjectName: text('被反映人姓名', 50),
  subjectPost: text('被反映人职务', 100),
  allegation: text('反映的主要问题', 10000),
  evidence: optionalText('证据材料', 10000),
  category: ClueCategoryCode,
  source: ClueSourceCode,
  receivedOn: DateString,
  /** a fieldwork record of the same inspection (the interview or petition it came from) */
  sourceRecordId: Id.optional(),
  whistleblower: WhistleblowerInput.optional(),
});
export type ClueCreate = z.infer<typeof ClueCreate>;

/** What the user may do with this clue now; the web shows only these buttons. */
export const ClueAbilities = z.object({
  verify: z.boolean(),
  shelve: z.boolean(),
  reopen: z.boolean(),
  grant: z.boolean(),
  revealWhistleblower: z.boolean(),
  /** sent to 纪委监委 through the handover module */
  handOver: z.boolean(),
});
export type ClueAbilities = z.infer<typeof ClueAbilities>;

/** The clue's live handover (a declined one is history), read from the handover table. */
export const ClueHandoverSummary = z.object({
  id: z.string(),
  status: HandoverStatus,
  recipientName: z.string(),
  disposition: disposition.schema.nullable(),
  concludedOn: z.string().nullable(),
});

const clueFields = {
  id: z.string(),
  /** 线索〔2026〕3-07: year and seq of the round, seq of the clue within its inspection */
  code: z.string(),
  inspectionId: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  seq: z.number(),
  status: ClueStatus,
  category: ClueCategoryCode,
  source: ClueSourceCode,
  receivedOn: z.string(),
  registeredByName: z.string(),
  createdAt: z.string(),
  subjectName: z.string(),
  subjectPost: z.string(),
  hasWhistleblower: z.boolean(),
  /** 敏感: content only to need-to-know readers; 内部/公开: also to the team (clue.count) */
  sensitivity: Sensitivity,
  sourceRecordId: z.string().nullable(),
  handover: ClueHandoverSummary.nullable(),
  abilities: ClueAbilities,
};

export const ClueListItem = z.object({ ...clueFields, allegationExcerpt: z.string() });
export type ClueListItem = z.infer<typeof ClueListItem>;
export const CluePage = pageOf(ClueListItem);

export const Clue = z.object({ ...clueFields, allegation: z.string(), evidence: z.string().nullable() });
export type Clue = z.infer<typeof Clue>;

export const ClueListQuery = PageQuery.extend({
  status: ClueStatus.optional(),
  category: ClueCategoryCode.optional(),
  inspectionId: Id.optional(),
  roundId: Id.optional(),
  /** searched in the opened subject name and allegation, over the readable rows only */
  q: optionalText('检索词', 50),
});
export type ClueListQuery = z.output<typeof ClueListQuery>;
/** The export has no keyword: search words could be names, and an export's filters go into the audit log. */
export const ClueExportQuery = ClueListQuery.omit({ q: true });

/** Numbers only: what users who may not read content see. */
export const ClueCounts = z.object({
  total: z.number(),
  handedOver: z.number(),
  byStatus: z.record(ClueStatus, z.number()),
  byCategory: z.record(ClueCategoryCode, z.number()),
});
export type ClueCounts = z.infer<typeof ClueCounts>;

export const ClueReason = z.object({ reason: text('理由', 500) });

export const ClueHistoryEntry = z.object({
  event: z.union([ClueEvent, z.literal('register')]),
  fromStatus: ClueStatus.nullable(),
  toStatus: ClueStatus,
  actorName: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});
export const ClueHistory = z.object({ items: z.array(ClueHistoryEntry) });
export type ClueHistoryEntry = z.infer<typeof ClueHistoryEntry>;

export const ClueGrantCreate = z.object({ userId: Id, reason: text('授权理由', 500) });
export type ClueGrantCreate = z.infer<typeof ClueGrantCreate>;
export const ClueGrantParams = z.object({ id: Id, grantId: Id });

export const ClueGrant = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  reason: z.string(),
  grantedByName: z.string(),
  grantedAt: z.string(),
  revokedByName: z.string().nullable(),
  revokedAt: z.string().nullable(),
  active: z.boolean(),
});
export type ClueGrant = z.infer<typeof ClueGrant>;
export const ClueGrantList = z.object({ items: z.array(ClueGrant) });

/** Members of the inspection's team who could be granted the clue. */
export const ClueGrantCandidate = z.object({ userId: z.string(), displayName: z.string(), role: z.string() });
export const ClueGrantCandidates = z.object({ items: z.array(ClueGrantCandidate) });

export const WhistleblowerRequest = z.object({
  reason: z
    .string({ error: '查看理由必须是文字' })
    .trim()
    .min(5, { error: '请填写查看理由（至少 5 个字）' })
    .max(500, { error: '查看理由不能超过 500 个字' }),
});
export const Whistleblower = z.object({
  name: z.string(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
});
export type Whistleblower = z.infer<typeof Whistleblower>;
