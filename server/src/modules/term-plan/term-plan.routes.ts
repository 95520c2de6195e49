import {
  CoverageForecast,
  CoverageSummary,
  CoverageUnitPage,
  CoverageUnitQuery,
  coverageStatusLabel,
  Id,
  IdParams,
  TermPlan,
  TermPlanCreate,
  TermPlanListQuery,
  TermPlanPage,
  TermPlanUnitsChange,
  TermPlanUnitsResult,
  TermPlanUpdate,
  unitKind,
  villageClass,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as coverage from './coverage.service.ts';
import * as service from './term-plan.service.ts';

export function termPlanRoutes(app: App, deps: AppDeps) {
  const one = { 200: TermPlan };
  const read = { permission: 'term_plan.read' } as const;
  const manage = { permission: 'term_plan.manage' } as const;
  app.get(
    '/api/term-plans',
    { config: read, schema: { querystring: TermPlanListQuery, response: { 200: TermPlanPage } } },
    (req) => service.listPlans(contextOf(deps, req), req.query),
  );
  app.post('/api/term-plans', { config: manage, schema: { body: TermPlanCreate, response: one } }, (req) =>
    service.createPlan(contextOf(deps, req), req.body),
  );
  app.get('/api/term-plans/:id', { config: read, schema: { params: IdParams, response: one } }, (req) =>
    service.getPlan(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/term-plans/:id',
    { config: manage, schema: { params: IdParams, body: TermPlanUpdate, response: one } },
    (req) => service.updatePlan(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/term-plans/:id/units',
    { config: manage, schema: { params: IdParams, body: TermPlanUnitsChange, response: { 200: TermPlanUnitsResult } } },
    (req) => service.changeUnits(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/term-plans/:id/coverage',
    { config: read, schema: { params: IdParams, response: { 200: CoverageSummary } } },
    (req) => coverage.coverageSummary(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/term-plans/:id/coverage/units',
    { config: read, schema: { params: IdParams, querystring: CoverageUnitQuery, response: { 200: CoverageUnitPage } } },
    (req) => coverage.coverageUnits(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/term-plans/:id/forecast',
    { config: read, schema: { params: IdParams, response: { 200: CoverageForecast } } },
    (req) => coverage.coverageForecast(contextOf(deps, req), req.params.id),
  );
  // 全覆盖进度表: the export helper hands rows() only the query string, so the plan id travels in it
  registerExport(app, deps, {
    path: '/api/term-plans/coverage/units/export',
    permission: 'term_plan.read',
    querystring: CoverageUnitQuery.omit({ page: true, pageSize: true }).extend({ termPlanId: Id }),
    sheetName: '全覆盖进度表',
    fileName: '全覆盖进度表',
    columns: [
      { header: '单位', key: 'unitName', width: 30 },
      { header: '上级单位', key: 'parentName', width: 20 },
      { header: '类别', key: 'kind', labels: unitKind.labels },
      { header: '村(居)分类', key: 'villageClass', labels: villageClass.labels },
      { header: '纳入规划', key: 'included', type: 'bool' },
      { header: '不纳入理由', key: 'reason', width: 24 },
      { header: '计划年度', key: 'plannedYear', type: 'number' },
      { header: '覆盖状态', key: 'status', labels: coverageStatusLabel },
      { header: '覆盖日期', key: 'coveredOn', type: 'date' },
      { header: '覆盖轮次', key: 'coveredRound', width: 24 },
      { header: '已安排日期', key: 'scheduledOn', type: 'date' },
      { header: '上次巡察(系统前)', key: 'manualLastInspectedOn', type: 'date' },
      { header: '最近巡察', key: 'lastInspectedOn', type: 'date' },
      { header: '按当前进度难以覆盖', key: 'atRisk', type: 'bool' },
    ],
    rows: (ctx, { termPlanId, ...filters }) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        const { items } = await coverage.coverageUnitRows(ctx, termPlanId, { ...filters, page, pageSize: limit });
        return items;
      }),
  });
}
