// 整改方案审核 list as .xlsx: the same filters and scope as GET /api/rectification-plans, every row.
import { PlanListQuery, planStatusLabel } from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { planExportRows } from './plan-list.service.ts';

const PLAN_COLUMNS = [
  { header: '被巡察单位', key: 'unitName', width: 28 },
  { header: '巡察轮次', key: 'roundName', width: 28 },
  { header: '反馈日期', key: 'feedbackDate', type: 'date' as const },
  { header: '报送时限', key: 'dueDate', type: 'date' as const },
  { header: '状态', key: 'status', labels: planStatusLabel },
  { header: '当前版本', key: 'currentVersion', type: 'number' as const },
  { header: '退回次数', key: 'returnedCount', type: 'number' as const },
  { header: '是否逾期', key: 'overdue', type: 'bool' as const },
];

export function planExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/rectification-plans/export',
    permission: 'rectification.read',
    entity: 'rectification_plan',
    querystring: PlanListQuery,
    sheetName: '整改方案审核',
    fileName: '整改方案审核',
    columns: PLAN_COLUMNS,
    rows: (ctx, query) => planExportRows(ctx, query),
  });
}
