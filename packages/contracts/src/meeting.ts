// 领导小组会议 / 书记专题会 that hear a report (DOMAIN.md §5, issue 5 item 6): who attended and what was
// decided. A decision to approve or return a report applies that step to the report when recorded;
// handover and feedback decisions are referenced by the handover and by the feedback step.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, text } from './common.ts';
import { decisionKind, meetingKind } from './taxonomy-fieldwork.ts';

/** Decisions that need an inspection: they are about its report, its feedback or its handovers. */
export const DECISIONS_ABOUT_AN_INSPECTION: ReadonlySet<string> = new Set([
  'approve_report',
  'return_report',
  'handover',
  'feedback',
]);

const name = text('姓名', 50);

export const MeetingDecisionInput = z
  .object({
    kind: decisionKind.schema,
    inspectionId: Id.optional(),
    content: text('决定内容', 2000),
  })
  .refine((d) => d.inspectionId !== undefined || !DECISIONS_ABOUT_AN_INSPECTION.has(d.kind), {
    error: '该类决定须选择所涉巡察',
    path: ['inspectionId'],
  });

export const MeetingCreate = z.object({
  /** needed only by a user who records meetings for more than one committee */
  committeeId: Id.optional(),
  kind: meetingKind.schema,
  title: text('会议名称', 200),
  heldOn: DateString,
  place: optionalText('会议地点', 200),
  host: text('主持人', 50),
  attendees: z.array(name).min(1, { error: '请填写出席人员' }).max(100, { error: '出席人员最多 100 人' }),
  absentees: z.array(name).max(100, { error: '缺席人员最多 100 人' }).default([]),
  recorder: optionalText('记录人', 50),
  summary: optionalText('会议纪要', 20000),
  decisions: z
    .array(MeetingDecisionInput)
    .min(1, { error: '请至少填写一项会议决定' })
    .max(50, { error: '会议决定最多 50 项' }),
});
export type MeetingCreate = z.infer<typeof MeetingCreate>;

export const MeetingDecision = z.object({
  id: z.string(),
  meetingId: z.string(),
  seq: z.number(),
  kind: decisionKind.schema,
  inspectionId: z.string().nullable(),
  /** 被巡察单位 of that inspection */
  unitName: z.string().nullable(),
  content: z.string(),
});
export type MeetingDecision = z.infer<typeof MeetingDecision>;

export const Meeting = z.object({
  id: z.string(),
  committeeId: z.string(),
  kind: meetingKind.schema,
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  host: z.string(),
  attendees: z.array(z.string()),
  absentees: z.array(z.string()),
  recorder: z.string().nullable(),
  summary: z.string().nullable(),
  decisionCount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingPage = pageOf(Meeting);
export const MeetingDetail = Meeting.extend({ decisions: z.array(MeetingDecision) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingListQuery = PageQuery.extend({
  kind: meetingKind.schema.optional(),
  from: DateString.optional(),
  to: DateString.optional(),
  inspectionId: Id.optional(),
});
export type MeetingListQuery = z.output<typeof MeetingListQuery>;

/** The decisions about one inspection, newest meeting first (pickers of the report, feedback and handover). */
export const InspectionDecision = MeetingDecision.extend({
  meetingTitle: z.string(),
  meetingKind: meetingKind.schema,
  heldOn: z.string(),
});
export type InspectionDecision = z.infer<typeof InspectionDecision>;
export const InspectionDecisionList = z.object({ items: z.array(InspectionDecision) });
