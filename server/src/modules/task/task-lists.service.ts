// 三张清单 as one ledger: a page of fed-back findings (问题清单) and, for each, its tasks (任务清单) with
// their responsibility fields (责任清单). Paged by finding, so a finding's tasks never split across pages.
import type { LedgerPage, LedgerQuery, LedgerRow, TaskStatus } from '@xuncha/contracts';
import { can } from '../../access/scope.ts';
import type { SessionUser } from '../../access/session-user.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import {
  type LedgerFilter,
  type LedgerFindingRow,
  ledgerFindingsBatch,
  ledgerFindingsPage,
} from '../finding/finding-ledger.repository.ts';
import { findingLedgerAbilities } from '../finding/finding-ledger.service.ts';
import { loadInspection } from '../inspection/inspection.service.ts';
import { acceptsEdits } from './task.status.ts';
import { type LedgerTaskRow, tasksOfFindings } from './task-edit.repository.ts';

function presentTask(user: SessionUser, t: LedgerTaskRow): NonNullable<LedgerRow['task']> {
  const { findingId: _f, committeeId, unitId: _u, unitPath, inspectionId, ...rest } = t;
  const scope = { committeeId, unitPath, inspectionId, ownerUserId: t.ownerUserId };
  return {
    ...rest,
    status: t.status as TaskStatus,
    abilities: { update: acceptsEdits(t.status as TaskStatus) && can(user, 'task.update', scope) },
  };
}

/** Flattens findings and their tasks into ledger rows; a finding without tasks keeps one row. */
export async function ledgerRows(db: Db, user: SessionUser, findings: LedgerFindingRow[], today: string) {
  const tasks = await tasksOfFindings(
    db,
    user,
    findings.map((f) => f.findingId),
    today,
  );
  const byFinding = new Map<string, LedgerTaskRow[]>();
  for (const t of tasks) byFinding.set(t.findingId, [...(byFinding.get(t.findingId) ?? []), t]);
  const rows: LedgerRow[] = [];
  for (const f of findings) {
    const base = {
      findingId: f.findingId,
      findingSeq: f.findingSeq,
      findingTitle: f.findingTitle,
      unitId: f.unitId,
      unitName: f.unitName,
      completion: f.completion as LedgerRow['completion'],
      ongoing: f.ongoing,
      doneInPeriod: f.doneInPeriod,
      keyFocus: f.keyFocus,
      findingAbilities: findingLedgerAbilities(user, f),
    };
    const own = byFinding.get(f.findingId) ?? [];
    if (own.length === 0) rows.push({ ...base, task: null });
    for (const t of own) rows.push({ ...base, task: presentTask(user, t) });
  }
  return rows;
}

export async function listLedger(ctx: RequestContext, inspectionId: string, query: LedgerQuery): Promise<LedgerPage> {
  await loadInspection(ctx.db, ctx.user, inspectionId);
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await ledgerFindingsPage(ctx.db, ctx.user, { ...query, inspectionId }, today);
  return { items: await ledgerRows(ctx.db, ctx.user, items, today), total, page: query.page, pageSize: query.pageSize };
}

const EXPORT_BATCH_FINDINGS = 500;

/** Every ledger row the user may see under `filter`, in ledger order, a batch of findings at a time. */
export async function* ledgerExportRows(ctx: RequestContext, filter: LedgerFilter) {
  // one date for the whole export, so "overdue" cannot change between batches at midnight
  const today = shanghaiToday(ctx.clock);
  if (filter.inspectionId) await loadInspection(ctx.db, ctx.user, filter.inspectionId);
  for (let offset = 0; ; offset += EXPORT_BATCH_FINDINGS) {
    const findings = await ledgerFindingsBatch(ctx.db, ctx.user, filter, today, {
      offset,
      limit: EXPORT_BATCH_FINDINGS,
    });
    for (const row of await ledgerRows(ctx.db, ctx.user, findings, today)) yield flatten(row);
    if (findings.length < EXPORT_BATCH_FINDINGS) return;
  }
}

/** One sheet row: the finding's columns and its task's, side by side. */
function flatten(row: LedgerRow) {
  const { task, findingAbilities: _a, ...finding } = row;
  return {
    ...finding,
    taskSeq: task?.seq ?? null,
    title: task?.title ?? null,
    measures: task?.measures ?? null,
    responsibleLeader: task?.responsibleLeader ?? null,
    responsibleDepartment: task?.responsibleDepartment ?? null,
    ownerName: task?.ownerName ?? null,
    dueDate: task?.dueDate ?? null,
    longTerm: task ? task.longTerm : null,
    status: task?.status ?? null,
    overdue: task ? task.overdue : null,
    nextCheckpoint: task?.nextCheckpoint ?? null,
  };
}
