// 巡察安排表: the inspection list as .xlsx, same filters and scope, every row.
import { InspectionListQuery, inspectionPhaseLabel, inspectionType } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { listInspections } from './inspection.repository.ts';

export function inspectionExport(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/inspections/export',
    permission: 'inspection.read',
    querystring: InspectionListQuery,
    sheetName: '巡察安排',
    fileName: '巡察安排表',
    columns: [
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '被巡察单位', key: 'unitName', width: 28 },
      { header: '巡察类型', key: 'type', labels: inspectionType.labels },
      { header: '巡察组', key: 'teamName', width: 18 },
      { header: '阶段', key: 'phase', labels: inspectionPhaseLabel },
      { header: '开始日期', key: 'startDate', type: 'date' },
      { header: '结束日期', key: 'endDate', type: 'date' },
      { header: '反馈日期', key: 'feedbackDate', type: 'date' },
      { header: '选定理由', key: 'selectionReason', width: 40 },
    ],
    rows: (ctx, query) =>
      exportBatches(async ({ offset, limit }) => {
        const page = await listInspections(ctx.db, ctx.user, { ...query, page: offset / limit + 1, pageSize: limit });
        return page.items;
      }),
  });
}
