// issue 9 — routes of this part, filled in by it.
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';

export function commonProblemRoutes(_app: App, _deps: AppDeps): void {}
