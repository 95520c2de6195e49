// Time limits (按规定时限, DOMAIN.md §6), configurable per committee; the defaults are the domain's.
// Working days follow the holiday calendar (work_calendar_day); the server resolves them
// (server/src/modules/calendar), so addTimeLimit here takes the calendar as an argument.
import { z } from 'zod';
import { labelled } from './taxonomy.ts';

export const timeLimitUnit = labelled(['day', 'working_day', 'month'], {
  day: '天',
  working_day: '个工作日',
  month: '个月',
});
export type TimeLimitUnit = (typeof timeLimitUnit.codes)[number];

export const timeLimitCode = labelled(
  [
    'handover_clue',
    'handover_other',
    'immediate_task',
    'plan_submit',
    'rectification_period',
    'progress_report',
    'revisit',
    'reminder_first',
    'reminder_second',
    'supervision_response',
    'supervision_escalation',
  ],
  {
    handover_clue: '问题线索移交后反馈处置结果',
    handover_other: '其他问题移交后反馈办理结果',
    immediate_task: '立行立改任务完成时限',
    plan_submit: '反馈后报送整改方案',
    rectification_period: '集中整改期（反馈后报送整改报告）',
    progress_report: '集中整改期内报送整改进展',
    revisit: '整改报告后开展回访',
    reminder_first: '到期前第一次提醒',
    reminder_second: '到期前第二次提醒',
    supervision_response: '督办单答复期限',
    supervision_escalation: '督办单逾期未答复提级',
  },
);
export type TimeLimitCode = (typeof timeLimitCode.codes)[number];

export interface TimeLimitValue {
  amount: number;
  unit: TimeLimitUnit;
}
export const DEFAULT_TIME_LIMITS: Record<TimeLimitCode, TimeLimitValue> = {
  handover_clue: { amount: 3, unit: 'month' },
  handover_other: { amount: 1, unit: 'month' },
  immediate_task: { amount: 7, unit: 'day' },
  plan_submit: { amount: 15, unit: 'working_day' },
  rectification_period: { amount: 2, unit: 'month' },
  progress_report: { amount: 1, unit: 'month' },
  revisit: { amount: 6, unit: 'month' },
  reminder_first: { amount: 7, unit: 'day' },
  reminder_second: { amount: 1, unit: 'day' },
  supervision_response: { amount: 10, unit: 'working_day' },
  supervision_escalation: { amount: 5, unit: 'working_day' },
};

export const TimeLimit = z.object({
  code: timeLimitCode.schema,
  label: z.string(),
  amount: z.number(),
  unit: timeLimitUnit.schema,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TimeLimit = z.infer<typeof TimeLimit>;
export const TimeLimitList = z.object({ items: z.array(TimeLimit), canManage: z.boolean() });

export const TimeLimitUpdate = z.object({
  amount: z.coerce
    .number({ error: '时限必须是数字' })
    .int({ error: '时限必须是整数' })
    .min(1, { error: '时限至少为 1' })
    .max(365, { error: '时限不能超过 365' }),
  unit: timeLimitUnit.schema,
});
export type TimeLimitUpdate = z.infer<typeof TimeLimitUpdate>;
export const TimeLimitParams = z.object({
  id: z.uuid({ error: '编号格式不正确' }),
  code: timeLimitCode.schema,
});

/** Answers whether a date ('YYYY-MM-DD') is a working day; the server builds one from the holiday calendar. */
export type IsWorkday = (date: string) => boolean;

/** Monday–Friday, for callers without the holiday calendar (tests, previews). */
export const weekdaysOnly: IsWorkday = (date) => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};

/**
 * A calendar date plus a time limit ('YYYY-MM-DD' in, out); month arithmetic clamps to the month's end;
 * working days skip the days `isWorkday` refuses (the start date itself is never counted).
 */
export function addTimeLimit(date: string, limit: TimeLimitValue, isWorkday: IsWorkday = weekdaysOnly): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (limit.unit === 'working_day') {
    let t = Date.UTC(y, m - 1, d);
    for (let left = limit.amount; left > 0; ) {
      t += 86_400_000;
      if (isWorkday(new Date(t).toISOString().slice(0, 10))) left -= 1;
    }
    return new Date(t).toISOString().slice(0, 10);
  }
  if (limit.unit === 'day') {
    const t = new Date(Date.UTC(y, m - 1, d + limit.amount));
    return t.toISOString().slice(0, 10);
  }
  const monthIndex = m - 1 + limit.amount;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
