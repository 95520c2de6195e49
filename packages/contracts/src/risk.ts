// 风险排序 (issue 9 deliverable 3, DOMAIN.md §3 and §8): which units of a committee the next round should
// look at first. Each factor is a 0–100 value with a fixed, documented formula (RISK_FORMULA), the score is
// their weighted mean, and every row carries the inputs, so the page, the export and the planning page can
// say in words why a unit scores as it does (explainRisk). Weights are per committee, versioned, never deleted.
import { z } from 'zod';
import { AnalyticsFilter } from './analytics.ts';
import { Id, optionalText, PageQuery, pageOf, QueryBool } from './common.ts';
import { unitKind, villageClass } from './taxonomy.ts';

export const RISK_FACTORS = ['since', 'findings', 'clues', 'rectification', 'integrity', 'attention'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];
export const riskFactorLabel: Record<RiskFactor, string> = {
  since: '距上次巡察',
  findings: '问题历史',
  clues: '线索历史',
  rectification: '整改表现',
  integrity: '廉政风险属性',
  attention: '社会关注',
};
/** How each factor's 0–100 value is computed (shown on the page; the SQL in risk.repository.ts follows it). */
export const RISK_FORMULA: Record<RiskFactor, string> = {
  since: '从未巡察 = 100；否则 距上次巡察天数 ÷ 1825 × 100（满 5 年 = 100）',
  findings: '(已反馈问题数 + 其中八项规定/廉洁纪律/重点关注问题数) × 10，最高 100',
  clues: '问题线索数 × 20，最高 100（只计数量，不涉内容）',
  rectification: '(0.3×未销号 + 0.3×逾期 + 0.2×曾退回 + 0.2×反弹) ÷ 整改任务数 × 100；无任务 = 0',
  integrity:
    '资金量每 1000 万元 3 分（最高 30）+ 工程项目每个 2 分（最高 20）+ 审批权 15 + 执法权 15 + 重点村 20 / 关注村 10',
  attention: '社会关注度 × 12 + 来信来访件数 × 10（最高 40）',
};

export type RiskWeightValues = Record<RiskFactor, number>;
export const DEFAULT_RISK_WEIGHTS: RiskWeightValues = {
  since: 25,
  findings: 20,
  clues: 15,
  rectification: 15,
  integrity: 15,
  attention: 10,
};

const weight = z
  .number({ error: '权重必须是数字' })
  .int({ error: '权重必须是整数' })
  .min(0, { error: '权重应在 0–100 之间' })
  .max(100, { error: '权重应在 0–100 之间' });
const notAllZero = (w: RiskWeightValues) => RISK_FACTORS.some((f) => w[f] > 0);
const ALL_ZERO = '权重不能全部为 0';

export const RiskWeightValues = z
  .object({
    since: weight,
    findings: weight,
    clues: weight,
    rectification: weight,
    integrity: weight,
    attention: weight,
  })
  .refine(notAllZero, { error: ALL_ZERO });

export const RiskWeightsQuery = z.object({ committeeId: Id.optional() });
export type RiskWeightsQuery = z.infer<typeof RiskWeightsQuery>;

