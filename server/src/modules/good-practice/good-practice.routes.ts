import {
  area,
  GoodPractice,
  GoodPracticeCreate,
  GoodPracticeListQuery,
  GoodPracticePage,
  GoodPracticeUpdate,
  IdParams,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { practiceExportBatch } from './good-practice.repository.ts';
import * as service from './good-practice.service.ts';

export function goodPracticeRoutes(app: App, deps: AppDeps) {
  const one = { 200: GoodPractice };
  registerExport(app, deps, {
    path: '/api/good-practices/export',
    permission: 'finding.read',
    entity: 'good_practice',
    querystring: GoodPracticeListQuery,
    sheetName: '经验做法',
    fileName: '巡察发现经验做法',
    columns: [
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '单位', key: 'unitName', width: 24 },
      { header: '标题', key: 'title', width: 36 },
      { header: '经验做法', key: 'content', width: 60 },
      { header: '领域', key: 'areas', labels: area.labels, width: 24 },
      { header: '值得推广', key: 'promote', type: 'bool' },
      { header: '记录人', key: 'createdByName' },
    ],
    rows: (ctx, query) =>
      exportBatches(({ offset, limit }) => practiceExportBatch(ctx.db, ctx.user, query, { offset, limit })),
  });
  app.get(
    '/api/good-practices',
    {
      config: { permission: 'finding.read' },
      schema: { querystring: GoodPracticeListQuery, response: { 200: GoodPracticePage } },
    },
    (req) => service.listPractices(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/inspections/:id/good-practices',
    {
      config: { permission: 'finding.read' },
      schema: { params: IdParams, querystring: GoodPracticeListQuery, response: { 200: GoodPracticePage } },
    },
    (req) => service.listInspectionPractices(contextOf(deps, req), req.params.id, req.query),
  );
  app.post(
    '/api/inspections/:id/good-practices',
    { config: { permission: 'finding.create' }, schema: { params: IdParams, body: GoodPracticeCreate, response: one } },
    (req) => service.createPractice(contextOf(deps, req), req.params.id, req.body),
  );
  app.patch(
    '/api/good-practices/:id',
    { config: { permission: 'finding.update' }, schema: { params: IdParams, body: GoodPracticeUpdate, response: one } },
    (req) => service.updatePractice(contextOf(deps, req), req.params.id, req.body),
  );
}
