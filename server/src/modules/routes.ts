// Every module's routes, registered in one place so the route table is easy to read.

import { authRoutes } from '../platform/auth/auth.routes.ts';
import type { App } from '../platform/http/app.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { findingRoutes } from './finding/finding.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { inspectionRoutes } from './inspection/inspection.routes.ts';
import { orgRoutes } from './org/org.routes.ts';
import { roundRoutes } from './round/round.routes.ts';
import { evidenceRoutes } from './task/evidence.routes.ts';
import { taskRoutes } from './task/task.routes.ts';

export async function registerModuleRoutes(app: App, deps: AppDeps): Promise<void> {
  for (const register of [
    healthRoutes,
    authRoutes,
    orgRoutes,
    roundRoutes,
    inspectionRoutes,
    findingRoutes,
    taskRoutes,
    evidenceRoutes,
  ]) {
    register(app, deps);
  }
}
