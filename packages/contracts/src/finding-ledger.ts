// 三张清单 (DOMAIN.md §6) as one ledger: 问题清单 (the finding and its ledger fields), 任务清单 (its tasks
// and measures) and 责任清单 (each task's leader, department, owner and time limit).
import { z } from 'zod';
import { Id, PageQuery, QueryBool } from './common.ts';
import { TaskStatus } from './statuses.ts';
import { findingCompletion } from './taxonomy-rectification.ts';

export const FindingLedgerInput = z
  .object({
    completion: findingCompletion.schema,
    ongoing: z.boolean({ error: '是否常态化坚持应为是或否' }),
    /** null: not yet known (the 集中整改期 has not ended) */
    doneInPeriod: z.boolean({ error: '是否集中整改期内完成应为是或否' }).nullable(),
    keyFocus: z.boolean({ error: '是否重点关注应为是或否' }),
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { error: '请至少修改一项' });
export type FindingLedgerInput = z.infer<typeof FindingLedgerInput>;

export const FindingLedger = z.object({
  findingId: z.string(),
  completion: findingCompletion.schema,
  ongoing: z.boolean(),
  doneInPeriod: z.boolean().nullable(),
  keyFocus: z.boolean(),
});
export type FindingLedger = z.infer<typeof FindingLedger>;

export const LedgerTask = z.object({
  id: z.string(),
  seq: z.number(),
  title: z.string(),
  measures: z.string(),
  responsibleLeader: z.string(),
  responsibleDepartment: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  longTerm: z.boolean(),
  status: TaskStatus,
  overdue: z.boolean(),
  nextCheckpoint: z.string().nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type LedgerTask = z.infer<typeof LedgerTask>;

/** One row per task; a finding without tasks yet gets one row with `task: null`. */
export const LedgerRow = z.object({
  findingId: z.string(),
  findingSeq: z.number(),
  findingTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  completion: findingCompletion.schema,
  ongoing: z.boolean(),
  doneInPeriod: z.boolean().nullable(),
  keyFocus: z.boolean(),
  findingAbilities: z.object({ ledger: z.boolean(), createTask: z.boolean() }),
  task: LedgerTask.nullable(),
});
export type LedgerRow = z.infer<typeof LedgerRow>;

export const LedgerQuery = PageQuery.extend({
  completion: findingCompletion.schema.optional(),
  keyFocus: QueryBool.optional(),
  /** only findings with at least one overdue task */
  overdue: QueryBool.optional(),
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/** Paginated by finding: `total` counts findings, `items` holds every task row of the page's findings. */
export const LedgerPage = z.object({
  items: z.array(LedgerRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type LedgerPage = z.infer<typeof LedgerPage>;

/** Committee-wide export for the office: optional filters. */
export const LedgerExportQuery = z.object({
  inspectionId: Id.optional(),
  unitId: Id.optional(),
});

/** `imported`: the rows read, as every import reports (the shared ImportModal shows it). */
export const LedgerImportResult = z.object({ imported: z.number(), created: z.number(), updated: z.number() });
export type LedgerImportResult = z.infer<typeof LedgerImportResult>;

// 粘贴导入: rows copied from Excel into the grid, sent as the cells' text. The server reads each cell with
// the .xlsx import's own rules (required, dates, 是/否, lengths) so both ways give the same messages.
const pastedCell = z.string({ error: '单元格内容应为文本' }).max(10000, { error: '单元格内容过长' }).default('');

/** One pasted line: 问题序号, 整改任务, 整改措施, 责任领导, 责任部门, 责任人 (name), 完成时限, 长期坚持 (是/否). */
export const LedgerPastedRow = z.object({
  findingSeq: pastedCell,
  title: pastedCell,
  measures: pastedCell,
  responsibleLeader: pastedCell,
  responsibleDepartment: pastedCell,
  ownerName: pastedCell,
  dueDate: pastedCell,
  longTerm: pastedCell,
});
export type LedgerPastedRow = z.infer<typeof LedgerPastedRow>;

export const LedgerRowsInput = z.object({
  rows: z
    .array(LedgerPastedRow)
    .min(1, { error: '请至少粘贴一行任务' })
    .max(500, { error: '一次最多粘贴 500 行，请分批粘贴' }),
  /** check every row and report, write nothing: the preview before the save */
  dryRun: z.boolean().default(false),
});
export type LedgerRowsInput = z.input<typeof LedgerRowsInput>;
