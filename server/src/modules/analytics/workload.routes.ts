// 工作量 (analytics): per 巡察组 and per cadre, the inspections behind each, and the exports.
import {
  AnalyticsFilter,
  CadreWorkloadPage,
  teamPostLabel,
  unitKind,
  Workload,
  WorkloadInspectionPage,
  WorkloadInspectionQuery,
  WorkloadQuery,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './workload.service.ts';

const n = { type: 'number' as const };
const TEAM_COLUMNS = [
  { header: '巡察组', key: 'teamName', width: 24 },
  { header: '轮次', key: 'roundName', width: 24 },
  { header: '巡察单位次数', key: 'inspections', ...n },
  { header: '覆盖单位数', key: 'units', ...n },
  { header: '在驻天数', key: 'days', ...n },
  { header: '发现问题', key: 'findings', ...n },
  { header: '问题线索（件）', key: 'clues', ...n },
  { header: '了解情况记录', key: 'fieldworkRecords', ...n },
];
const CADRE_COLUMNS = [
  { header: '姓名', key: 'cadreName' },
  { header: '工作单位', key: 'homeUnitName', width: 28 },
  { header: '任组长/副组长', key: 'asLeader', ...n },
  { header: '任组员/联络员', key: 'asMember', ...n },
  { header: '参加轮次', key: 'rounds', ...n },
  { header: '巡察单位次数', key: 'inspections', ...n },
  { header: '在驻天数', key: 'days', ...n },
];
const INSPECTION_COLUMNS = [
  { header: '巡察组', key: 'teamName', width: 24 },
  { header: '轮次', key: 'roundName', width: 24 },
  { header: '被巡察单位', key: 'unitName', width: 28 },
  { header: '单位类别', key: 'unitKind', labels: unitKind.labels },
  { header: '进驻日期', key: 'startDate', type: 'date' as const },
  { header: '撤离日期', key: 'endDate', type: 'date' as const },
  { header: '天数', key: 'days', ...n },
  { header: '组内职务', key: 'post', labels: teamPostLabel },
  { header: '发现问题', key: 'findings', ...n },
  { header: '问题线索（件）', key: 'clues', ...n },
  { header: '了解情况记录', key: 'fieldworkRecords', ...n },
];

async function* each<T>(rows: Promise<T[]>) {
  yield* await rows;
}

export function workloadRoutes(app: App, deps: AppDeps) {
  const permission = 'analytics.read' as const;
  app.get(
    '/api/analytics/workload',
    { config: { permission }, schema: { querystring: WorkloadQuery, response: { 200: Workload } } },
    (req) => service.workload(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/workload/cadres',
    { config: { permission }, schema: { querystring: WorkloadQuery, response: { 200: CadreWorkloadPage } } },
    (req) => service.cadres(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/workload/inspections',
    {
      config: { permission },
      schema: { querystring: WorkloadInspectionQuery, response: { 200: WorkloadInspectionPage } },
    },
    (req) => service.inspections(contextOf(deps, req), req.query),
  );
  const exportOf = { permission, entity: 'analytics_workload' };
  registerExport(app, deps, {
    ...exportOf,
    path: '/api/analytics/workload/export',
    querystring: AnalyticsFilter,
    sheetName: '巡察组工作量',
    fileName: '巡察组工作量',
    columns: TEAM_COLUMNS,
    rows: (ctx, query) => each(service.teamsForExport(ctx, query)),
  });
  registerExport(app, deps, {
    ...exportOf,
    path: '/api/analytics/workload/cadres/export',
    querystring: AnalyticsFilter,
    sheetName: '干部工作量',
    fileName: '干部工作量',
    columns: CADRE_COLUMNS,
    rows: (ctx, query) => each(service.cadresForExport(ctx, query)),
  });
  registerExport(app, deps, {
    ...exportOf,
    path: '/api/analytics/workload/inspections/export',
    querystring: WorkloadInspectionQuery,
    sheetName: '巡察明细',
    fileName: '工作量_巡察明细',
    columns: INSPECTION_COLUMNS,
    rows: (ctx, query) => each(service.inspectionsForExport(ctx, query)),
  });
}
