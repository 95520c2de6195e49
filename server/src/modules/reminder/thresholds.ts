// When a reminder is due (DOMAIN.md §7): a deadline within the committee's reminder_first limit of today
// gets the first reminder, within reminder_second the second, and a passed deadline the overdue notice.
// Only the most urgent applicable threshold is sent on a sweep, so a task created the day before its
// deadline is not also told "7 days left". The SQL of the task sweeper encodes the same rule with the
// cut-off dates computed here; the property test checks the two agree.
import {
  addTimeLimit,
  DEFAULT_TIME_LIMITS,
  type IsWorkday,
  type TimeLimitCode,
  type TimeLimitUnit,
  type TimeLimitValue,
} from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';

export type Threshold = 'first' | 'second' | 'overdue';

export interface Cutoffs {
  asOf: string;
  /** the last due date that gets the first reminder today */
  first: string;
  /** the last due date that gets the second reminder today */
  second: string;
}

export type LimitsOf = (committeeId: string, code: TimeLimitCode) => TimeLimitValue;

export function cutoffsFor(asOf: string, limitOf: (code: TimeLimitCode) => TimeLimitValue, isWorkday: IsWorkday) {
  return {
    asOf,
    first: addTimeLimit(asOf, limitOf('reminder_first'), isWorkday),
    second: addTimeLimit(asOf, limitOf('reminder_second'), isWorkday),
  };
}

/** The reminder a deadline earns on `cutoffs.asOf`, or null when it is still far off. */
export function thresholdOf(due: string, cutoffs: Cutoffs): Threshold | null {
  if (due < cutoffs.asOf) return 'overdue';
  if (due <= cutoffs.second) return 'second';
  if (due <= cutoffs.first) return 'first';
  return null;
}

/** Every committee's time limits: its own rows where set, the defaults otherwise (one query). */
export async function loadCommitteeLimits(db: Db): Promise<{ committeeIds: string[]; limitOf: LimitsOf }> {
  const [committees, own] = await Promise.all([
    db.selectFrom('committee').select('id').execute(),
    db.selectFrom('committee_time_limit').select(['committee_id', 'code', 'amount', 'unit']).execute(),
  ]);
  const byKey = new Map(
    own.map((r) => [`${r.committee_id}:${r.code}`, { amount: r.amount, unit: r.unit as TimeLimitUnit }]),
  );
  return {
    committeeIds: committees.map((c) => c.id),
    limitOf: (committeeId, code) => byKey.get(`${committeeId}:${code}`) ?? DEFAULT_TIME_LIMITS[code],
  };
}
