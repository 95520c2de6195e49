import { IdParams, TimeLimitList, TimeLimitParams, TimeLimitUpdate } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './time-limit.service.ts';

export function timeLimitRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/committees/:id/time-limits',
    { config: { permission: 'committee.read' }, schema: { params: IdParams, response: { 200: TimeLimitList } } },
    (req) => service.listTimeLimits(contextOf(deps, req), req.params.id),
  );
  app.put(
    '/api/committees/:id/time-limits/:code',
    {
      config: { permission: 'time_limit.manage' },
      schema: { params: TimeLimitParams, body: TimeLimitUpdate, response: { 200: TimeLimitList } },
    },
    (req) => service.updateTimeLimit(contextOf(deps, req), req.params.id, req.params.code, req.body),
  );
}
