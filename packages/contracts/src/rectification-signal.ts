// 整改不实预警 (issue 9 §4, DOMAIN.md §6–§7): closed tasks whose closing looks thinner than a real 对账销号 —
// thin evidence, a burst of closings just before a deadline, or a 反弹 found at a 回访. The rules run in SQL
// over a committee's tasks (a scan) and leave one row per flagged task; the office checks each and marks it
// 已核实 (then issues a 督办单 or proposes 问责) or 已排除, with a note.
import { z } from 'zod';
import { AnalyticsFilter } from './analytics.ts';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { labelled } from './taxonomy.ts';

export const signalKind = labelled(['thin_evidence', 'bulk_close', 'rebound'], {
  thin_evidence: '佐证单薄',
  bulk_close: '突击销号',
  rebound: '回访反弹',
});
export type SignalKind = (typeof signalKind.codes)[number];

/** open: 待核实; confirmed/dismissed: the office's decision; cleared: a later scan no longer flags it (自动消除). */
export const signalStatus = labelled(['open', 'confirmed', 'dismissed', 'cleared'], {
  open: '待核实',
  confirmed: '已核实',
  dismissed: '已排除',
  cleared: '已消除',
});
export type SignalStatus = (typeof signalStatus.codes)[number];

/**
 * Thresholds of the rules. Constants rather than per-committee settings: they are a detection policy the office
 * reads in the rule explanations below (and the same in every committee makes signals comparable upward);
 * changing one changes the next scan.
 */
export const SIGNAL_RULES = {
  /** 佐证单薄: at most this many files … */
  thinMaxFiles: 2,
  /** … together smaller than this (KB), and no 制度/资金/人员 record among the evidence */
  thinMaxKb: 200,
  /** 佐证单薄: every piece uploaded within this many minutes before the last 申请销号 … */
  rushMinutes: 30,
  /** … of a task that had been open at least this many days */
  rushMinTaskDays: 30,
  /** 突击销号: a unit closing at least this many tasks of one rectification on one day … */
  bulkMinTasks: 5,
  /** … or at least this share of the rectification's tasks (and at least bulkMinTasksForShare) … */
  bulkMinShare: 0.5,
  bulkMinTasksForShare: 3,
  /** … within this many days before a deadline (the task's due date or the 集中整改期 end), the deadline day included */
  bulkWindowDays: 3,
} as const;

/** The rules in words, shown on the page beside the cards. */
export const signalRuleText: Record<SignalKind, string> = {
  thin_evidence: `已销号或阶段性完成的任务：无佐证材料；或仅有不超过 ${SIGNAL_RULES.thinMaxFiles} 个文件、合计不足 ${SIGNAL_RULES.thinMaxKb} KB 且无制度、资金、人员处理记录；或问题属“制度缺失”却无制度文件、涉及廉洁纪律却无挽回资金或人员处理佐证；或整改历时 ${SIGNAL_RULES.rushMinTaskDays} 天以上、佐证全部在申请销号前 ${SIGNAL_RULES.rushMinutes} 分钟内上传。`,
  bulk_close: `同一单位同一次整改在一天内销号不少于 ${SIGNAL_RULES.bulkMinTasks} 项（或不少于 ${SIGNAL_RULES.bulkMinTasksForShare} 项且占该单位整改任务的 ${SIGNAL_RULES.bulkMinShare * 100}% 以上），且该日在任务完成时限或集中整改期结束前 ${SIGNAL_RULES.bulkWindowDays} 天内（含当天）。`,
  rebound: '回访/回头看结果为“反弹”，或销号后被重新打开整改的任务。',
};

export const SignalFilter = AnalyticsFilter.extend({
  kind: signalKind.schema.optional(),
  unitId: Id.optional(),
  /** default: every signal not cleared */
  status: signalStatus.schema.optional(),
});
export type SignalFilter = z.infer<typeof SignalFilter>;

export const SIGNAL_SORTS = ['-closedAt', 'unitName', '-signals', 'dueDate'] as const;
export const SignalListQuery = PageQuery.extend(SignalFilter.shape).extend({
  sort: z.enum(SIGNAL_SORTS, { error: '排序方式不正确' }).default('-closedAt'),
});
export type SignalListQuery = z.infer<typeof SignalListQuery>;

export const SignalRow = z.object({
  taskId: z.string(),
  taskSeq: z.number(),
  taskTitle: z.string(),
  taskStatus: z.string(),
  findingTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  roundName: z.string().nullable(),
  rectificationId: z.string().nullable(),
  dueDate: z.string(),
  /** the Shanghai day of the 销号, null for 阶段性完成 or a reopened task */
  closedOn: z.string().nullable(),
  kinds: z.array(signalKind.schema),
  /** one sentence per rule that fired, in words */
  reasons: z.array(z.string()),
  status: signalStatus.schema,
  note: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: z.string().nullable(),
  detectedAt: z.string(),
  canHandle: z.boolean(),
});
export type SignalRow = z.infer<typeof SignalRow>;
export const SignalPage = pageOf(SignalRow);
export type SignalPage = z.infer<typeof SignalPage>;

export const SignalSummaryQuery = PageQuery.extend(AnalyticsFilter.shape);
export type SignalSummaryQuery = z.infer<typeof SignalSummaryQuery>;

export const SignalCounts = z.object({
  total: z.number(),
  thinEvidence: z.number(),
  bulkClose: z.number(),
  rebound: z.number(),
  open: z.number(),
  confirmed: z.number(),
  dismissed: z.number(),
});
export type SignalCounts = z.infer<typeof SignalCounts>;

export const SignalUnitRow = SignalCounts.extend({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
});
export type SignalUnitRow = z.infer<typeof SignalUnitRow>;

export const SignalSummary = z.object({
  committeeId: z.string(),
  totals: SignalCounts,
  units: pageOf(SignalUnitRow),
  lastScan: z
    .object({ scannedAt: z.string(), scannedByName: z.string().nullable(), flagged: z.number(), cleared: z.number() })
    .nullable(),
  canScan: z.boolean(),
});
export type SignalSummary = z.infer<typeof SignalSummary>;

export const SignalScanInput = z.object({ committeeId: Id.optional() });
export type SignalScanInput = z.infer<typeof SignalScanInput>;
export const SignalScanResult = z.object({ scannedAt: z.string(), flagged: z.number(), cleared: z.number() });
export type SignalScanResult = z.infer<typeof SignalScanResult>;

export const SignalHandleInput = z.object({
  decision: z.enum(['confirmed', 'dismissed'], { error: '请选择“已核实”或“排除”' }),
  note: text('核实情况说明', 500),
});
export type SignalHandleInput = z.infer<typeof SignalHandleInput>;
export const SignalTaskParams = z.object({ taskId: Id });
export const SignalHandleResult = z.object({
  taskId: z.string(),
  status: z.enum(['confirmed', 'dismissed']),
  note: z.string(),
  handledAt: z.string(),
});
export type SignalHandleResult = z.infer<typeof SignalHandleResult>;
