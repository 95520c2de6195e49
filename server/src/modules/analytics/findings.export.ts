// 问题分析 drill-down as .xlsx: exactly the rows of GET /api/analytics/findings for the same query, streamed in
// batches, watermarked (finding titles are internal), audited as analytics.export by registerExport.
import {
  area,
  aspect,
  discipline,
  FindingDrillQuery,
  findingStatusLabel,
  majorProblem,
  powerType,
  sensitivityLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import type { DrillRow } from './findings.repository.ts';
import { findingDrillRows } from './findings.service.ts';

const COLUMNS = [
  { header: '巡察轮次', key: 'roundName', width: 24 },
  { header: '被巡察单位', key: 'unitName', width: 24 },
  { header: '序号', key: 'seq', type: 'number' as const, width: 8 },
  { header: '问题', key: 'title', width: 40 },
  { header: '四个方面', key: 'aspect', labels: aspect.labels, width: 20 },
  { header: '六项纪律', key: 'discipline', labels: discipline.labels },
  { header: '三大问题', key: 'majorProblem', labels: majorProblem.labels, width: 18 },
  { header: '权力类型', key: 'powerType', labels: powerType.labels },
  { header: '领域', key: 'areas', labels: area.labels, width: 24 },
  { header: '共性问题', key: 'isCommon', type: 'bool' as const },
  { header: '违反中央八项规定精神', key: 'eightRules', type: 'bool' as const },
  { header: '立行立改', key: 'immediate', type: 'bool' as const },
  { header: '密级', key: 'sensitivity', labels: sensitivityLabel },
  { header: '状态', key: 'status', labels: findingStatusLabel },
];

const BATCH = 2000;

export function findingsExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/analytics/findings/export',
    permission: 'analytics.read',
    entity: 'analytics',
    querystring: FindingDrillQuery,
    sheetName: '问题分析明细',
    fileName: '问题分析明细',
    columns: COLUMNS,
    watermark: true,
    rows: async function* (ctx, query) {
      const rows = await findingDrillRows(ctx, query);
      for await (const row of exportBatches<DrillRow>(({ offset, limit }) => rows.page({ offset, limit }), BATCH)) {
        yield { ...row, title: row.title ?? '（敏感问题，无权查看）' };
      }
    },
  });
}
