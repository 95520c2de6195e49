// 指导意见: the publisher's list, drafts and publishing; the receiving committee's list and its receipt.
import {
  GuidanceAck,
  GuidanceCreate,
  GuidanceDetail,
  GuidanceListQuery,
  GuidancePage,
  GuidanceReceivedPage,
  GuidanceUpdate,
  IdParams,
} from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './guidance.service.ts';

const detail = { 200: GuidanceDetail };

export function guidanceRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/guidance',
    {
      config: { permission: 'guidance.read' },
      schema: { querystring: GuidanceListQuery, response: { 200: GuidancePage } },
    },
    (req) => service.issuedGuidance(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/guidance/received',
    {
      config: { permission: 'guidance.read' },
      schema: { querystring: GuidanceListQuery, response: { 200: GuidanceReceivedPage } },
    },
    (req) => service.receivedGuidance(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/guidance',
    { config: { permission: 'guidance.publish' }, schema: { body: GuidanceCreate, response: detail } },
    (req) => service.createGuidance(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/guidance/:id',
    { config: { permission: 'guidance.read' }, schema: { params: IdParams, response: detail } },
    (req) => service.getGuidance(contextOf(deps, req), req.params.id),
  );
  app.put(
    '/api/guidance/:id',
    {
      config: { permission: 'guidance.publish' },
      schema: { params: IdParams, body: GuidanceUpdate, response: detail },
    },
    (req) => service.updateGuidance(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/guidance/:id/publish',
    {
      config: { permission: 'guidance.publish' },
      schema: { params: IdParams, body: z.object({}).optional(), response: detail },
    },
    (req) => service.publishGuidance(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/guidance/:id/ack',
    {
      config: { permission: 'guidance.read' },
      schema: { params: IdParams, body: GuidanceAck, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    (req) => service.acknowledgeGuidance(contextOf(deps, req), req.params.id, req.body),
  );
}
