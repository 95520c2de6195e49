// 统计分析 (issue 9, DOMAIN.md §8): the filter every dashboard, drill-down and export of a committee shares.
// A figure is computed in SQL over the rows the filter selects; its drill-down lists exactly those rows.
import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.ts';
import { unitKind } from './taxonomy.ts';

export const AnalyticsFilter = z.object({
  /** the committee looked at; default: the first committee the user reads analytics in */
  committeeId: Id.optional(),
  /** 届: inspections whose 进驻 (start date) falls within the term plan's period */
  termPlanId: Id.optional(),
  roundId: Id.optional(),
  unitKind: z.enum(unitKind.codes, { error: '单位类别不正确' }).optional(),
  /** 区域: a unit and everything under it (a township and its villages, a department and its units) */
  areaUnitId: Id.optional(),
});
export type AnalyticsFilter = z.infer<typeof AnalyticsFilter>;

/** A figure per category code; `code` null = 未分类 (the finding left that classification empty). */
export const CategoryCount = z.object({ code: z.string().nullable(), count: z.number() });
export type CategoryCount = z.infer<typeof CategoryCount>;

/** 问题分析: findings of the committee by taxonomy, unit kind and unit (top units), and the flags. */
export const FindingsSummary = z.object({
  total: z.number(),
  common: z.number(),
  individual: z.number(),
  eightRules: z.number(),
  immediate: z.number(),
  sensitive: z.number(),
  aspect: z.array(CategoryCount),
  discipline: z.array(CategoryCount),
  majorProblem: z.array(CategoryCount),
  focus: z.array(CategoryCount),
  powerType: z.array(CategoryCount),
  area: z.array(CategoryCount),
  unitKind: z.array(CategoryCount),
  topUnits: z.array(z.object({ unitId: Id, unitName: z.string(), unitKind: z.string(), count: z.number() })),
});
export type FindingsSummary = z.infer<typeof FindingsSummary>;

/** What a drill-down of 问题分析 selects: a classification (with `value`) or a flag (without). */
export const FINDING_DIMENSIONS = [
  'all',
  'aspect',
  'discipline',
  'majorProblem',
  'focus',
  'powerType',
  'area',
  'unitKind',
  'unit',
  'common',
  'individual',
  'eightRules',
  'immediate',
  'sensitive',
] as const;
export type FindingDimension = (typeof FINDING_DIMENSIONS)[number];
/** `value` of a classification left empty (未分类). */
export const UNCLASSIFIED = 'none';

export const FindingDrillQuery = AnalyticsFilter.extend(PageQuery.shape).extend({
  dimension: z.enum(FINDING_DIMENSIONS, { error: '统计维度不正确' }),
  value: z.string({ error: '统计项必须是文字' }).max(64, { error: '统计项不正确' }).optional(),
});
export type FindingDrillQuery = z.infer<typeof FindingDrillQuery>;

export const FindingDrillRow = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  roundName: z.string(),
  inspectionId: Id,
  seq: z.number(),
  /** null when the finding is 敏感 and the user may not read it: counted, never shown */
  title: z.string().nullable(),
  aspect: z.string(),
  discipline: z.string().nullable(),
  majorProblem: z.string().nullable(),
  powerType: z.string().nullable(),
  areas: z.array(z.string()),
  isCommon: z.boolean(),
  eightRules: z.boolean(),
  immediate: z.boolean(),
  status: z.string(),
  sensitivity: z.string(),
});
export type FindingDrillRow = z.infer<typeof FindingDrillRow>;
export const FindingDrillPage = pageOf(FindingDrillRow);

/** 成果运用: what rectification and handover produced, over the inspections the filter selects. */
export const OutcomesSummary = z.object({
  /** 挽回/追缴资金 (元) on verified tasks (销号 or 阶段性完成) */
  money: z.object({ amount: z.number(), evidenceCount: z.number(), taskCount: z.number() }),
  /** 建章立制: 制度文件 evidence on verified tasks */
  institutions: z.object({ count: z.number(), taskCount: z.number() }),
  /** 人员处理 evidence on verified tasks: people the unit dealt with itself, not added to the 形态 figures */
  evidencePersons: z.object({ persons: z.number(), evidenceCount: z.number() }),
  /** 四种形态: people in the current handover results (one row per person), by form '1'…'4' */
  forms: z.array(z.object({ code: z.string(), count: z.number() })),
  formsTotal: z.number(),
  /** money by unit kind (元), for the chart */
  moneyByUnitKind: z.array(z.object({ code: z.string(), amount: z.number() })),
});
export type OutcomesSummary = z.infer<typeof OutcomesSummary>;

export const OUTCOME_EVIDENCE_KINDS = ['money', 'institution', 'person'] as const;
export const OutcomeEvidenceQuery = AnalyticsFilter.extend(PageQuery.shape).extend({
  kind: z.enum(OUTCOME_EVIDENCE_KINDS, { error: '成果类别不正确' }),
  /** money drill of one bar of the by-unit-kind chart */
  byUnitKind: z.enum(unitKind.codes, { error: '单位类别不正确' }).optional(),
});
export type OutcomeEvidenceQuery = z.infer<typeof OutcomeEvidenceQuery>;

export const OutcomeEvidenceRow = z.object({
  id: Id,
  taskId: Id,
  taskTitle: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  kind: z.string(),
  description: z.string(),
  amount: z.number().nullable(),
  institutionName: z.string().nullable(),
  institutionDocNo: z.string().nullable(),
  institutionDate: z.string().nullable(),
  personsCount: z.number().nullable(),
  taskStatus: z.string(),
  at: z.string(),
});
export type OutcomeEvidenceRow = z.infer<typeof OutcomeEvidenceRow>;
export const OutcomeEvidencePage = pageOf(OutcomeEvidenceRow);

export const OutcomePersonQuery = AnalyticsFilter.extend(PageQuery.shape).extend({
  form: z.enum(['1', '2', '3', '4'], { error: '形态不正确' }).optional(),
});
export type OutcomePersonQuery = z.infer<typeof OutcomePersonQuery>;

/** One person handled in a handover result: no name (names stay sealed in the handover). */
export const OutcomePersonRow = z.object({
  /** handover id and the person's number in its result */
  id: z.string(),
  handoverId: Id,
  seq: z.number(),
  unitName: z.string(),
  roundName: z.string(),
  handoverYear: z.number(),
  handoverSeq: z.number(),
  handoverKind: z.string(),
  recipientName: z.string(),
  form: z.string(),
  decidedOn: z.string().nullable(),
});
export type OutcomePersonRow = z.infer<typeof OutcomePersonRow>;
export const OutcomePersonPage = pageOf(OutcomePersonRow);
