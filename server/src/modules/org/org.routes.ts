import { Committee, IdParams, PersonList, Unit, UnitCreate, UnitListQuery, UnitPage } from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './org.service.ts';

export function orgRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/committees',
    {
      config: { permission: 'committee.read' },
      schema: { response: { 200: z.object({ items: z.array(Committee) }) } },
    },
    (req) => service.listCommittees(contextOf(deps, req)),
  );
  app.get(
    '/api/committees/:id/people',
    { config: { permission: 'user.read' }, schema: { params: IdParams, response: { 200: PersonList } } },
    (req) => service.peopleOfCommittee(contextOf(deps, req), req.params.id),
  );
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
    '/api/units/:id/people',
    { config: { permission: 'user.read' }, schema: { params: IdParams, response: { 200: PersonList } } },
    (req) => service.peopleOfUnit(contextOf(deps, req), req.params.id),
  );
}