/** One version of a committee's weights; version 0 is the built-in default (never stored). */
export const RiskWeightsEntry = z.object({
  version: z.number(),
  weights: RiskWeightValues,
  setAt: z.string().nullable(),
  setByName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type RiskWeightsEntry = z.infer<typeof RiskWeightsEntry>;

export const RiskWeightsView = RiskWeightsEntry.extend({
  committeeId: Id,
  isDefault: z.boolean(),
  canConfigure: z.boolean(),
});
export type RiskWeightsView = z.infer<typeof RiskWeightsView>;

/** `version`: the version the editor started from; someone else saving in between → 409. */
export const RiskWeightsUpdate = z.object({
  committeeId: Id.optional(),
  version: z.number({ error: '版本号必须是数字' }).int().min(0, { error: '版本号不正确' }),
  weights: RiskWeightValues,
  reason: optionalText('调整说明', 500),
});
export type RiskWeightsUpdate = z.infer<typeof RiskWeightsUpdate>;

export const RiskWeightHistoryQuery = PageQuery.extend(RiskWeightsQuery.shape);
export type RiskWeightHistoryQuery = z.infer<typeof RiskWeightHistoryQuery>;
export const RiskWeightHistoryPage = pageOf(RiskWeightsEntry);

export const RISK_SORTS = ['-score', 'score', 'unitName', ...RISK_FACTORS.map((f) => `-${f}` as const)] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

const previewWeight = z.coerce
  .number({ error: '权重必须是数字' })
  .int({ error: '权重必须是整数' })
  .min(0, { error: '权重应在 0–100 之间' })
  .max(100, { error: '权重应在 0–100 之间' })
  .optional();

/** Filter of the ranking; `w*` preview unsaved weights (a missing one keeps the committee's current value). */
export const RiskRankingFilter = AnalyticsFilter.extend({
  sort: z.enum(RISK_SORTS, { error: '排序方式不正确' }).default('-score'),
  /** leave out units covered or scheduled in the term (the term plan given, else the one containing today) */
  uncoveredInTerm: QueryBool.optional(),
  wSince: previewWeight,
  wFindings: previewWeight,
  wClues: previewWeight,
  wRectification: previewWeight,
  wIntegrity: previewWeight,
  wAttention: previewWeight,
});
export const RiskRankingQuery = PageQuery.extend(RiskRankingFilter.shape);
export type RiskRankingQuery = z.infer<typeof RiskRankingQuery>;
export type RiskRankingFilter = z.infer<typeof RiskRankingFilter>;
export const RISK_PREVIEW_PARAMS: Record<RiskFactor, keyof RiskRankingFilter> = {
  since: 'wSince',
  findings: 'wFindings',
  clues: 'wClues',
  rectification: 'wRectification',
  integrity: 'wIntegrity',
  attention: 'wAttention',
};

/** What the factors are computed from; null = not visible to this user (clue/petition counts) or not recorded. */
export const RiskInputs = z.object({
  lastInspectedOn: z.string().nullable(),
  daysSince: z.number().nullable(),
  findings: z.number(),
  keyFindings: z.number(),
  clues: z.number().nullable(),
  tasks: z.number(),
  openTasks: z.number(),
  overdueTasks: z.number(),
  returnedTasks: z.number(),
  reopenedTasks: z.number(),
  fundVolume: z.number().nullable(),
  projectCount: z.number().nullable(),
  approvalPower: z.boolean(),
  enforcementPower: z.boolean(),
  villageClass: z.enum(villageClass.codes).nullable(),
  socialAttention: z.number().nullable(),
  petitions: z.number().nullable(),
});
export type RiskInputs = z.infer<typeof RiskInputs>;

const FactorValue = z.object({ value: z.number(), contribution: z.number() });
export const RiskRankingRow = z.object({
  unitId: Id,
  unitName: z.string(),
  unitKind: z.enum(unitKind.codes),
  rank: z.number(),
  score: z.number(),
  factors: z.object({
    since: FactorValue,
    findings: FactorValue,
    clues: FactorValue,
    rectification: FactorValue,
    integrity: FactorValue,
    attention: FactorValue,
  }),
  inputs: RiskInputs,
});
export type RiskRankingRow = z.infer<typeof RiskRankingRow>;

export const RiskRankingPage = pageOf(RiskRankingRow).extend({
  committeeId: Id,
  weights: RiskWeightValues,
  weightsVersion: z.number(),
  /** the weights are a preview from the query, not the saved ones */
  preview: z.boolean(),
  term: z.object({ id: Id, name: z.string() }).nullable(),
  clueCountsVisible: z.boolean(),
  petitionCountsVisible: z.boolean(),
});
export type RiskRankingPage = z.infer<typeof RiskRankingPage>;

export interface RiskExplanation {
  factor: RiskFactor;
  label: string;
  text: string;
  contribution: number;
}

const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function factorText(factor: RiskFactor, i: RiskInputs): string {
  switch (factor) {
    case 'since':
      return i.daysSince === null
        ? '从未巡察'
        : `距上次巡察 ${one(i.daysSince / 365)} 年（${i.lastInspectedOn ?? ''}）`;
    case 'findings':
      return i.findings === 0
        ? '无已反馈问题'
        : `已反馈问题 ${i.findings} 个，其中八项规定/廉洁/重点关注 ${i.keyFindings} 个`;
    case 'clues':
      if (i.clues === null) return '无权查看线索数量，此项不计分';
      return i.clues === 0 ? '无问题线索' : `问题线索 ${i.clues} 件`;
    case 'rectification':
      return i.tasks === 0
        ? '无整改任务'
        : `整改任务 ${i.tasks} 项：未销号 ${i.openTasks}、逾期 ${i.overdueTasks}、曾退回 ${i.returnedTasks}、反弹 ${i.reopenedTasks}`;
    case 'integrity': {
      const parts = [
        i.fundVolume ? `资金量 ${i.fundVolume} 万元` : null,
        i.projectCount ? `工程项目 ${i.projectCount} 个` : null,
        i.approvalPower ? '有审批权' : null,
        i.enforcementPower ? '有执法权' : null,
        i.villageClass === 'key' ? '重点村' : i.villageClass === 'attention' ? '关注村' : null,
      ].filter((p) => p !== null);
      return parts.length === 0 ? '无廉政风险属性记录' : parts.join('、');
    }
    case 'attention': {
      const level = i.socialAttention === null ? '社会关注度未填' : `社会关注度 ${i.socialAttention}/5`;
      return i.petitions === null ? level : `${level}、来信来访 ${i.petitions} 件`;
    }
  }
}

/** Each factor in words with its weighted contribution, largest contribution first. */
export function explainRisk(row: Pick<RiskRankingRow, 'factors' | 'inputs'>): RiskExplanation[] {
  return RISK_FACTORS.map((factor) => ({
    factor,
    label: riskFactorLabel[factor],
    text: factorText(factor, row.inputs),
    contribution: row.factors[factor].contribution,
  })).sort((a, b) => b.contribution - a.contribution);
}

/** 选定理由 from the ranking (≤ 500 characters, the inspection's limit): the factors that add to the score. */
export function riskSelectionReason(row: Pick<RiskRankingRow, 'rank' | 'score' | 'factors' | 'inputs'>): string {
  const reasons = explainRisk(row)
    .filter((e) => e.contribution > 0)
    .map((e) => `${e.text}（+${one(e.contribution)}）`);
  return `风险排序第 ${row.rank} 名，风险分 ${one(row.score)}：${reasons.join('；')}`.slice(0, 500);
}
