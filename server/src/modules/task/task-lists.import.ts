// Import of the 三张清单 for one inspection: a row with 任务序号 updates that task, a row without one but
// with 整改任务 creates a task under the finding, and the finding's ledger fields are taken from its rows.
// Every row is checked against the database first; one error anywhere and nothing is written.
// The rows pasted into the grid (task-lists.rows.ts) go through the same checks, as new tasks only.
import type { FieldError, FindingLedgerInput, LedgerImportResult, TaskStatus, TaskUpdate } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import { type ImportRow, importInvalid } from '../../documents/xlsx/import.ts';
import { writeAudit } from '../../platform/audit.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { type LedgerFindingRow, ledgerFindingsOfInspection } from '../finding/finding-ledger.repository.ts';
import { findingLedgerAbilities, writeFindingLedger } from '../finding/finding-ledger.service.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { peopleOfUnitTree } from '../org/org.repository.ts';
import * as repo from './task.repository.ts';
import { taskScope } from './task.service.ts';
import { acceptsEdits } from './task.status.ts';
import { writeTaskChanges } from './task-edit.service.ts';
import { cellPath } from './task-lists.spec.ts';

/** How the rows are read: the .xlsx import (defaults) or the rows pasted into the grid. */
export interface LedgerImportOptions {
  /** false: the rows carry no 台账 columns (and no 任务序号); every row is a new task */
  ledgerColumns: boolean;
  /** where an error points: `三张清单!H7` in the file, `rows.6.dueDate` in pasted rows */
  pathOf: (key: string, rowNumber: number) => string;
  /** check only, write nothing */
  dryRun: boolean;
}
const XLSX_IMPORT: LedgerImportOptions = { ledgerColumns: true, pathOf: cellPath, dryRun: false };

type Plan = {
  ledger: Map<string, { finding: LedgerFindingRow; changes: FindingLedgerInput }>;
  updates: { task: repo.TaskRow; changes: TaskUpdate }[];
  creates: { finding: LedgerFindingRow; task: Required<TaskUpdate> }[];
};

const TASK_FIELDS = [
  'title',
  'measures',
  'responsibleLeader',
  'responsibleDepartment',
  'ownerName',
  'dueDate',
] as const;
const TASK_LABELS: Record<(typeof TASK_FIELDS)[number], string> = {
  title: '整改任务',
  measures: '整改措施',
  responsibleLeader: '责任领导',
  responsibleDepartment: '责任部门',
  ownerName: '责任人',
  dueDate: '完成时限',
};

function changed<T extends object>(current: T, wanted: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => v !== undefined && current[k as keyof T] !== v),
  ) as Partial<T>;
}

class Planner {
  readonly errors: FieldError[] = [];
  readonly plan: Plan = { ledger: new Map(), updates: [], creates: [] };
  private readonly seenTasks = new Map<string, number>();
  private readonly ledgerRow = new Map<string, number>();

  private readonly tx: Tx;
  private readonly ctx: RequestContext;
  private readonly findings: Map<number, LedgerFindingRow>;
  private readonly people: Map<string, string[]>;
  private readonly options: LedgerImportOptions;

  constructor(
    tx: Tx,
    ctx: RequestContext,
    findings: Map<number, LedgerFindingRow>,
    people: Map<string, string[]>,
    options: LedgerImportOptions,
  ) {
    this.tx = tx;
    this.ctx = ctx;
    this.findings = findings;
    this.people = people;
    this.options = options;
  }

  private fail(key: string, row: ImportRow, message: string) {
    this.errors.push({ path: this.options.pathOf(key, row.rowNumber), message });
  }

  private owner(row: ImportRow): string | null {
    const ids = this.people.get(String(row.ownerName));
    if (!ids?.length) this.fail('ownerName', row, `责任人“${row.ownerName}”不是本单位人员`);
    else if (ids.length > 1)
      this.fail('ownerName', row, `本单位有 ${ids.length} 位“${row.ownerName}”，请在系统中逐条指定`);
    return ids?.length === 1 ? (ids[0] ?? null) : null;
  }

  async check(row: ImportRow) {
    const finding = this.findings.get(Number(row.findingSeq));
    if (!finding) return this.fail('findingSeq', row, `本次巡察没有已反馈的第 ${row.findingSeq} 号问题`);
    // a pasted row is always a task; a file row may carry only the finding's 台账 columns
    if (this.options.ledgerColumns) this.checkLedger(row, finding);
    const hasTask = !this.options.ledgerColumns || TASK_FIELDS.some((k) => row[k] !== null) || row.taskSeq !== null;
    if (!hasTask) return;
    const missing = TASK_FIELDS.filter((k) => row[k] === null);
    for (const k of missing) this.fail(k, row, `“${TASK_LABELS[k]}”为必填项`);
    if (missing.length) return;
    const ownerUserId = this.owner(row);
    if (!ownerUserId) return;
    const wanted = {
      title: String(row.title),
      measures: String(row.measures),
      responsibleLeader: String(row.responsibleLeader),
      responsibleDepartment: String(row.responsibleDepartment),
      ownerUserId,
      dueDate: String(row.dueDate),
      longTerm: row.longTerm === true,
    };
    if (row.taskSeq === null || row.taskSeq === undefined) return this.checkCreate(row, finding, wanted);
    await this.checkUpdate(row, finding, wanted);
  }

