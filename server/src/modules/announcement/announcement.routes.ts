import { Announcement, AnnouncementSave, IdParams } from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './announcement.service.ts';

export function announcementRoutes(app: App, deps: AppDeps) {
  const one = { 200: Announcement };
  app.get(
    '/api/inspections/:id/announcement',
    { config: { permission: 'inspection.read' }, schema: { params: IdParams, response: one } },
    (req) => service.getAnnouncement(contextOf(deps, req), req.params.id),
  );
  app.put(
    '/api/inspections/:id/announcement',
    {
      config: { permission: 'announcement.manage' },
      schema: { params: IdParams, body: AnnouncementSave, response: one },
    },
    (req) => service.saveAnnouncement(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/inspections/:id/announcement/publish',
    {
      config: { permission: 'announcement.manage' },
      schema: { params: IdParams, body: z.object({}).optional(), response: one },
    },
    (req) => service.publishAnnouncement(contextOf(deps, req), req.params.id),
  );
}
