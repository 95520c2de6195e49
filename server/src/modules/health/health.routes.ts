import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { currentVersionOf } from '../../platform/migrate.ts';

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migrationVersion: z.number(),
});

export function healthRoutes(app: App, deps: AppDeps) {
  app.get('/api/health', { config: { public: true }, schema: { response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    database: deps.dbKind,
    migrationVersion: await currentVersionOf(deps.db),
  }));
}
