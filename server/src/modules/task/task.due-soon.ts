// 即将到期 is derived like 逾期, never stored: a task not yet closed whose time limit falls between today
// and the committee's first-reminder limit (reminder_first, 7 days by default) — the very day the
// reminder sweep starts warning its owner, so the badge and the reminder agree.
import { addTimeLimit, DEFAULT_TIME_LIMITS, type IsWorkday } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { timeLimitOf } from '../time-limit/time-limit.repository.ts';

export interface DueSoon {
  today: string;
  /** the last due date still "due soon" for tasks of this committee */
  cutoffOf: (committeeId: string) => string;
}

/** The cut-off of every committee among `committeeIds` (usually one: the user's). */
export async function dueSoonOf(db: Db, committeeIds: string[], today: string): Promise<DueSoon> {
  const limits = [];
  for (const id of new Set(committeeIds)) limits.push({ id, limit: await timeLimitOf(db, id, 'reminder_first') });
  let isWorkday: IsWorkday | undefined;
  if (limits.some((l) => l.limit.unit === 'working_day')) isWorkday = await loadWorkCalendar(db);
  const cutoffs = new Map(limits.map((l) => [l.id, addTimeLimit(today, l.limit, isWorkday)]));
  const fallback = addTimeLimit(today, DEFAULT_TIME_LIMITS.reminder_first);
  return { today, cutoffOf: (committeeId) => cutoffs.get(committeeId) ?? fallback };
}

export function isDueSoon(
  task: { committeeId: string; status: string; dueDate: string },
  { today, cutoffOf }: DueSoon,
): boolean {
  return task.status !== 'closed' && task.dueDate >= today && task.dueDate <= cutoffOf(task.committeeId);
}
