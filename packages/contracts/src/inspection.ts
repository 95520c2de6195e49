import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf, text } from './common.ts';
import { InspectionPhase } from './statuses.ts';
import { inspectionType } from './taxonomy.ts';

export const InspectionAbilities = z.object({
  station: z.boolean(),
  report: z.boolean(),
  createFinding: z.boolean(),
  issueFeedback: z.boolean(),
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
  teamName: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  feedbackDate: z.string().nullable(),
  selectionReason: z.string().nullable(),
  abilities: InspectionAbilities,
});
export type Inspection = z.infer<typeof Inspection>;
export const InspectionPage = pageOf(Inspection);

export const InspectionCreate = z
  .object({
    roundId: Id,
    unitId: Id,
    type: inspectionType.schema,
    teamName: text('巡察组名称', 50),
    teamLeaderId: Id,
    teamMemberIds: z.array(Id).max(30, { error: '组员最多 30 人' }).default([]),
    startDate: DateString,
    endDate: DateString,
    selectionReason: text('选定理由', 500),
  })
  .refine((r) => r.startDate <= r.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type InspectionCreate = z.infer<typeof InspectionCreate>;

export const InspectionListQuery = PageQuery.extend({
  roundId: Id.optional(),
  unitId: Id.optional(),
  phase: InspectionPhase.optional(),
});

export const FeedbackIssue = z.object({
  issuedOn: DateString,
  content: text('反馈意见', 20000),
});
export type FeedbackIssue = z.infer<typeof FeedbackIssue>;

/** Phase changes other than feedback (which has its own input). */
export const InspectionAdvance = z.object({ event: z.enum(['station', 'report'], { error: '操作不正确' }) });
