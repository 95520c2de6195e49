// 整改台账 export: the ledger's columns, the same filters and scope as GET /api/tasks, every row.
import { TaskListQuery, taskStatusLabel } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { type TaskLedgerRow, taskExportBatch } from './task.repository.ts';

export const TASK_LEDGER_COLUMNS = [
  { header: '单位', key: 'unitName', width: 24 },
  { header: '问题', key: 'findingTitle', width: 36 },
  { header: '任务', key: 'title', width: 36 },
  { header: '整改措施', key: 'measures', width: 48 },
  { header: '责任领导', key: 'responsibleLeader', width: 12 },
  { header: '责任部门', key: 'responsibleDepartment', width: 16 },
  { header: '责任人', key: 'ownerName', width: 12 },
  { header: '完成时限', key: 'dueDate', type: 'date' as const },
  { header: '状态', key: 'status', labels: taskStatusLabel },
  { header: '是否逾期', key: 'overdue', type: 'bool' as const },
];

// Each batch pays a round trip, planning and a hash of the committee's units; 5,000 rows (a few MB)
// make that 20 times for a 100,000-row ledger instead of 100.
const EXPORT_BATCH_ROWS = 5000;

export function taskExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/tasks/export',
    permission: 'task.read',
    querystring: TaskListQuery,
    sheetName: '整改台账',
    fileName: '整改台账',
    columns: TASK_LEDGER_COLUMNS,
    rows: (ctx, query) => {
      // one date for the whole export, so "overdue" cannot change between batches at midnight
      const today = shanghaiToday(ctx.clock);
      return exportBatches<TaskLedgerRow>(
        ({ after, limit }) => taskExportBatch(ctx.db, ctx.user, query, today, { after, limit }),
        EXPORT_BATCH_ROWS,
      );
    },
  });
}
