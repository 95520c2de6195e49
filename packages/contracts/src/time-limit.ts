// Time limits (按规定时限, DOMAIN.md §6), configurable per committee; the defaults are the domain's.
// Issue 6 adds the rectification clocks (整改方案 in working days, 集中整改期, 回访) to this list.
import { z } from 'zod';
import { labelled } from './taxonomy.ts';

export const timeLimitUnit = labelled(['day', 'month'], { day: '天', month: '个月' });
export type TimeLimitUnit = (typeof timeLimitUnit.codes)[number];

export const timeLimitCode = labelled(['handover_clue', 'handover_other', 'immediate_task'], {
  handover_clue: '问题线索移交后反馈处置结果',
  handover_other: '其他问题移交后反馈办理结果',
  immediate_task: '立行立改任务完成时限',
});
export type TimeLimitCode = (typeof timeLimitCode.codes)[number];

export interface TimeLimitValue {
  amount: number;
  unit: TimeLimitUnit;
}
export const DEFAULT_TIME_LIMITS: Record<TimeLimitCode, TimeLimitValue> = {
  handover_clue: { amount: 3, unit: 'month' },
  handover_other: { amount: 1, unit: 'month' },
  immediate_task: { amount: 7, unit: 'day' },
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

/** A calendar date plus a time limit ('YYYY-MM-DD' in, out); month arithmetic clamps to the month's end. */
export function addTimeLimit(date: string, limit: TimeLimitValue): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (limit.unit === 'day') {
    const t = new Date(Date.UTC(y, m - 1, d + limit.amount));
    return t.toISOString().slice(0, 10);
  }
  const monthIndex = m - 1 + limit.amount;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
