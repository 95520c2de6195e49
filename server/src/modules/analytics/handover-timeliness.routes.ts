// 移交办理 timeliness (analytics): the figures per recipient and kind, the handovers behind each, the export.
// The rows are handover metadata only (no clue content): the confidentiality rule of DOMAIN.md §4.
import {
  AnalyticsFilter,
  HandoverRowPage,
  HandoverRowQuery,
  HandoverTimeliness,
  handoverKind,
  handoverRecipient,
  handoverStatusLabel,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './handover-timeliness.service.ts';

const HANDOVER_COLUMNS = [
  { header: '编号', key: 'code', width: 18 },
  { header: '被巡察单位', key: 'unitName', width: 28 },
  { header: '移交类别', key: 'kind', labels: handoverKind.labels },
  { header: '接收方', key: 'recipient', labels: handoverRecipient.labels },
  { header: '接收单位', key: 'recipientName', width: 24 },
  { header: '移交日期', key: 'sentOn', type: 'date' as const },
  { header: '办理时限', key: 'dueDate', type: 'date' as const },
  { header: '办结日期', key: 'concludedOn', type: 'date' as const },
  { header: '状态', key: 'status', labels: handoverStatusLabel },
  { header: '超期天数', key: 'overdueDays', type: 'number' as const },
];

export function handoverTimelinessRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/analytics/handovers',
    {
      config: { permission: 'analytics.read' },
      schema: { querystring: AnalyticsFilter, response: { 200: HandoverTimeliness } },
    },
    (req) => service.handoverTimeliness(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/handovers/rows',
    {
      config: { permission: 'analytics.read' },
      schema: { querystring: HandoverRowQuery, response: { 200: HandoverRowPage } },
    },
    (req) => service.handoverList(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/analytics/handovers/rows/export',
    permission: 'analytics.read',
    entity: 'analytics_handover',
    querystring: HandoverRowQuery,
    sheetName: '移交办理明细',
    fileName: '移交办理明细',
    columns: HANDOVER_COLUMNS,
    watermark: true,
    rows: (ctx, query) => service.handoversForExport(ctx, query),
  });
}
