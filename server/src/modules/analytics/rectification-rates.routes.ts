// 整改成效 (analytics): the figures, the tasks behind each, and both as .xlsx.
import {
  ProgressTaskPage,
  RectificationRates,
  RectificationRatesQuery,
  RectificationTaskQuery,
  taskStatusLabel,
  unitKind,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './rectification-rates.service.ts';

const count = { type: 'number' as const };
const percent = { type: 'number' as const, width: 12 };
const UNIT_COLUMNS = [
  { header: '单位', key: 'unitName', width: 28 },
  { header: '单位类别', key: 'unitKind', labels: unitKind.labels },
  { header: '问题数', key: 'findings', ...count },
  { header: '任务数', key: 'tasks', ...count },
  { header: '已销号', key: 'closed', ...count },
  { header: '按期销号', key: 'closedOnTime', ...count },
  { header: '逾期', key: 'overdue', ...count },
  { header: '最长逾期天数', key: 'maxOverdueDays', ...count },
  { header: '曾被退回', key: 'returned', ...count },
  { header: '反弹', key: 'reopened', ...count },
  { header: '整改完成率(%)', key: 'rectificationPercent', ...percent },
  { header: '按期完成率(%)', key: 'onTimePercent', ...percent },
  { header: '退回率(%)', key: 'returnedPercent', ...percent },
  { header: '反弹率(%)', key: 'reboundPercent', ...percent },
];
const TASK_COLUMNS = [
  { header: '单位', key: 'unitName', width: 28 },
  { header: '问题', key: 'findingTitle', width: 36 },
  { header: '整改任务', key: 'title', width: 36 },
  { header: '责任人', key: 'ownerName' },
  { header: '完成时限', key: 'dueDate', type: 'date' as const },
  { header: '状态', key: 'status', labels: taskStatusLabel },
  { header: '逾期天数', key: 'overdueDays', ...count },
  { header: '退回次数', key: 'returnedCount', ...count },
  { header: '反弹次数', key: 'reopenedCount', ...count },
];

/** Rates as percentages with one decimal, blank when there is nothing to divide by. */
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function rectificationRateRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/analytics/rectification',
    {
      config: { permission: 'analytics.read' },
      schema: { querystring: RectificationRatesQuery, response: { 200: RectificationRates } },
    },
    (req) => service.rectificationRates(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/rectification/tasks',
    {
      config: { permission: 'analytics.read' },
      schema: { querystring: RectificationTaskQuery, response: { 200: ProgressTaskPage } },
    },
    (req) => service.rectificationTasks(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/analytics/rectification/export',
    permission: 'analytics.read',
    entity: 'analytics_rectification',
    querystring: RectificationRatesQuery,
    sheetName: '整改成效',
    fileName: '整改成效_按单位',
    columns: UNIT_COLUMNS,
    rows: async function* (ctx, query) {
      for (const row of await service.rectificationUnitsForExport(ctx, query)) {
        yield {
          ...row,
          rectificationPercent: pct(row.rectificationRate),
          onTimePercent: pct(row.onTimeRate),
          returnedPercent: pct(row.returnedRate),
          reboundPercent: pct(row.reboundRate),
        };
      }
    },
  });
  registerExport(app, deps, {
    path: '/api/analytics/rectification/tasks/export',
    permission: 'analytics.read',
    entity: 'analytics_rectification',
    querystring: RectificationTaskQuery,
    sheetName: '整改任务明细',
    fileName: '整改成效_任务明细',
    columns: TASK_COLUMNS,
    rows: (ctx, query) => service.rectificationTasksForExport(ctx, query),
  });
}
