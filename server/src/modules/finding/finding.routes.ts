import {
  EvidenceLink,
  EvidenceUnlinkParams,
  FindingCreate,
  FindingDetail,
  FindingListQuery,
  FindingPage,
  FindingStats,
  FindingUpdate,
  IdParams,
  ImmediateTaskDefaults,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { findingExportRoutes } from './finding.export.ts';
import * as service from './finding.service.ts';
import * as evidence from './finding-evidence.service.ts';
import { immediateTaskDefaults } from './finding-immediate.service.ts';
import { findingLedgerRoutes } from './finding-ledger.routes.ts';
import { findingSensitivityRoutes } from './finding-sensitivity.ts';
import { findingStats } from './finding-stats.service.ts';

export function findingRoutes(app: App, deps: AppDeps) {
  const detail = { 200: FindingDetail };
  findingExportRoutes(app, deps);
  findingLedgerRoutes(app, deps);
  findingSensitivityRoutes(app, deps);
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
    { config: { permission: 'finding.read' }, schema: { params: IdParams, response: detail } },
    (req) => service.getFinding(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/inspections/:id/findings',
    { config: { permission: 'finding.create' }, schema: { params: IdParams, body: FindingCreate, response: detail } },
    (req) => service.createFinding(contextOf(deps, req), req.params.id, req.body),
  );
  app.patch(
    '/api/findings/:id',
    { config: { permission: 'finding.update' }, schema: { params: IdParams, body: FindingUpdate, response: detail } },
    (req) => service.updateFinding(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/findings/:id/evidence',
    { config: { permission: 'finding.update' }, schema: { params: IdParams, body: EvidenceLink, response: detail } },
    (req) => evidence.linkEvidence(contextOf(deps, req), req.params.id, req.body.recordIds),
  );
  app.post(
    '/api/findings/:id/evidence/:recordId/unlink',
    { config: { permission: 'finding.update' }, schema: { params: EvidenceUnlinkParams, response: detail } },
    (req) => evidence.unlinkEvidence(contextOf(deps, req), req.params.id, req.params.recordId),
  );
  app.get(
    '/api/inspections/:id/finding-stats',
    { config: { permission: 'finding.read' }, schema: { params: IdParams, response: { 200: FindingStats } } },
    (req) => findingStats(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/inspections/:id/immediate-task-defaults',
    {
      config: { permission: 'finding.create' },
      schema: { params: IdParams, response: { 200: ImmediateTaskDefaults } },
    },
    (req) => immediateTaskDefaults(contextOf(deps, req), req.params.id),
  );
}
