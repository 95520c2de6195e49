import { Finding, FindingCreate, FindingListQuery, FindingPage, IdParams } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { findingExportRoutes } from './finding.export.ts';
import * as service from './finding.service.ts';

export function findingRoutes(app: App, deps: AppDeps) {
  findingExportRoutes(app, deps);
  app.get(
    '/api/findings',
    {
      config: { permission: 'finding.read' },
      schema: { querystring: FindingListQuery, response: { 200: FindingPage } },
    },
    (req) => service.listFindings(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/findings/:id',
    { config: { permission: 'finding.read' }, schema: { params: IdParams, response: { 200: Finding } } },
    (req) => service.getFinding(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/inspections/:id/findings',
    {
      config: { permission: 'finding.create' },
      schema: { params: IdParams, body: FindingCreate, response: { 200: Finding } },
    },
    (req) => service.createFinding(contextOf(deps, req), req.params.id, req.body),
  );
}
