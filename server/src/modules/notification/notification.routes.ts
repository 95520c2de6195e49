import {
  IdParams,
  Notification,
  NotificationPage,
  NotificationQuery,
  ReadAllResult,
  UnreadCount,
} from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './notification.service.ts';

export function notificationRoutes(app: App, deps: AppDeps) {
  const mine = { authenticated: true } as const;
  app.get(
    '/api/notifications',
    { config: mine, schema: { querystring: NotificationQuery, response: { 200: NotificationPage } } },
    (req) => service.myNotifications(contextOf(deps, req), req.query),
  );
  app.get('/api/notifications/unread-count', { config: mine, schema: { response: { 200: UnreadCount } } }, (req) =>
    service.myUnreadCount(contextOf(deps, req)),
  );
  app.post(
    '/api/notifications/:id/read',
    { config: mine, schema: { params: IdParams, body: z.object({}).nullish(), response: { 200: Notification } } },
    (req) => service.readNotification(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/notifications/read-all',
    { config: mine, schema: { body: z.object({}).nullish(), response: { 200: ReadAllResult } } },
    (req) => service.readAllNotifications(contextOf(deps, req)),
  );
}
