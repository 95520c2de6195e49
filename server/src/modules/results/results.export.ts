// 成果运用台账 export: the ledger's filters and scope, every row, the chain spelled out in Chinese columns.
import {
  area,
  aspect,
  discipline,
  dispositionShort,
  handoverKind,
  handoverStage,
  handoverStatusLabel,
  majorProblem,
  ResultsLedgerQuery,
  rectificationState,
  reportStatusLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { type LedgerRecord, ledgerExportBatch } from './results.repository.ts';
import { presentLedgerRow } from './results.service.ts';

const LEDGER_COLUMNS = [
  { header: '巡察轮次', key: 'roundName', width: 24 },
  { header: '被巡察单位', key: 'unitName', width: 24 },
  { header: '巡察组', key: 'teamName', width: 16 },
  { header: '序号', key: 'seq', type: 'number' as const, width: 8 },
  { header: '问题', key: 'title', width: 40 },
  { header: '四个方面', key: 'aspect', labels: aspect.labels, width: 20 },
  { header: '六项纪律', key: 'discipline', labels: discipline.labels },
  { header: '三大问题', key: 'majorProblem', labels: majorProblem.labels, width: 18 },
  { header: '领域', key: 'areas', labels: area.labels, width: 24 },
  { header: '共性问题', key: 'isCommon', type: 'bool' as const },
  { header: '违反中央八项规定精神', key: 'eightRules', type: 'bool' as const },
  { header: '立行立改', key: 'immediate', type: 'bool' as const },
  { header: '巡察报告', key: 'reportStatus', labels: reportStatusLabel },
  { header: '报告审定日期', key: 'reportApprovedOn', type: 'date' as const },
  { header: '反馈日期', key: 'feedbackDate', type: 'date' as const },
  { header: '移交情况', key: 'handoverStage', labels: handoverStage.labels },
  { header: '移交类别', key: 'handoverKind', labels: handoverKind.labels },
  { header: '移交对象', key: 'handoverRecipient', width: 16 },
  { header: '移交状态', key: 'handoverStatus', labels: handoverStatusLabel },
  { header: '反馈时限', key: 'handoverDueDate', type: 'date' as const },
  { header: '办结日期', key: 'handoverConcludedOn', type: 'date' as const },
  { header: '处置结果', key: 'disposition', labels: dispositionShort },
  { header: '督办单', key: 'supervisionCount', type: 'number' as const },
  { header: '未办结督办单', key: 'openSupervisionCount', type: 'number' as const },
  { header: '整改任务数', key: 'taskCount', type: 'number' as const },
  { header: '已销号', key: 'closedTaskCount', type: 'number' as const },
  { header: '逾期任务', key: 'overdueTaskCount', type: 'number' as const },
  { header: '立行立改任务', key: 'immediateTaskCount', type: 'number' as const },
  { header: '整改情况', key: 'rectification', labels: rectificationState.labels },
];

const EXPORT_BATCH_ROWS = 2000;

export function resultsExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/results-ledger/export',
    permission: 'results.read',
    querystring: ResultsLedgerQuery,
    sheetName: '成果运用台账',
    fileName: '成果运用台账',
    columns: LEDGER_COLUMNS,
    rows: async function* (ctx, query) {
      // one date for the whole export, so "overdue" cannot change between batches at midnight
      const today = shanghaiToday(ctx.clock);
      const batches = exportBatches<LedgerRecord>(
        ({ offset, limit }) => ledgerExportBatch(ctx.db, ctx.user, query, today, { offset, limit }),
        EXPORT_BATCH_ROWS,
      );
      for await (const record of batches) {
        const row = presentLedgerRow(record, today);
        yield {
          ...row,
          handoverKind: row.handover?.kind,
          handoverRecipient: row.handover?.recipientName,
          handoverStatus: row.handover?.status,
          handoverDueDate: row.handover?.dueDate,
          handoverConcludedOn: row.handover?.concludedOn,
          disposition: row.handover?.disposition,
        };
      }
    },
  });
}
