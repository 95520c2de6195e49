// 工作日历: the year's exceptions and working days per month; the office marks a day as a holiday or a
// 调休 working weekend, or returns it to normal. Each change is audited with the day before and after.
// A calendar entry is configuration, not a record of work, so returning a day to normal removes its row
// (the audit log keeps what it was).
import { type CalendarDayKind, type CalendarDayUpdate, type CalendarYear, calendarDayKind } from '@xuncha/contracts';
import { holdsPermission } from '../../access/session-user.ts';
import { writeAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { calendarDaysBetween, deleteCalendarDay, findCalendarDay, saveCalendarDay } from './calendar.repository.ts';
import { isWeekend, workingDaysPerMonth } from './working-days.ts';

function present(row: { day: string; kind: string; name: string; updatedAt: string }) {
  return { ...row, kind: row.kind as CalendarDayKind };
}

export async function calendarYear(ctx: RequestContext, year: number): Promise<CalendarYear> {
  const days = (await calendarDaysBetween(ctx.db, `${year}-01-01`, `${year}-12-31`)).map(present);
  return {
    year,
    days,
    workingDays: workingDaysPerMonth(year, days),
    canManage: holdsPermission(ctx.user, 'calendar.manage'),
  };
}

export async function setCalendarDay(ctx: RequestContext, day: string, input: CalendarDayUpdate) {
  // a weekday is worked anyway: marking it 调休上班 would change nothing and hide a typing mistake
  if (input.kind === 'workday' && !isWeekend(day)) {
    throw badRequest('只有周六、周日可以设为调休上班', [{ path: 'kind', message: '只有周六、周日可以设为调休上班' }]);
  }
  return withTransaction(ctx.db, async (tx) => {
    const before = await findCalendarDay(tx, day);
    const saved = await saveCalendarDay(tx, { day, kind: input.kind, name: input.name, by: ctx.user.id });
    await writeAudit(tx, ctx.actor, {
      action: 'calendar.update',
      entity: 'work_calendar_day',
      entityId: day,
      before: before ? { kind: before.kind, name: before.name } : null,
      after: { kind: input.kind, name: input.name, label: calendarDayKind.labels[input.kind] },
    });
    return present(saved);
  });
}

export async function resetCalendarDay(ctx: RequestContext, day: string) {
  await withTransaction(ctx.db, async (tx) => {
    const before = await findCalendarDay(tx, day);
    if (!before || !(await deleteCalendarDay(tx, day))) throw notFound('该日期没有设置节假日或调休');
    await writeAudit(tx, ctx.actor, {
      action: 'calendar.reset',
      entity: 'work_calendar_day',
      entityId: day,
      before: { kind: before.kind, name: before.name },
      after: null,
    });
  });
  return { ok: true };
}
