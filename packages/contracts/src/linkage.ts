// 上下联动 in one deployment (DOMAIN.md §9, issue 9 deliverable 5): an upper committee's view of the
// committees below it (aggregates only), drill-down for those allowed, 指导意见 sent down and acknowledged,
// and 提级/交叉 inspections launched into a lower committee's area.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, text } from './common.ts';
import { FindingStatus, InspectionPhase } from './statuses.ts';
import { aspect, inspectionType } from './taxonomy.ts';

export const LinkageCommitteeQuery = PageQuery.extend({
  /** the upper committee looked from; default: the first committee where the user holds linkage.read */
  committeeId: Id.optional(),
});
export type LinkageCommitteeQuery = z.infer<typeof LinkageCommitteeQuery>;

const count = z.number().int();
/** 0–1, null when there is nothing to divide by */
const rate = z.number().nullable();

/** One committee's own figures (never rolled up: a row counts what that committee itself runs). */
export const LinkageCommitteeRow = z.object({
  committeeId: Id,
  name: z.string(),
  level: z.string(),
  parentId: Id.nullable(),
  /** 0 = the committee looked from, 1 = its children, … */
  depth: count,
  termPlanName: z.string().nullable(),
  /** included units of the term plan running today, and those inspected (进驻 reached) within it */
  unitsToCover: count,
  unitsCovered: count,
  coverageRate: rate,
  rounds: count,
  currentRoundName: z.string().nullable(),
  /** the least advanced phase among the current round's inspections */
  currentRoundPhase: InspectionPhase.nullable(),
  inspections: count,
  /** fed-back findings, and by 四个方面 */
  findings: count,
  findingsByAspect: z.record(z.enum(aspect.codes), count),
  tasks: count,
  tasksClosed: count,
  tasksOverdue: count,
  rectificationRate: rate,
  onTimeRate: rate,
  handoversSent: count,
  handoversWithResult: count,
  handoversOverdue: count,
});
export type LinkageCommitteeRow = z.infer<typeof LinkageCommitteeRow>;

export const LinkageCommitteesView = z.object({
  asOf: DateString,
  /** the committee looked from, for comparison */
  own: LinkageCommitteeRow,
  lower: pageOf(LinkageCommitteeRow),
  /** may the caller open a lower committee's rounds and findings (linkage.drill)? */
  mayDrill: z.boolean(),
  mayLaunch: z.boolean(),
});
export type LinkageCommitteesView = z.infer<typeof LinkageCommitteesView>;

// ── Drill-down (linkage.drill) ────────────────────────────────────────────────────────────────
export const LinkageInspectionQuery = PageQuery.extend({ roundId: Id.optional() });
export type LinkageInspectionQuery = z.infer<typeof LinkageInspectionQuery>;

export const LinkageInspectionRow = z.object({
  id: Id,
  roundId: Id,
  roundName: z.string(),
  unitName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
  teamName: z.string().nullable(),
  startDate: DateString,
  endDate: DateString,
  findings: count,
});
export type LinkageInspectionRow = z.infer<typeof LinkageInspectionRow>;
export const LinkageInspectionPage = pageOf(LinkageInspectionRow);

export const LinkageFindingQuery = PageQuery.extend({
  aspect: aspect.schema.optional(),
  inspectionId: Id.optional(),
});
export type LinkageFindingQuery = z.infer<typeof LinkageFindingQuery>;

export const LinkageFindingRow = z.object({
  id: Id,
  inspectionId: Id,
  unitName: z.string(),
  seq: count,
  /** null for a finding labelled 敏感: its title stays with the committee that holds it */
  title: z.string().nullable(),
  sensitive: z.boolean(),
  aspect: aspect.schema,
  discipline: z.string().nullable(),
  majorProblem: z.string().nullable(),
  powerType: z.string().nullable(),
  areas: z.array(z.string()),
  status: FindingStatus,
  tasks: count,
  tasksClosed: count,
});
export type LinkageFindingRow = z.infer<typeof LinkageFindingRow>;
export const LinkageFindingPage = pageOf(LinkageFindingRow);

// ── 指导意见 ───────────────────────────────────────────────────────────────────────────────────
export const GUIDANCE_STATUSES = ['draft', 'published'] as const;
export const guidanceStatusLabel: Record<(typeof GUIDANCE_STATUSES)[number], string> = {
  draft: '草稿',
  published: '已发布',
};
export const GUIDANCE_ACKS = ['read', 'acted'] as const;
export const GuidanceAckStatus = z.enum(GUIDANCE_ACKS, { error: '回执状态应为已阅或已落实' });
export type GuidanceAckStatus = z.infer<typeof GuidanceAckStatus>;
export const guidanceAckLabel: Record<GuidanceAckStatus, string> = { read: '已阅', acted: '已落实' };

