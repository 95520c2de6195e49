// Pure working-day arithmetic over the calendar's exceptions, shared by the calendar page (working days
// per month) and by callers that already hold the rows.
import type { IsWorkday } from '@xuncha/contracts';

export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Monday–Friday unless an exception says otherwise ('holiday' rests, 'workday' works). */
export function calendarOf(exceptions: readonly { day: string; kind: string }[]): IsWorkday {
  const worked = new Map(exceptions.map((e) => [e.day, e.kind === 'workday']));
  return (date) => worked.get(date) ?? !isWeekend(date);
}

/** Working days in each month of the year, January first. */
export function workingDaysPerMonth(year: number, exceptions: readonly { day: string; kind: string }[]): number[] {
  const isWorkday = calendarOf(exceptions);
  return Array.from({ length: 12 }, (_, month) => {
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    let count = 0;
    for (let d = 1; d <= days; d += 1) {
      if (isWorkday(new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10))) count += 1;
    }
    return count;
  });
}
