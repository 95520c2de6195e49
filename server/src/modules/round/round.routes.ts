import {
  IdParams,
  Round,
  RoundCreate,
  RoundDetail,
  RoundListQuery,
  RoundPage,
  RoundSuggestion,
  RoundSuggestionQuery,
  RoundUpdate,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { roundDocumentRoutes } from './round.document.ts';
import { roundExport } from './round.export.ts';
import * as service from './round.service.ts';

export function roundRoutes(app: App, deps: AppDeps) {
  roundExport(app, deps);
  roundDocumentRoutes(app, deps);
  app.get(
    '/api/rounds',
    { config: { permission: 'round.read' }, schema: { querystring: RoundListQuery, response: { 200: RoundPage } } },
    (req) => service.listRounds(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/rounds/suggestion',
    {
      config: { permission: 'round.create' },
      schema: { querystring: RoundSuggestionQuery, response: { 200: RoundSuggestion } },
    },
    (req) => service.suggestRound(contextOf(deps, req), req.query.committeeId),
  );
  app.post(
    '/api/rounds',
    { config: { permission: 'round.create' }, schema: { body: RoundCreate, response: { 200: Round } } },
    (req) => service.createRound(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/rounds/:id',
    { config: { permission: 'round.read' }, schema: { params: IdParams, response: { 200: RoundDetail } } },
    (req) => service.getRound(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/rounds/:id',
    {
      config: { permission: 'round.update' },
      schema: { params: IdParams, body: RoundUpdate, response: { 200: Round } },
    },
    (req) => service.updateRound(contextOf(deps, req), req.params.id, req.body),
  );
}
