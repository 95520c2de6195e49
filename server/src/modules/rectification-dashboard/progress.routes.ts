// 整改进度 (office dashboard), its drill-down and export, and 本单位整改 (the unit liaison's view).
import {
  MyUnitView,
  ProgressDashboard,
  ProgressQuery,
  ProgressTaskPage,
  ProgressTaskQuery,
  unitKind,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './progress.service.ts';

const percent = { type: 'number' as const, width: 12 };
const PROGRESS_COLUMNS = [
  { header: '单位', key: 'unitName', width: 28 },
  { header: '单位类别', key: 'unitKind', labels: unitKind.labels },
  { header: '问题数', key: 'findings', type: 'number' as const },
  { header: '任务数', key: 'tasks', type: 'number' as const },
  { header: '已销号', key: 'closed', type: 'number' as const },
  { header: '阶段性完成', key: 'partlyClosed', type: 'number' as const },
  { header: '按期销号', key: 'closedOnTime', type: 'number' as const },
  { header: '逾期', key: 'overdue', type: 'number' as const },
  { header: '最长逾期天数', key: 'maxOverdueDays', type: 'number' as const },
  { header: '曾被退回', key: 'returned', type: 'number' as const },
  { header: '反弹', key: 'reopened', type: 'number' as const },
  { header: '整改完成率(%)', key: 'rectificationPercent', ...percent },
  { header: '按期完成率(%)', key: 'onTimePercent', ...percent },
  { header: '退回率(%)', key: 'returnedPercent', ...percent },
  { header: '反弹率(%)', key: 'reboundPercent', ...percent },
];

/** Rates as percentages with one decimal, blank when there is nothing to divide by. */
const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function progressRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/rectification-progress',
    {
      config: { permission: 'rectification.read' },
      schema: { querystring: ProgressQuery, response: { 200: ProgressDashboard } },
    },
    (req) => service.progressDashboard(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/rectification-progress/tasks',
    {
      config: { permission: 'rectification.read' },
      schema: { querystring: ProgressTaskQuery, response: { 200: ProgressTaskPage } },
    },
    (req) => service.progressTasks(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/my-unit/rectification',
    { config: { permission: 'rectification.read' }, schema: { response: { 200: MyUnitView } } },
    (req) => service.myUnitView(contextOf(deps, req)),
  );
  registerExport(app, deps, {
    path: '/api/rectification-progress/export',
    permission: 'rectification.read',
    entity: 'rectification_progress',
    querystring: ProgressQuery,
    sheetName: '整改进度',
    fileName: '整改进度',
    columns: PROGRESS_COLUMNS,
    rows: async function* (ctx, query) {
      for (const row of await service.progressUnitsForExport(ctx, query)) {
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
}
