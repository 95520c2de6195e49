import {
  AppraisalCreate,
  Appraisal as AppraisalView,
  AvailabilityInput,
  AvailabilityPatch,
  AvoidanceList,
  Cadre,
  CadreAvoidanceQuery,
  CadreCreate,
  CadreDetail,
  CadreListQuery,
  CadrePage,
  type CadreRecordKind,
  CadreUpdate,
  CommendationInput,
  CommendationPatch,
  IdParams,
  PastPostInput,
  PastPostPatch,
  RelativeInput,
  RelativePatch,
  TrainingInput,
  TrainingPatch,
} from '@xuncha/contracts';
import type { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { createAppraisal } from './appraisal.service.ts';
import { cadreExportRoutes } from './cadre.export.ts';
import { cadreImportRoutes } from './cadre.import.ts';
import * as service from './cadre.service.ts';
import { addRecord, correctRecord } from './cadre-records.service.ts';

/** Each record kind: what adding takes, what a correction takes. */
const RECORD_SCHEMAS: Record<CadreRecordKind, { add: z.ZodType; patch: z.ZodType }> = {
  availability: { add: AvailabilityInput, patch: AvailabilityPatch },
  'past-posts': { add: PastPostInput, patch: PastPostPatch },
  relatives: { add: RelativeInput, patch: RelativePatch },
  trainings: { add: TrainingInput, patch: TrainingPatch },
  commendations: { add: CommendationInput, patch: CommendationPatch },
};

export function cadreRoutes(app: App, deps: AppDeps) {
  const one = { 200: Cadre };
  app.get(
    '/api/cadres',
    { config: { permission: 'cadre.read' }, schema: { querystring: CadreListQuery, response: { 200: CadrePage } } },
    (req) => service.listCadres(contextOf(deps, req), req.query),
  );
  cadreExportRoutes(app, deps);
  cadreImportRoutes(app, deps);
  app.post(
    '/api/cadres',
    { config: { permission: 'cadre.manage' }, schema: { body: CadreCreate, response: one } },
    (req) => service.createCadre(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/cadres/:id',
    { config: { permission: 'cadre.read' }, schema: { params: IdParams, response: { 200: CadreDetail } } },
    (req) => service.getCadre(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/cadres/:id',
    { config: { permission: 'cadre.manage' }, schema: { params: IdParams, body: CadreUpdate, response: one } },
    (req) => service.updateCadre(contextOf(deps, req), req.params.id, req.body),
  );
  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/cadres/:id/${action}`,
      { config: { permission: 'cadre.manage' }, schema: { params: IdParams, response: one } },
      (req) => service.setCadreActive(contextOf(deps, req), req.params.id, active),
    );
  }
  app.get(
    '/api/cadres/:id/avoidance',
    {
      config: { permission: 'cadre.read' },
      schema: { params: IdParams, querystring: CadreAvoidanceQuery, response: { 200: AvoidanceList } },
    },
    (req) => service.avoidancePreview(contextOf(deps, req), req.params.id, req.query),
  );
  app.post(
    '/api/cadres/:id/appraisals',
    {
      config: { permission: 'cadre.appraise' },
      schema: { params: IdParams, body: AppraisalCreate, response: { 200: AppraisalView } },
    },
    (req) => createAppraisal(contextOf(deps, req), req.params.id, req.body),
  );
  for (const [kind, schemas] of Object.entries(RECORD_SCHEMAS) as [
    CadreRecordKind,
    (typeof RECORD_SCHEMAS)[CadreRecordKind],
  ][]) {
    app.post(
      `/api/cadres/:id/${kind}`,
      { config: { permission: 'cadre.manage' }, schema: { params: IdParams, body: schemas.add } },
      (req) => addRecord(contextOf(deps, req), kind, req.params.id, req.body as Record<string, unknown>),
    );
    app.patch(
      `/api/cadre-${kind}/:id`,
      { config: { permission: 'cadre.manage' }, schema: { params: IdParams, body: schemas.patch } },
      (req) => correctRecord(contextOf(deps, req), kind, req.params.id, req.body as Record<string, unknown>),
    );
  }
}
