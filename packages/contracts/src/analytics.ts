// 统计分析 (issue 9, DOMAIN.md §8): the filter every dashboard, drill-down and export of a committee shares.
// A figure is computed in SQL over the rows the filter selects; its drill-down lists exactly those rows.
import { z } from 'zod';
import { Id } from './common.ts';
import { unitKind } from './taxonomy.ts';

export const AnalyticsFilter = z.object({
  /** the committee looked at; default: the first committee the user reads analytics in */
  committeeId: Id.optional(),
  /** 届: inspections whose 进驻 (start date) falls within the term plan's period */
  termPlanId: Id.optional(),
  roundId: Id.optional(),
  unitKind: z.enum(unitKind.codes, { error: '单位类别不正确' }).optional(),
  /** 区域: a unit and everything under it (a township and its villages, a department and its units) */
  areaUnitId: Id.optional(),
});
export type AnalyticsFilter = z.infer<typeof AnalyticsFilter>;
