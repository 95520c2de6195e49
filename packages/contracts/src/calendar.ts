// 工作日历: the holiday calendar that working-day time limits count on. Only exceptions are kept
// (public holidays, 调休 working weekends); every other Monday–Friday is a working day.
import { z } from 'zod';
import { DateString, text } from './common.ts';
import { labelled } from './taxonomy.ts';

export const calendarDayKind = labelled(['holiday', 'workday'], {
  holiday: '法定节假日（休）',
  workday: '调休上班',
});
export type CalendarDayKind = (typeof calendarDayKind.codes)[number];

export const CalendarDay = z.object({
  day: z.string(),
  kind: calendarDayKind.schema,
  name: z.string(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

export const CalendarYear = z.object({
  year: z.number(),
  days: z.array(CalendarDay),
  /** working days per month, January first (12 entries) */
  workingDays: z.array(z.number()),
  canManage: z.boolean(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CalendarQuery = z.object({
  year: z.coerce
    .number({ error: '年份必须是数字' })
    .int({ error: '年份必须是整数' })
    .min(2000, { error: '年份应在 2000 年至 2100 年之间' })
    .max(2100, { error: '年份应在 2000 年至 2100 年之间' }),
});
export const CalendarDayParams = z.object({ day: DateString });
export const CalendarDayUpdate = z.object({
  kind: calendarDayKind.schema,
  name: text('名称', 40),
});
export type CalendarDayUpdate = z.infer<typeof CalendarDayUpdate>;