  private checkLedger(row: ImportRow, finding: LedgerFindingRow) {
    const wanted: FindingLedgerInput = {
      completion: row.completion as FindingLedgerInput['completion'],
      ongoing: row.ongoing === true,
      doneInPeriod: row.doneInPeriod === null ? null : row.doneInPeriod === true,
      keyFocus: row.keyFocus === true,
    };
    const first = this.ledgerRow.get(finding.findingId);
    const earlier = this.plan.ledger.get(finding.findingId);
    if (first !== undefined && earlier) {
      const again = { ...finding, ...earlier.changes };
      if (Object.keys(changed(again, wanted)).length) {
        this.fail('completion', row, `第 ${finding.findingSeq} 号问题的台账信息与第 ${first} 行不一致`);
      }
      return;
    }
    this.ledgerRow.set(finding.findingId, row.rowNumber);
    const changes = changed(finding as FindingLedgerInput, wanted);
    if (Object.keys(changes).length && !findingLedgerAbilities(this.ctx.user, finding).ledger) {
      this.fail('completion', row, `无权修改第 ${finding.findingSeq} 号问题的台账信息`);
    }
    this.plan.ledger.set(finding.findingId, { finding, changes });
  }

  private checkDue(row: ImportRow, dueDate: string, current?: string) {
    if (dueDate !== current && dueDate < shanghaiToday(this.ctx.clock))
      this.fail('dueDate', row, '完成时限不能早于今天');
  }

  private checkCreate(row: ImportRow, finding: LedgerFindingRow, task: Required<TaskUpdate>) {
    if (!findingLedgerAbilities(this.ctx.user, finding).createTask) {
      return this.fail('title', row, `无权为第 ${finding.findingSeq} 号问题分解整改任务`);
    }
    this.checkDue(row, task.dueDate);
    this.plan.creates.push({ finding, task });
  }

  private async checkUpdate(row: ImportRow, finding: LedgerFindingRow, wanted: Required<TaskUpdate>) {
    const key = `${finding.findingId}:${row.taskSeq}`;
    const earlier = this.seenTasks.get(key);
    if (earlier !== undefined) return this.fail('taskSeq', row, `与第 ${earlier} 行是同一项任务`);
    this.seenTasks.set(key, row.rowNumber);
    const found = await this.tx
      .selectFrom('task')
      .select('id')
      .where('finding_id', '=', finding.findingId)
      .where('seq', '=', Number(row.taskSeq))
      .executeTakeFirst();
    const task = found && (await repo.findTask(this.tx, this.ctx.user, found.id, shanghaiToday(this.ctx.clock)));
    if (!task) return this.fail('taskSeq', row, `第 ${finding.findingSeq} 号问题没有第 ${row.taskSeq} 项任务`);
    const changes = changed(task as Required<TaskUpdate>, wanted);
    if (!Object.keys(changes).length) return;
    if (!can(this.ctx.user, 'task.update', taskScope(task))) return this.fail('taskSeq', row, '无权编辑该整改任务');
    if (!acceptsEdits(task.status as TaskStatus)) return this.fail('taskSeq', row, '任务已销号，不能修改');
    if (changes.dueDate) this.checkDue(row, changes.dueDate, task.dueDate);
    this.plan.updates.push({ task, changes });
  }
}

export async function importLedger(
  tx: Tx,
  ctx: RequestContext,
  inspectionId: string,
  rows: ImportRow[],
  options: LedgerImportOptions = XLSX_IMPORT,
): Promise<LedgerImportResult> {
  const inspection = await loadInspection(tx, ctx.user, inspectionId);
  const today = shanghaiToday(ctx.clock);
  const findings = await ledgerFindingsOfInspection(tx, ctx.user, inspectionId, today);
  // as for one task (POST /api/findings/:id/tasks): nothing to split before the feedback
  if (!options.ledgerColumns && findings.length === 0) throw conflict('本次巡察尚未反馈问题，不能分解整改任务');
  const people = new Map<string, string[]>();
  for (const p of await peopleOfUnitTree(tx, inspection.unitPath)) {
    people.set(p.displayName, [...(people.get(p.displayName) ?? []), p.id]);
  }
  const planner = new Planner(tx, ctx, new Map(findings.map((f) => [f.findingSeq, f])), people, options);
  for (const row of rows) await planner.check(row);
  if (planner.errors.length) {
    const what = options.ledgerColumns ? '导入文件' : '粘贴的内容';
    throw importInvalid(
      `${what}有 ${planner.errors.length} 处错误，请修改后重新导入；本次未导入任何数据`,
      planner.errors.slice(0, 500),
    );
  }
  if (options.dryRun)
    return { imported: 0, created: planner.plan.creates.length, updated: planner.plan.updates.length };
  return apply(tx, ctx, planner.plan);
}

async function apply(tx: Tx, ctx: RequestContext, plan: Plan): Promise<LedgerImportResult> {
  for (const { finding, changes } of plan.ledger.values()) {
    if (!Object.keys(changes).length) continue;
    const { before, after } = await writeFindingLedger(tx, ctx, finding.findingId, changes);
    await writeAudit(tx, ctx.actor, {
      action: 'finding.ledger',
      entity: 'finding',
      entityId: finding.findingId,
      before,
      after,
    });
  }
  for (const { task, changes } of plan.updates) await writeTaskChanges(tx, ctx, task, changes);
  const at = ctx.clock.now().toISOString();
  for (const { finding, task } of plan.creates) {
    await repo.lockFinding(tx, finding.findingId);
    const id = await repo.insertTask(tx, {
      ...task,
      committeeId: finding.committeeId,
      unitId: finding.unitId,
      inspectionId: finding.inspectionId,
      findingId: finding.findingId,
    });
    await repo.ensureOwnerRole(tx, task.ownerUserId);
    await repo.insertEvent(tx, {
      taskId: id,
      event: 'create',
      from: null,
      to: 'open',
      actorId: ctx.user.id,
      reason: null,
      at,
    });
    await writeAudit(tx, ctx.actor, { action: 'task.create', entity: 'task', entityId: id, after: task });
  }
  return { imported: 0, created: plan.creates.length, updated: plan.updates.length };
}
