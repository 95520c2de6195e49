// 上下联动: the lower committees' figures (and their export), drill-down, 提级/交叉 launch and 上级在本地区开展的巡察;
// 指导意见 are in guidance.routes.ts.
import {
  IdParams,
  Inspection,
  LinkageCommitteeQuery,
  LinkageCommitteesView,
  LinkageFindingPage,
  LinkageFindingQuery,
  LinkageInspectionPage,
  LinkageInspectionQuery,
  LinkageLaunch,
  LinkageLaunchOptions,
  LinkageLaunchOptionsQuery,
  LinkageUnitPage,
  LinkageUnitQuery,
  UpperInspectionPage,
  UpperInspectionQuery,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as committees from './committees.service.ts';
import { guidanceRoutes } from './guidance.routes.ts';
import * as launch from './launch.service.ts';
import { exportRow, LINKAGE_COLUMNS } from './linkage.export.ts';

export function linkageRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/linkage/committees',
    {
      config: { permission: 'linkage.read' },
      schema: { querystring: LinkageCommitteeQuery, response: { 200: LinkageCommitteesView } },
    },
    (req) => committees.committeesView(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/linkage/committees/export',
    permission: 'linkage.read',
    entity: 'linkage_committees',
    querystring: LinkageCommitteeQuery,
    sheetName: '下级党委巡察工作统计',
    fileName: '下级党委巡察工作统计',
    columns: LINKAGE_COLUMNS,
    rows: async function* (ctx, query) {
      for (const row of await committees.committeesForExport(ctx, query)) yield exportRow(row);
    },
  });
  app.get(
    '/api/linkage/committees/:id/inspections',
    {
      config: { permission: 'linkage.drill' },
      schema: { params: IdParams, querystring: LinkageInspectionQuery, response: { 200: LinkageInspectionPage } },
    },
    (req) => committees.drillInspections(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/linkage/committees/:id/findings',
    {
      config: { permission: 'linkage.drill' },
      schema: { params: IdParams, querystring: LinkageFindingQuery, response: { 200: LinkageFindingPage } },
    },
    (req) => committees.drillFindings(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/linkage/upper-inspections',
    {
      config: { permission: 'linkage.read' },
      schema: { querystring: UpperInspectionQuery, response: { 200: UpperInspectionPage } },
    },
    (req) => launch.upperInspectionsHere(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/linkage/launch-options',
    {
      config: { permission: 'inspection.launch_lower' },
      schema: { querystring: LinkageLaunchOptionsQuery, response: { 200: LinkageLaunchOptions } },
    },
    (req) => launch.launchOptions(contextOf(deps, req), req.query.committeeId),
  );
  app.get(
    '/api/linkage/units',
    {
      config: { permission: 'inspection.launch_lower' },
      schema: { querystring: LinkageUnitQuery, response: { 200: LinkageUnitPage } },
    },
    (req) => launch.lowerUnits(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/linkage/launch',
    {
      config: { permission: 'inspection.launch_lower' },
      schema: { body: LinkageLaunch, response: { 200: Inspection } },
    },
    (req) => launch.launch(contextOf(deps, req), req.body),
  );
  guidanceRoutes(app, deps);
}
