import {
  AvoidanceList,
  AvoidanceQuery,
  IdParams,
  MyTeamMemberships,
  Team,
  TeamCreate,
  TeamDetail,
  TeamListQuery,
  TeamMemberAdd,
  TeamPage,
  TeamUpdate,
} from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { teamExport } from './team.export.ts';
import * as service from './team.service.ts';
import * as members from './team-member.service.ts';

const Done = { 200: z.object({ id: z.string() }) };

export function teamRoutes(app: App, deps: AppDeps) {
  teamExport(app, deps);
  app.post(
    '/api/rounds/:id/teams',
    { config: { permission: 'team.manage' }, schema: { params: IdParams, body: TeamCreate, response: { 200: Team } } },
    (req) => service.createTeam(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/teams',
    { config: { permission: 'team.read' }, schema: { querystring: TeamListQuery, response: { 200: TeamPage } } },
    (req) => service.listTeams(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/teams/:id',
    { config: { permission: 'team.read' }, schema: { params: IdParams, response: { 200: TeamDetail } } },
    (req) => service.getTeam(contextOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/teams/:id',
    { config: { permission: 'team.manage' }, schema: { params: IdParams, body: TeamUpdate, response: { 200: Team } } },
    (req) => service.renameTeam(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/teams/:id/members',
    { config: { permission: 'team.manage' }, schema: { params: IdParams, body: TeamMemberAdd, response: Done } },
    (req) => members.addMember(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/teams/:id/avoidance',
    {
      config: { permission: 'team.read' },
      schema: { params: IdParams, querystring: AvoidanceQuery, response: { 200: AvoidanceList } },
    },
    (req) => members.previewAvoidance(contextOf(deps, req), req.params.id, req.query.cadreId),
  );
  app.post(
    '/api/team-members/:id/leave',
    { config: { permission: 'team.manage' }, schema: { params: IdParams, response: Done } },
    (req) => members.leaveTeam(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/team-members/:id/pledge',
    { config: { authenticated: true }, schema: { params: IdParams, response: Done } },
    (req) => members.pledge(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/me/team-memberships',
    { config: { authenticated: true }, schema: { response: { 200: MyTeamMemberships } } },
    (req) => members.myMemberships(contextOf(deps, req)),
  );
}
