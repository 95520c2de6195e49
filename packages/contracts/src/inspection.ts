import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { InspectionEvent, InspectionPhase } from './statuses.ts';
import { inspectionType } from './taxonomy.ts';

/** What the user may do to this inspection now; the web shows only these buttons. */
export const InspectionAbilities = z.object({
  station: z.boolean(),
  investigate: z.boolean(),
  report: z.boolean(),
  issueFeedback: z.boolean(),
  rectify: z.boolean(),
  evaluate: z.boolean(),
  archive: z.boolean(),
  createFinding: z.boolean(),
  update: z.boolean(),
});

export const Inspection = z.object({
  id: z.string(),
  committeeId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  feedbackDate: z.string().nullable(),
  selectionReason: z.string().nullable(),
  previousInspectionId: z.string().nullable(),
  abilities: InspectionAbilities,
});
export type Inspection = z.infer<typeof Inspection>;
export const InspectionPage = pageOf(Inspection);

/** One step in the phase history: who moved it, when. */
export const InspectionHistoryEntry = z.object({
  event: z.union([InspectionEvent, z.literal('create')]),
  fromPhase: InspectionPhase.nullable(),
  toPhase: InspectionPhase,
  actorName: z.string().nullable(),
  at: z.string(),
});

/** An inspection linked by 回头看 (the earlier one, or the later revisits of it). */
export const LinkedInspection = z.object({
  id: z.string(),
  roundName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
  startDate: z.string(),
});

export const InspectionDetail = Inspection.extend({
  history: z.array(InspectionHistoryEntry),
  previousInspection: LinkedInspection.nullable(),
  revisits: z.array(LinkedInspection),
});
export type InspectionDetail = z.infer<typeof InspectionDetail>;

/** A leader's exception to a 回避 conflict, with the reason kept on record. */
export const AvoidanceOverride = z.object({ reason: text('例外批准理由', 500) });

const dateRange = <T extends { startDate: string; endDate: string }>(r: T) => r.startDate <= r.endDate;
const rangeError = { error: '结束日期不能早于开始日期', path: ['endDate'] };

export const InspectionCreate = z
  .object({
    roundId: Id,
    unitId: Id,
    type: inspectionType.schema,
    teamId: Id.optional(),
    previousInspectionId: Id.optional(),
    startDate: DateString,
    endDate: DateString,
    selectionReason: text('选定理由', 500),
    override: AvoidanceOverride.optional(),
  })
  .refine(dateRange, rangeError)
  .refine((r) => r.type !== 'lookback' || r.previousInspectionId, {
    error: '巡察“回头看”须选择此前的巡察',
    path: ['previousInspectionId'],
  });
export type InspectionCreate = z.infer<typeof InspectionCreate>;

/** 一托N: one team, many units of the round, all or nothing. */
export const InspectionBatchCreate = z
  .object({
    teamId: Id,
    type: z.enum(['regular', 'special', 'mobile', 'village'], { error: '批量安排只支持常规、专项、机动和村(居)巡察' }),
    unitIds: z.array(Id).min(1, { error: '请至少选择一个单位' }).max(200, { error: '一次最多安排 200 个单位' }),
    startDate: DateString,
    endDate: DateString,
    selectionReason: text('选定理由', 500),
    override: AvoidanceOverride.optional(),
  })
  .refine(dateRange, rangeError);
export type InspectionBatchCreate = z.infer<typeof InspectionBatchCreate>;
export const InspectionBatchResult = z.object({ items: z.array(Inspection) });

export const InspectionUpdate = z
  .object({
    startDate: DateString.optional(),
    endDate: DateString.optional(),
    selectionReason: text('选定理由', 500).optional(),
    teamId: Id.nullable().optional(),
    override: AvoidanceOverride.optional(),
  })
  .refine((r) => !r.startDate || !r.endDate || r.startDate <= r.endDate, rangeError);
export type InspectionUpdate = z.infer<typeof InspectionUpdate>;

export const InspectionListQuery = PageQuery.extend({
  roundId: Id.optional(),
  unitId: Id.optional(),
  teamId: Id.optional(),
  phase: InspectionPhase.optional(),
  type: inspectionType.schema.optional(),
});

/** Issuing needs an approved 巡察报告; without `content` the latest 反馈意见 draft version is issued. */
export const FeedbackIssue = z.object({
  issuedOn: DateString,
  content: text('反馈意见', 100000).optional(),
  /** the meeting decision (同意反馈) it follows, if recorded */
  decisionId: Id.optional(),
});
export type FeedbackIssue = z.infer<typeof FeedbackIssue>;

/** Every phase change except feedback, which has its own input. */
export const ADVANCE_EVENTS = ['station', 'investigate', 'report', 'rectify', 'evaluate', 'archive'] as const;
export type AdvanceEvent = (typeof ADVANCE_EVENTS)[number];
export const InspectionAdvance = z.object({ event: z.enum(ADVANCE_EVENTS, { error: '操作不正确' }) });

/** The unit picker of a round: units that may be targets of this type (提级/交叉 reach lower committees). */
export const CandidateUnitQuery = PageQuery.extend({
  type: inspectionType.schema,
  q: z.string().trim().max(50, { error: '搜索词不超过 50 个字' }).optional(),
  /** 村/社区 only, for 一托N of villages */
  villagesOnly: QueryBool.optional(),
});
export const CandidateUnit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  committeeId: z.string(),
  committeeName: z.string(),
});
export const CandidateUnitPage = pageOf(CandidateUnit);
