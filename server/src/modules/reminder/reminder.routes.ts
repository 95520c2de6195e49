// POST /api/reminders/sweep: the office runs the reminder sweep now (it also runs on a timer in main.ts
// and as `npm run xuncha -- sweep`), and sees how many notices each sweeper created.
import { SweepResult } from '@xuncha/contracts';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { channelsFromConfig } from '../notification/channels.ts';
import { runSweep } from './sweep.ts';

export function reminderRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/reminders/sweep',
    {
      config: { permission: 'time_limit.manage' },
      schema: { body: z.object({}).nullish(), response: { 200: SweepResult } },
    },
    async (req) => {
      const ctx = contextOf(deps, req);
      const result = await runSweep(ctx.db, ctx.clock, { channels: channelsFromConfig(ctx.config.notifyChannels) });
      await withTransaction(ctx.db, (tx) =>
        writeAudit(tx, ctx.actor, { action: 'reminder.sweep', entity: 'sweep_run', entityId: null, after: result }),
      );
      return result;
    },
  );
}
