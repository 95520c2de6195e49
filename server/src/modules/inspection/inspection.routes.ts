import {
  FeedbackIssue,
  IdParams,
  Inspection,
  InspectionAdvance,
  InspectionCreate,
  InspectionListQuery,
  InspectionPage,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './inspection.service.ts';

export function inspectionRoutes(app: App, deps: AppDeps) {
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
    (req) => service.createInspection(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/inspections/:id',
    { config: { permission: 'inspection.read' }, schema: { params: IdParams, response: one } },
    (req) => service.getInspection(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/inspections/:id/advance',
    {
      config: { permission: 'inspection.create' },
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
