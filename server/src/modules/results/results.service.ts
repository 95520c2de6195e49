// 成果运用台账 use cases: read-only, so no transaction or audit here (the export is audited by the xlsx
// infrastructure); the ledger carries codes, dates and counts, never sensitive content.
import type {
  HandoverStage,
  RectificationState,
  ResultsLedgerFilter,
  ResultsLedgerQuery,
  ResultsLedgerRow,
  ResultsLedgerSummary,
} from '@xuncha/contracts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { pageResult } from '../../platform/http/paging.ts';
import { OPEN_HANDOVER_STATUSES } from '../handover/handover.status.ts';
import * as repo from './results.repository.ts';

function handoverStageOf(row: repo.LedgerRecord, today: string): HandoverStage {
  if (!row.handoverStatus) return 'none';
  if (!OPEN_HANDOVER_STATUSES.some((s) => s === row.handoverStatus)) return 'concluded';
  return (row.handoverDueDate as string) < today ? 'overdue' : 'open';
}

export function rectificationOf(counts: {
  taskCount: number;
  closedTaskCount: number;
  overdueTaskCount: number;
}): RectificationState {
  if (counts.taskCount === 0) return 'none';
  if (counts.overdueTaskCount > 0) return 'overdue';
  return counts.closedTaskCount === counts.taskCount ? 'done' : 'in_progress';
}

/** The same stages as the SQL filters in results.repository.ts, computed on a fetched row. */
export function presentLedgerRow(row: repo.LedgerRecord, today: string): ResultsLedgerRow {
  const stage = handoverStageOf(row, today);
  return {
    findingId: row.findingId,
    roundId: row.roundId,
    roundName: row.roundName,
    inspectionId: row.inspectionId,
    teamName: row.teamName,
    unitId: row.unitId,
    unitName: row.unitName,
    seq: row.seq,
    title: row.title,
    aspect: row.aspect as ResultsLedgerRow['aspect'],
    discipline: row.discipline as ResultsLedgerRow['discipline'],
    majorProblem: row.majorProblem as ResultsLedgerRow['majorProblem'],
    areas: row.areas as ResultsLedgerRow['areas'],
    isCommon: row.isCommon,
    eightRules: row.eightRules,
    immediate: row.immediate,
    reportStatus: row.reportStatus as ResultsLedgerRow['reportStatus'],
    reportApprovedOn: row.reportApprovedOn,
    fedBack: row.findingStatus === 'fed_back',
    feedbackDate: row.findingStatus === 'fed_back' ? row.feedbackDate : null,
    handoverStage: stage,
    handover: row.handoverId
      ? {
          id: row.handoverId,
          kind: row.handoverKind as NonNullable<ResultsLedgerRow['handover']>['kind'],
          recipientName: row.handoverRecipientName as string,
          status: row.handoverStatus as NonNullable<ResultsLedgerRow['handover']>['status'],
          sentOn: row.handoverSentOn as string,
          dueDate: row.handoverDueDate as string,
          overdue: stage === 'overdue',
          concludedOn: row.handoverConcludedOn,
          disposition: row.handoverDisposition as NonNullable<ResultsLedgerRow['handover']>['disposition'],
        }
      : null,
    taskCount: row.taskCount,
    closedTaskCount: row.closedTaskCount,
    overdueTaskCount: row.overdueTaskCount,
    immediateTaskCount: row.immediateTaskCount,
    supervisionCount: row.supervisionCount,
    openSupervisionCount: row.openSupervisionCount,
    rectification: rectificationOf(row),
  };
}

export async function listLedger(ctx: RequestContext, query: ResultsLedgerQuery) {
  const today = shanghaiToday(ctx.clock);
  const { items, total } = await repo.listLedger(ctx.db, ctx.user, query, today);
  return pageResult(
    items.map((row) => presentLedgerRow(row, today)),
    total,
    query,
  );
}

export function ledgerSummary(ctx: RequestContext, filter: ResultsLedgerFilter): Promise<ResultsLedgerSummary> {
  return repo.ledgerSummary(ctx.db, ctx.user, filter, shanghaiToday(ctx.clock));
}
