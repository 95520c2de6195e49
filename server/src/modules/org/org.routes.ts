import { IdParams, PersonList } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { committeeRoutes } from './committee.routes.ts';
import { memberRoutes } from './member.routes.ts';
import * as service from './org.service.ts';
import { unitRoutes } from './unit.routes.ts';

export function orgRoutes(app: App, deps: AppDeps) {
  committeeRoutes(app, deps);
  unitRoutes(app, deps);
  memberRoutes(app, deps);
  app.get(
    '/api/committees/:id/people',
    { config: { permission: 'user.read' }, schema: { params: IdParams, response: { 200: PersonList } } },
    (req) => service.peopleOfCommittee(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/units/:id/people',
    { config: { permission: 'user.read' }, schema: { params: IdParams, response: { 200: PersonList } } },
    (req) => service.peopleOfUnit(contextOf(deps, req), req.params.id),
  );
}
