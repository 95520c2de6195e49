// 巡察工作总览: one read for the printable one-pager of a committee (issue 9 deliverable 6).
import { Overview, OverviewQuery } from '@xuncha/contracts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './overview.service.ts';

export function overviewRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/overview',
    { config: { permission: 'analytics.read' }, schema: { querystring: OverviewQuery, response: { 200: Overview } } },
    (req) => service.overview(contextOf(deps, req), req.query),
  );
}
