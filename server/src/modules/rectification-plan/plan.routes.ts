// 整改方案 of an inspection (/api/inspections/:id/rectification-plan …) and 巡察办's list of plans.
import {
  IdParams,
  PlanApprove,
  PlanDiff,
  PlanListQuery,
  PlanPage,
  PlanReturn,
  PlanVersion,
  PlanVersionList,
  PlanWrite,
  RectificationPlan,
  ReportDiffQuery,
  ReportVersionParams,
} from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { planReviewDocumentSpec, planReviewFileName } from './plan.document.ts';
import { planExportRoutes } from './plan.export.ts';
import * as service from './plan.service.ts';
import { listPlans } from './plan-list.service.ts';
import * as versions from './plan-version.service.ts';

const BASE = '/api/inspections/:id/rectification-plan';
const one = { 200: RectificationPlan };

function stepRoutes(app: App, deps: AppDeps) {
  app.post(
    `${BASE}/submit`,
    { config: { permission: 'plan.submit' }, schema: { params: IdParams, response: one } },
    (req) => service.submitPlan(contextOf(deps, req), req.params.id),
  );
  app.post(
    `${BASE}/approve`,
    { config: { permission: 'plan.review' }, schema: { params: IdParams, body: PlanApprove, response: one } },
    (req) => service.reviewPlan(contextOf(deps, req), req.params.id, 'approve', req.body),
  );
  app.post(
    `${BASE}/return`,
    { config: { permission: 'plan.review' }, schema: { params: IdParams, body: PlanReturn, response: one } },
    (req) => service.reviewPlan(contextOf(deps, req), req.params.id, 'return', req.body),
  );
}

function versionRoutes(app: App, deps: AppDeps) {
  app.get(
    `${BASE}/versions`,
    { config: { permission: 'rectification.read' }, schema: { params: IdParams, response: { 200: PlanVersionList } } },
    (req) => versions.listPlanVersions(contextOf(deps, req), req.params.id),
  );
  app.get(
    `${BASE}/versions/:version`,
    {
      config: { permission: 'rectification.read' },
      schema: { params: ReportVersionParams, response: { 200: PlanVersion } },
    },
    (req) => versions.getPlanVersion(contextOf(deps, req), req.params.id, req.params.version),
  );
  app.get(
    `${BASE}/diff`,
    {
      config: { permission: 'rectification.read' },
      schema: { params: IdParams, querystring: ReportDiffQuery, response: { 200: PlanDiff } },
    },
    (req) => versions.diffPlanVersions(contextOf(deps, req), req.params.id, req.query),
  );
}

export function planRoutes(app: App, deps: AppDeps) {
  planExportRoutes(app, deps);
  app.get(
    '/api/rectification-plans',
    {
      config: { permission: 'rectification.read' },
      schema: { querystring: PlanListQuery, response: { 200: PlanPage } },
    },
    (req) => listPlans(contextOf(deps, req), req.query),
  );
  app.get(BASE, { config: { permission: 'rectification.read' }, schema: { params: IdParams, response: one } }, (req) =>
    service.getPlan(contextOf(deps, req), req.params.id),
  );
  app.put(
    BASE,
    { config: { permission: 'plan.write' }, schema: { params: IdParams, body: PlanWrite, response: one } },
    (req) => service.writePlan(contextOf(deps, req), req.params.id, req.body),
  );
  versionRoutes(app, deps);
  stepRoutes(app, deps);
  registerDocument(app, deps, {
    path: `${BASE}/review-document`,
    permission: 'rectification.read',
    fileName: planReviewFileName,
    build: (ctx, id) => planReviewDocumentSpec(ctx, id),
  });
}
