import {
  CandidateUnitPage,
  CandidateUnitQuery,
  FeedbackIssue,
  IdParams,
  Inspection,
  InspectionAdvance,
  InspectionBatchCreate,
  InspectionBatchResult,
  InspectionCreate,
  InspectionDetail,
  InspectionListQuery,
  InspectionPage,
  InspectionUpdate,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { inspectionExport } from './inspection.export.ts';
import * as service from './inspection.service.ts';
import { listCandidateUnits } from './inspection-candidates.ts';
import * as planning from './inspection-planning.service.ts';

export function inspectionRoutes(app: App, deps: AppDeps) {
  inspectionExport(app, deps);
  const one = { 200: Inspection };
  app.get(
    '/api/inspections',
    {
      config: { permission: 'inspection.read' },
      schema: { querystring: InspectionListQuery, response: { 200: InspectionPage } },
    },
    (req) => service.listInspections(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/inspections',
    { config: { permission: 'inspection.create' }, schema: { body: InspectionCreate, response: one } },
    (req) => planning.createInspection(contextOf(deps, req), req.body),
  );
  app.post(
    '/api/rounds/:id/inspections/batch',
    {
      config: { permission: 'inspection.create' },
      schema: { params: IdParams, body: InspectionBatchCreate, response: { 200: InspectionBatchResult } },
    },
    (req) => planning.createBatch(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/rounds/:id/candidate-units',
    {
      config: { permission: 'inspection.create' },
      schema: { params: IdParams, querystring: CandidateUnitQuery, response: { 200: CandidateUnitPage } },
    },
    (req) => listCandidateUnits(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/inspections/:id',
    { config: { permission: 'inspection.read' }, schema: { params: IdParams, response: { 200: InspectionDetail } } },
    (req) => service.getInspection(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/inspections/:id',
    {
      config: { permission: 'inspection.update' },
      schema: { params: IdParams, body: InspectionUpdate, response: one },
    },
    (req) => planning.updateInspection(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/inspections/:id/advance',
    {
      config: { permission: 'inspection.advance' },
      schema: { params: IdParams, body: InspectionAdvance, response: one },
    },
    (req) => service.advanceInspection(contextOf(deps, req), req.params.id, req.body.event),
  );
  app.post(
    '/api/inspections/:id/feedback',
    { config: { permission: 'feedback.issue' }, schema: { params: IdParams, body: FeedbackIssue, response: one } },
    (req) => service.issueFeedback(contextOf(deps, req), req.params.id, req.body),
  );
}
