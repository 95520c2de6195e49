import {
  IdParams,
  PageQuery,
  Unit,
  UnitCreate,
  UnitDetail,
  UnitHistoryPage,
  UnitListQuery,
  UnitMerge,
  UnitMove,
  UnitPage,
  UnitPatch,
  UnitReason,
  UnitRename,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './unit.service.ts';
import { unitXlsxRoutes } from './unit.xlsx.ts';
import * as changes from './unit-change.service.ts';

export function unitRoutes(app: App, deps: AppDeps) {
  const detail = { 200: UnitDetail };
  unitXlsxRoutes(app, deps);
  app.get(
    '/api/units',
    { config: { permission: 'unit.read' }, schema: { querystring: UnitListQuery, response: { 200: UnitPage } } },
    (req) => service.listUnits(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/units',
    { config: { permission: 'unit.create' }, schema: { body: UnitCreate, response: { 200: Unit } } },
    (req) => service.createUnit(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/units/:id',
    { config: { permission: 'unit.read' }, schema: { params: IdParams, response: detail } },
    (req) => service.getUnit(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/units/:id',
    { config: { permission: 'unit.update' }, schema: { params: IdParams, body: UnitPatch, response: detail } },
    (req) => service.updateUnit(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/units/:id/history',
    {
      config: { permission: 'unit.read' },
      schema: { params: IdParams, querystring: PageQuery, response: { 200: UnitHistoryPage } },
    },
    (req) => service.unitHistory(contextOf(deps, req), req.params.id, req.query),
  );
  const change = { permission: 'unit.update' } as const;
  app.post(
    '/api/units/:id/rename',
    { config: change, schema: { params: IdParams, body: UnitRename, response: detail } },
    (req) => changes.renameUnit(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/units/:id/move',
    { config: change, schema: { params: IdParams, body: UnitMove, response: detail } },
    (req) => changes.moveUnit(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/units/:id/merge',
    { config: change, schema: { params: IdParams, body: UnitMerge, response: detail } },
    (req) => changes.mergeUnit(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/units/:id/deactivate',
    { config: change, schema: { params: IdParams, body: UnitReason, response: detail } },
    (req) => changes.deactivateUnit(contextOf(deps, req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/units/:id/reactivate',
    { config: change, schema: { params: IdParams, body: UnitReason, response: detail } },
    (req) => changes.reactivateUnit(contextOf(deps, req), req.params.id, req.body.reason),
  );
}
