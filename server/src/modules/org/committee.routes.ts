import { Committee, CommitteeCreate, CommitteeUpdate, IdParams } from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './committee.service.ts';

export function committeeRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/committees',
    {
      config: { permission: 'committee.read' },
      schema: { response: { 200: z.object({ items: z.array(Committee) }) } },
    },
    (req) => service.listCommittees(contextOf(deps, req)),
  );
  app.post(
    '/api/committees',
    { config: { permission: 'committee.manage' }, schema: { body: CommitteeCreate, response: { 200: Committee } } },
    (req) => service.createCommittee(contextOf(deps, req), req.body),
  );
  app.patch(
    '/api/committees/:id',
    {
      config: { permission: 'committee.manage' },
      schema: { params: IdParams, body: CommitteeUpdate, response: { 200: Committee } },
    },
    (req) => service.updateCommittee(contextOf(deps, req), req.params.id, req.body),
  );
}
