// A deadline from a start date and one of the committee's time limits, counting working days on the
// holiday calendar. Used wherever a clock starts: feedback → 整改方案, 移交 → result, 督办 → answer …
import { addTimeLimit, type TimeLimitCode } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { timeLimitOf } from './time-limit.repository.ts';

export async function deadlineFor(db: Db, committeeId: string, code: TimeLimitCode, from: string): Promise<string> {
  const limit = await timeLimitOf(db, committeeId, code);
  return addTimeLimit(from, limit, limit.unit === 'working_day' ? await loadWorkCalendar(db) : undefined);
}
