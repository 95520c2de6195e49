import { z } from 'zod';
import { DateString, Id, PageQuery, pageOf, text } from './common.ts';
import { InspectionPhase } from './statuses.ts';
import { inspectionType } from './taxonomy.ts';

export const Round = z.object({
  id: z.string(),
  committeeId: z.string(),
  name: z.string(),
  year: z.number(),
  seq: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  /** 动员部署会 */
  mobilisedOn: z.string().nullable(),
  inspectionCount: z.number(),
  teamCount: z.number(),
});
export type Round = z.infer<typeof Round>;
export const RoundPage = pageOf(Round);

const year = z
  .number({ error: '年度必须是数字' })
  .int()
  .min(2000, { error: '年度不正确' })
  .max(2100, { error: '年度不正确' });

export const RoundCreate = z
  .object({
    committeeId: Id,
    name: text('轮次名称', 100),
    year,
    seq: z.number({ error: '轮次序号必须是数字' }).int().min(1, { error: '轮次序号从 1 开始' }).max(50),
    startDate: DateString,
    endDate: DateString,
    mobilisedOn: DateString.optional(),
  })
  .refine((r) => r.startDate <= r.endDate, { error: '结束日期不能早于开始日期', path: ['endDate'] });
export type RoundCreate = z.infer<typeof RoundCreate>;

export const RoundUpdate = z
  .object({
    name: text('轮次名称', 100).optional(),
    startDate: DateString.optional(),
    endDate: DateString.optional(),
    mobilisedOn: DateString.nullable().optional(),
  })
  .refine((r) => !r.startDate || !r.endDate || r.startDate <= r.endDate, {
    error: '结束日期不能早于开始日期',
    path: ['endDate'],
  });
export type RoundUpdate = z.infer<typeof RoundUpdate>;

export const RoundListQuery = PageQuery.extend({
  committeeId: Id.optional(),
  year: z.coerce.number().int().optional(),
});

/** The next round's name and numbers, from the committee's earlier rounds ("十五届区委第四轮巡察"). */
export const RoundSuggestionQuery = z.object({ committeeId: Id });
export const RoundSuggestion = z.object({ name: z.string(), year: z.number(), seq: z.number() });

export const RoundTeamSummary = z.object({ id: z.string(), name: z.string(), memberCount: z.number() });
export const RoundTarget = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
});
export const RoundDetail = Round.extend({
  teams: z.array(RoundTeamSummary),
  /** Targets of the round (bounded: a county round has at most a few hundred). */
  targets: z.array(RoundTarget),
  abilities: z.object({ update: z.boolean(), createTeam: z.boolean(), createInspection: z.boolean() }),
});
export type RoundDetail = z.infer<typeof RoundDetail>;
