// 统计分析: 问题分析 and 成果运用 of a committee (issue 9), each figure with its drill-down and .xlsx export.
import {
  AnalyticsFilter,
  FindingDrillPage,
  FindingDrillQuery,
  FindingsSummary,
  OutcomeEvidencePage,
  OutcomeEvidenceQuery,
  OutcomePersonPage,
  OutcomePersonQuery,
  OutcomesSummary,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { findingsExportRoutes } from './findings.export.ts';
import * as findings from './findings.service.ts';
import { outcomesExportRoutes } from './outcomes.export.ts';
import * as outcomes from './outcomes.service.ts';

const config = { permission: 'analytics.read' } as const;

export function analyticsRoutes(app: App, deps: AppDeps): void {
  findingsExportRoutes(app, deps);
  outcomesExportRoutes(app, deps);
  app.get(
    '/api/analytics/findings/summary',
    { config, schema: { querystring: AnalyticsFilter, response: { 200: FindingsSummary } } },
    (req) => findings.findingsSummary(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/findings',
    { config, schema: { querystring: FindingDrillQuery, response: { 200: FindingDrillPage } } },
    (req) => findings.findingDrill(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/outcomes/summary',
    { config, schema: { querystring: AnalyticsFilter, response: { 200: OutcomesSummary } } },
    (req) => outcomes.outcomesSummary(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/outcomes/evidence',
    { config, schema: { querystring: OutcomeEvidenceQuery, response: { 200: OutcomeEvidencePage } } },
    (req) => outcomes.evidenceDrill(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/analytics/outcomes/persons',
    { config, schema: { querystring: OutcomePersonQuery, response: { 200: OutcomePersonPage } } },
    (req) => outcomes.personDrill(contextOf(deps, req), req.query),
  );
}
