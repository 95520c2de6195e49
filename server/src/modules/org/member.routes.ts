import {
  CommitteeMember,
  CommitteeMemberCreate,
  CommitteeMemberEnd,
  CommitteeMemberPage,
  CommitteeMemberQuery,
  IdParams,
} from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './member.service.ts';

export function memberRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/committees/:id/members',
    {
      config: { permission: 'leading_group.read' },
      schema: { params: IdParams, querystring: CommitteeMemberQuery, response: { 200: CommitteeMemberPage } },
    },
    (req) => service.listMembers(contextOf(deps, req), req.params.id, req.query),
  );
  app.post(
    '/api/committees/:id/members',
    {
      config: { permission: 'leading_group.manage' },
      schema: { params: IdParams, body: CommitteeMemberCreate, response: { 200: CommitteeMember } },
    },
    (req) => service.addMember(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/committee-members/:id/end',
    {
      config: { permission: 'leading_group.manage' },
      schema: { params: IdParams, body: CommitteeMemberEnd, response: { 200: CommitteeMember } },
    },
    (req) => service.endMember(contextOf(deps, req), req.params.id, req.body),
  );
}
