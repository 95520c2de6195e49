// The case's clocks, derived from the feedback date and the committee's time limits on every read:
// 整改方案 due (working days on the holiday calendar), 整改报告 due (end of 集中整改期) and the monthly
// progress reports expected in between. Limits and the calendar are loaded once per request and
// committee, never per case.
import { addTimeLimit, type IsWorkday, type TimeLimitValue } from '@xuncha/contracts';
import type { Db } from '../../platform/db.ts';
import { loadWorkCalendar } from '../calendar/work-calendar.ts';
import { timeLimitOf } from '../time-limit/time-limit.repository.ts';

export interface CaseLimits {
  planSubmit: TimeLimitValue;
  rectificationPeriod: TimeLimitValue;
  progressReport: TimeLimitValue;
  isWorkday: IsWorkday;
}

export interface ExpectedProgress {
  period: string;
  dueDate: string;
}

export interface CaseClocks {
  planDue: string;
  reportDue: string;
  expectedProgress: ExpectedProgress[];
}

// a guard against a misconfigured limit (e.g. 1 day) producing hundreds of expected reports
const MAX_PROGRESS_REPORTS = 24;

/**
 * Progress report k covers the k-th interval after feedback and is due at its end; the last interval
 * ends with 集中整改期 and is answered by the 整改报告 itself, so only intervals ending before it count.
 * The period is the month the interval starts in.
 */
export function clocksOf(feedbackDate: string, limits: CaseLimits): CaseClocks {
  const reportDue = addTimeLimit(feedbackDate, limits.rectificationPeriod, limits.isWorkday);
  const expectedProgress: ExpectedProgress[] = [];
  let start = feedbackDate;
  for (let k = 1; k <= MAX_PROGRESS_REPORTS; k += 1) {
    const step = { ...limits.progressReport, amount: limits.progressReport.amount * k };
    const dueDate = addTimeLimit(feedbackDate, step, limits.isWorkday);
    if (dueDate >= reportDue) break;
    expectedProgress.push({ period: start.slice(0, 7), dueDate });
    start = dueDate;
  }
  return {
    planDue: addTimeLimit(feedbackDate, limits.planSubmit, limits.isWorkday),
    reportDue,
    expectedProgress,
  };
}

/** Loads each committee's limits at most once (and the calendar once) for this request. */
export function limitsLoader(db: Db): (committeeId: string) => Promise<CaseLimits> {
  let calendar: Promise<IsWorkday> | undefined;
  const byCommittee = new Map<string, Promise<CaseLimits>>();
  return (committeeId) => {
    let limits = byCommittee.get(committeeId);
    if (!limits) {
      calendar ??= loadWorkCalendar(db);
      const cal = calendar;
      limits = (async () => {
        const [planSubmit, rectificationPeriod, progressReport, isWorkday] = await Promise.all([
          timeLimitOf(db, committeeId, 'plan_submit'),
          timeLimitOf(db, committeeId, 'rectification_period'),
          timeLimitOf(db, committeeId, 'progress_report'),
          cal,
        ]);
        return { planSubmit, rectificationPeriod, progressReport, isWorkday };
      })();
      byCommittee.set(committeeId, limits);
    }
    return limits;
  };
}
