import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf, text } from './common.ts';

export const Round = z.object({
  id: z.string(),
  committeeId: z.string(),
  name: z.string(),
  year: z.number(),
  seq: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  inspectionCount: z.number(),
});
export type Round = z.infer<typeof Round>;
export const RoundPage = pageOf(Round);

export const RoundCreate = z
  .object({
    committeeId: Id,
    name: text('轮次名称', 100),
    year: z
      .number({ error: '年度必须是数字' })
      .int()
      .min(2000, { error: '年度不正确' })
      .max(2100, { error: '年度不正确' }),
    seq: z.number({ error: '轮次序号必须是数字' }).int().min(1, { error: '轮次序号从 1 开始' }).max(50),
    startDate: DateString,
    endDate: DateString,
  })
  .refine((r) => r.startDate <= r.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type RoundCreate = z.infer<typeof RoundCreate>;

export const RoundListQuery = PageQuery.extend({ committeeId: Id.optional() });
