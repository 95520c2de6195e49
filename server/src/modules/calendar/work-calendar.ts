// The working-day calendar: Monday–Friday are working days except the public holidays stored in
// work_calendar_day, and weekend days stored as 'workday' (调休) are worked. The table holds only
// these exceptions (a few dozen a year), so it is read whole.
import type { IsWorkday } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';

export async function loadWorkCalendar(db: Db): Promise<IsWorkday> {
  const rows = await db.selectFrom('work_calendar_day').select(['day', 'kind']).execute();
  const exceptions = new Map(rows.map((r) => [r.day, r.kind === 'workday']));
  return (date) => {
    const exception = exceptions.get(date);
    if (exception !== undefined) return exception;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}
