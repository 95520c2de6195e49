import { CalendarDay, CalendarDayParams, CalendarDayUpdate, CalendarQuery, CalendarYear } from '@xuncha/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './calendar.service.ts';

export function calendarRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/calendar',
    { config: { authenticated: true }, schema: { querystring: CalendarQuery, response: { 200: CalendarYear } } },
    (req) => service.calendarYear(contextOf(deps, req), req.query.year),
  );
  app.put(
    '/api/calendar/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { params: CalendarDayParams, body: CalendarDayUpdate, response: { 200: CalendarDay } },
    },
    (req) => service.setCalendarDay(contextOf(deps, req), req.params.day, req.body),
  );
  app.delete(
    '/api/calendar/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { params: CalendarDayParams, response: { 200: z.object({ ok: z.boolean() }) } },
    },
    (req) => service.resetCalendarDay(contextOf(deps, req), req.params.day),
  );
}
