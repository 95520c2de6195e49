// 问题线索 routes. The committee-wide list, the detail and the history are `authenticated`: 纪委监委
// handlers hold no clue.read, yet read the clues handed to them, and a team member reads a clue granted
// to them — clueContentWhere decides in SQL, so a user without need-to-know gets an empty list or 404/403.
import {
  Clue,
  ClueCounts,
  ClueCreate,
  ClueGrantCandidates,
  ClueGrantCreate,
  ClueGrantList,
  ClueGrantParams,
  ClueHistory,
  ClueListQuery,
  CluePage,
  ClueReason,
  IdParams,
  Whistleblower,
  WhistleblowerRequest,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { registerClueExport } from './clue.export.ts';
import * as service from './clue.service.ts';
import * as grants from './clue-grant.service.ts';
import { clueSensitivityRoutes } from './clue-sensitivity.ts';

export function clueRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/inspections/:id/clues',
    { config: { permission: 'clue.create' }, schema: { params: IdParams, body: ClueCreate, response: { 200: Clue } } },
    (req) => service.createClue(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/inspections/:id/clues',
    // the team (clue.count) sees this tab; the rows are those clueContentWhere lets each one read
    {
      config: { permission: 'clue.count' },
      schema: { params: IdParams, querystring: ClueListQuery, response: { 200: CluePage } },
    },
    (req) => service.listInspectionClues(contextOf(deps, req), req.params.id, req.query),
  );
  app.get(
    '/api/inspections/:id/clue-counts',
    { config: { permission: 'clue.count' }, schema: { params: IdParams, response: { 200: ClueCounts } } },
    (req) => service.clueCounts(contextOf(deps, req), req.params.id),
  );
  registerClueExport(app, deps);
  clueSensitivityRoutes(app, deps);
  app.get(
    '/api/clues',
    { config: { authenticated: true }, schema: { querystring: ClueListQuery, response: { 200: CluePage } } },
    (req) => service.listClues(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/clues/:id',
    { config: { authenticated: true }, schema: { params: IdParams, response: { 200: Clue } } },
    (req) => service.getClue(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/clues/:id/history',
    { config: { authenticated: true }, schema: { params: IdParams, response: { 200: ClueHistory } } },
    (req) => service.clueHistory(contextOf(deps, req), req.params.id),
  );
  for (const event of ['verify', 'shelve', 'reopen'] as const)
    app.post(
      `/api/clues/:id/${event}`,
      {
        config: { permission: 'clue.update' },
        schema: { params: IdParams, body: ClueReason, response: { 200: Clue } },
      },
      (req) => service.teamStep(contextOf(deps, req), req.params.id, event, req.body.reason),
    );
  app.get(
    '/api/clues/:id/grants',
    { config: { permission: 'clue.grant' }, schema: { params: IdParams, response: { 200: ClueGrantList } } },
    (req) => grants.listClueGrants(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/clues/:id/grant-candidates',
    { config: { permission: 'clue.grant' }, schema: { params: IdParams, response: { 200: ClueGrantCandidates } } },
    (req) => grants.grantCandidates(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/clues/:id/grants',
    {
      config: { permission: 'clue.grant' },
      schema: { params: IdParams, body: ClueGrantCreate, response: { 200: ClueGrantList } },
    },
    (req) => grants.grantClue(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/clues/:id/grants/:grantId/revoke',
    { config: { permission: 'clue.grant' }, schema: { params: ClueGrantParams, response: { 200: ClueGrantList } } },
    (req) => grants.revokeClueGrant(contextOf(deps, req), req.params.id, req.params.grantId),
  );
  app.post(
    '/api/clues/:id/whistleblower',
    {
      config: { permission: 'clue.reveal_whistleblower' },
      schema: { params: IdParams, body: WhistleblowerRequest, response: { 200: Whistleblower } },
    },
    (req) => grants.revealWhistleblower(contextOf(deps, req), req.params.id, req.body.reason),
  );
}
