// The plan's 报送时限 (feedback date + plan_submit, 15 working days by default) and the derived
// overdue / due-soon, from the committee's limit and the holiday calendar. Never stored.
import { addTimeLimit, type IsWorkday, type PlanStatus, type TimeLimitValue } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { timeLimitOf } from '../time-limit/time-limit.repository.ts';

/** Due within this many days counts as 即将到期 (the first reminder's threshold, DOMAIN.md §6). */
const DUE_SOON_DAYS = 7;
const DAY = 86_400_000;

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export interface PlanClock {
  dueDate(committeeId: string, feedbackDate: string): string;
  /** The latest feedback date whose plan is overdue today, per committee (for the SQL filter). */
  overdueCutoff(committeeId: string): string;
}

/** Loads the limits of these committees and the calendar once, for a page of plans. */
export async function planClock(db: Db, committeeIds: Iterable<string>, today: string): Promise<PlanClock> {
  const isWorkday: IsWorkday = await loadWorkCalendar(db);
  const limits = new Map<string, TimeLimitValue>();
  for (const id of new Set(committeeIds)) limits.set(id, await timeLimitOf(db, id, 'plan_submit'));
  const limitOf = (committeeId: string) => {
    const limit = limits.get(committeeId);
    if (!limit) throw new Error(`plan_submit limit of committee ${committeeId} was not loaded`);
    return limit;
  };
  const dueDate = (committeeId: string, feedbackDate: string) =>
    addTimeLimit(feedbackDate, limitOf(committeeId), isWorkday);
  return {
    dueDate,
    overdueCutoff(committeeId) {
      // The due date grows with the feedback date, so walk back from today to the first one already past.
      let feedback = shift(today, -1);
      while (dueDate(committeeId, feedback) >= today) feedback = shift(feedback, -1);
      return feedback;
    },
  };
}

/** Overdue and due-soon only while the unit still owes the plan (起草中 or 退回重来). */
export function planTimeliness(status: PlanStatus, dueDate: string, today: string) {
  const owed = status === 'draft' || status === 'returned';
  const overdue = owed && dueDate < today;
  return { overdue, dueSoon: owed && !overdue && dueDate <= shift(today, DUE_SOON_DAYS) };
}