const guidanceFields = {
  title: text('标题', 200),
  body: text('正文', 20000),
  docNo: optionalText('文号', 60),
  /** all committees below the publisher (fixed when published), or those chosen */
  targetAll: z.boolean({ error: '请选择下发范围' }),
  targetCommitteeIds: z.array(Id).max(500, { error: '一次最多选择 500 个党委' }).default([]),
};
const targetsChosen = (g: { targetAll?: boolean; targetCommitteeIds?: string[] }) =>
  g.targetAll !== false || (g.targetCommitteeIds?.length ?? 0) > 0;
const targetsError = { error: '请至少选择一个下级党委', path: ['targetCommitteeIds'] };

export const GuidanceCreate = z
  .object({ ...guidanceFields, committeeId: Id.optional() })
  .refine(targetsChosen, targetsError);
export type GuidanceCreate = z.infer<typeof GuidanceCreate>;
export const GuidanceUpdate = z.object(guidanceFields).refine(targetsChosen, targetsError);
export type GuidanceUpdate = z.infer<typeof GuidanceUpdate>;

export const GuidanceListQuery = PageQuery.extend({ committeeId: Id.optional() });
export type GuidanceListQuery = z.infer<typeof GuidanceListQuery>;

export const GuidanceSummary = z.object({
  id: Id,
  committeeId: Id,
  committeeName: z.string(),
  docNo: z.string().nullable(),
  title: z.string(),
  status: z.enum(GUIDANCE_STATUSES),
  targetAll: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  targets: count,
  read: count,
  acted: count,
});
export type GuidanceSummary = z.infer<typeof GuidanceSummary>;
export const GuidancePage = pageOf(GuidanceSummary);

export const GuidanceTarget = z.object({
  committeeId: Id,
  name: z.string(),
  ack: GuidanceAckStatus.nullable(),
  note: z.string().nullable(),
  ackBy: z.string().nullable(),
  ackAt: z.string().nullable(),
});
export const GuidanceDetail = GuidanceSummary.extend({ body: z.string(), targetList: z.array(GuidanceTarget) });
export type GuidanceDetail = z.infer<typeof GuidanceDetail>;

export const GuidanceReceived = z.object({
  id: Id,
  fromCommitteeName: z.string(),
  docNo: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  ack: GuidanceAckStatus.nullable(),
  note: z.string().nullable(),
});
export type GuidanceReceived = z.infer<typeof GuidanceReceived>;
export const GuidanceReceivedPage = pageOf(GuidanceReceived);

export const GuidanceAck = z.object({
  status: GuidanceAckStatus,
  note: optionalText('说明', 1000),
  /** the receiving committee; default: the first where the user holds guidance.read and is a target */
  committeeId: Id.optional(),
});
export type GuidanceAck = z.infer<typeof GuidanceAck>;

// ── 提级/交叉 ──────────────────────────────────────────────────────────────────────────────────
export const LinkageLaunch = z
  .object({
    roundId: Id,
    unitId: Id,
    type: z.enum(['elevated', 'cross'], { error: '只能发起提级巡察或交叉巡察' }),
    teamId: Id.optional(),
    startDate: DateString,
    endDate: DateString,
    selectionReason: text('选定理由', 500),
  })
  .refine((r) => r.startDate <= r.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type LinkageLaunch = z.infer<typeof LinkageLaunch>;

export const LinkageLaunchOptionsQuery = z.object({ committeeId: Id.optional() });
export const LinkageLaunchOptions = z.object({
  committeeId: Id,
  rounds: z.array(z.object({ id: Id, name: z.string(), startDate: DateString, endDate: DateString })),
  lowerCommittees: z.array(z.object({ id: Id, name: z.string(), level: z.string() })),
});
export type LinkageLaunchOptions = z.infer<typeof LinkageLaunchOptions>;

export const LinkageUnitQuery = PageQuery.extend({
  committeeId: Id.optional(),
  lowerCommitteeId: Id.optional(),
  q: z.string().trim().max(50, { error: '搜索词不能超过 50 个字' }).optional(),
});
export type LinkageUnitQuery = z.infer<typeof LinkageUnitQuery>;
export const LinkageUnit = z.object({
  id: Id,
  name: z.string(),
  kind: z.string(),
  committeeId: Id,
  committeeName: z.string(),
});
export type LinkageUnit = z.infer<typeof LinkageUnit>;
export const LinkageUnitPage = pageOf(LinkageUnit);

export const UpperInspectionQuery = PageQuery.extend({ committeeId: Id.optional() });
export type UpperInspectionQuery = z.infer<typeof UpperInspectionQuery>;
export const UpperInspectionRow = z.object({
  id: Id,
  fromCommitteeName: z.string(),
  roundName: z.string(),
  unitName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
  teamName: z.string().nullable(),
  startDate: DateString,
  endDate: DateString,
});
export type UpperInspectionRow = z.infer<typeof UpperInspectionRow>;
export const UpperInspectionPage = pageOf(UpperInspectionRow);
