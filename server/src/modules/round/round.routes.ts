import { Round, RoundCreate, RoundListQuery, RoundPage } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './round.service.ts';

export function roundRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/rounds',
    { config: { permission: 'round.read' }, schema: { querystring: RoundListQuery, response: { 200: RoundPage } } },
    (req) => service.listRounds(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/rounds',
    { config: { permission: 'round.create' }, schema: { body: RoundCreate, response: { 200: Round } } },
    (req) => service.createRound(contextOf(deps, req), req.body),
  );
}
