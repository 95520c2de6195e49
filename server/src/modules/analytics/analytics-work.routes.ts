// 统计分析 (issue 9): 整改成效, 移交办理 timeliness and 工作量 — each figure's routes live with its module.
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { handoverTimelinessRoutes } from './handover-timeliness.routes.ts';
import { rectificationRateRoutes } from './rectification-rates.routes.ts';
import { workloadRoutes } from './workload.routes.ts';

export function analyticsWorkRoutes(app: App, deps: AppDeps): void {
  rectificationRateRoutes(app, deps);
  handoverTimelinessRoutes(app, deps);
  workloadRoutes(app, deps);
}
