// Talent pool (人才库, DOMAIN.md §2): cadres, their records (工作经历, 亲属, 可抽调时间, 培训, 表彰),
// participation history and 综合鉴定. Inputs carry no defaults: the same fields, made partial, are the
// corrections (PATCH), where a default would silently overwrite what was stored.
import { z } from 'zod';
import { DateString, Id, optionalText, PageQuery, pageOf, QueryBool, text } from './common.ts';
import { unitKind } from './taxonomy.ts';

export const CADRE_SKILLS = [
  'finance',
  'audit',
  'discipline',
  'personnel',
  'law',
  'engineering',
  'it',
  'writing',
  'agriculture',
  'education_health',
] as const;
export const CadreSkill = z.enum(CADRE_SKILLS, { error: '专长不正确' });
export type CadreSkill = z.infer<typeof CadreSkill>;
export const cadreSkillLabel: Record<CadreSkill, string> = {
  finance: '财务',
  audit: '审计',
  discipline: '纪检',
  personnel: '组织人事',
  law: '法律',
  engineering: '工程',
  it: '信息化',
  writing: '文字综合',
  agriculture: '农业农村',
  education_health: '教育卫生',
};

export const RELATIONS = ['spouse', 'lineal', 'collateral', 'in_law'] as const;
export const Relation = z.enum(RELATIONS, { error: '亲属关系不正确' });
export const relationLabel: Record<z.infer<typeof Relation>, string> = {
  spouse: '配偶',
  lineal: '直系血亲',
  collateral: '三代以内旁系血亲',
  in_law: '近姻亲',
};

export const Gender = z.enum(['male', 'female'], { error: '性别不正确' });
export const genderLabel: Record<z.infer<typeof Gender>, string> = { male: '男', female: '女' };

export const APPRAISAL_GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export const AppraisalGrade = z.enum(APPRAISAL_GRADES, { error: '鉴定等次不正确' });
export type AppraisalGrade = z.infer<typeof AppraisalGrade>;
export const appraisalGradeLabel: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

export const CadreAbilities = z.object({ manage: z.boolean(), appraise: z.boolean() });

export const Cadre = z.object({
  id: z.string(),
  name: z.string(),
  gender: Gender.nullable(),
  birthYear: z.number().nullable(),
  homeUnitId: z.string().nullable(),
  homeUnitName: z.string(),
  post: z.string(),
  rank: z.string().nullable(),
  phone: z.string().nullable(),
  skills: z.array(CadreSkill),
  active: z.boolean(),
  notes: z.string().nullable(),
  participationCount: z.number(),
  lastParticipation: DateString.nullable(),
  lastRoundName: z.string().nullable(),
  trainingCount: z.number(),
  commendationCount: z.number(),
  abilities: CadreAbilities,
});
export type Cadre = z.infer<typeof Cadre>;
export const CadrePage = pageOf(Cadre);

/** `a,b,c` in a query string → a list (the export link carries the same filters as the list). */
const csv = z.string().transform((s) => s.split(',').filter(Boolean));

export const CADRE_SORTS = ['name', '-participationCount', '-lastParticipation'] as const;
/** List filters; the export takes the same. The availability range is checked by the service (both ends, in order). */
export const CadreFilter = z.object({
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
  skills: csv.pipe(z.array(CadreSkill).max(10, { error: '专长最多 10 项' })).optional(),
  availableFrom: DateString.optional(),
  availableTo: DateString.optional(),
  unitKind: unitKind.schema.optional(),
  active: QueryBool.optional(),
  sort: z.enum(CADRE_SORTS, { error: '排序方式不正确' }).default('name'),
});
export type CadreFilter = z.output<typeof CadreFilter>;
export const CadreListQuery = PageQuery.extend(CadreFilter.shape);
export type CadreListQuery = z.output<typeof CadreListQuery>;

const phone = z
  .string()
  .trim()
  .regex(/^[0-9-]{7,20}$/, { error: '联系电话格式不正确' })
  .optional();

export const CadreCreate = z.object({
  name: text('姓名', 30),
  gender: Gender.optional(),
  birthYear: z
    .number({ error: '出生年份必须是数字' })
    .int()
    .min(1940)
    .max(2010, { error: '出生年份不合理' })
    .optional(),
  /** a unit of the org tree; otherwise only homeUnitName (市审计局, 检察院 …) */
  homeUnitId: Id.optional(),
  homeUnitName: optionalText('所在单位', 100),
  post: text('职务', 50),
  rank: optionalText('职级', 30),
  phone,
  skills: z.array(CadreSkill).max(10).optional(),
  notes: optionalText('备注', 500),
});
export type CadreCreate = z.infer<typeof CadreCreate>;
export const CadreUpdate = CadreCreate.partial().refine((v) => Object.keys(v).length > 0, {
  error: '没有要修改的内容',
});
export type CadreUpdate = z.infer<typeof CadreUpdate>;

function dateOrder<T extends { startDate?: string | null; endDate?: string | null }>(v: T) {
  return !v.startDate || !v.endDate || v.startDate <= v.endDate;
}
const orderMessage = { error: '结束日期不能早于开始日期', path: ['endDate'] };

export const AvailabilityFields = z.object({
  startDate: DateString,
  endDate: DateString,
  available: z.boolean().optional(),
  note: optionalText('说明', 200),
});
export const AvailabilityInput = AvailabilityFields.refine(dateOrder, orderMessage);
export const AvailabilityPatch = AvailabilityFields.partial().refine(dateOrder, orderMessage);
export const Availability = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  available: z.boolean(),
  note: z.string().nullable(),
});

export const PastPostFields = z.object({
  unitId: Id.optional(),
  unitName: optionalText('单位', 100),
  post: text('职务', 50),
  startDate: DateString.optional(),
  endDate: DateString.optional(),
});
export const PastPostInput = PastPostFields.refine(dateOrder, orderMessage);
export const PastPostPatch = PastPostFields.partial().refine(dateOrder, orderMessage);
export const PastPost = z.object({
  id: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string(),
  post: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const RelativeFields = z.object({
  name: text('亲属姓名', 30),
  relation: Relation,
  unitId: Id.optional(),
  unitName: optionalText('工作单位', 100),
  post: text('职务', 50),
  isLeader: z.boolean().optional(),
});
export const RelativeInput = RelativeFields;
export const RelativePatch = RelativeFields.partial();
export const Relative = z.object({
  id: z.string(),
  name: z.string(),
  relation: Relation,
  unitId: z.string().nullable(),
  unitName: z.string(),
  post: z.string(),
  isLeader: z.boolean(),
});

export const TrainingFields = z.object({
  title: text('培训名称', 100),
  organizer: text('主办单位', 100),
  startDate: DateString,
  endDate: DateString,
  hours: z.number({ error: '学时必须是数字' }).min(0).max(2000, { error: '学时不合理' }).optional(),
  note: optionalText('备注', 200),
});
export const TrainingInput = TrainingFields.refine(dateOrder, orderMessage);
export const TrainingPatch = TrainingFields.partial().refine(dateOrder, orderMessage);
export const Training = z.object({
  id: z.string(),
  title: z.string(),
  organizer: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number().nullable(),
  note: z.string().nullable(),
});

export const CommendationFields = z.object({
  title: text('表彰名称', 100),
  grantor: text('授予单位', 100),
  grantedOn: DateString,
  note: optionalText('备注', 200),
});
export const CommendationInput = CommendationFields;
export const CommendationPatch = CommendationFields.partial();
export const Commendation = z.object({
  id: z.string(),
  title: z.string(),
  grantor: z.string(),
  grantedOn: z.string(),
  note: z.string().nullable(),
});

export const Participation = z.object({
  teamId: z.string(),
  teamName: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  roundStart: z.string(),
  roundEnd: z.string(),
  post: z.string(),
  pledgedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  targetNames: z.array(z.string()),
});

export const Appraisal = z.object({
  id: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  homeUnitName: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  roundName: z.string(),
  grade: AppraisalGrade,
  comment: z.string(),
  appraisedByName: z.string(),
  appraisedOn: z.string(),
});
export type Appraisal = z.infer<typeof Appraisal>;
export const AppraisalPage = pageOf(Appraisal);
export const AppraisalCreate = z.object({ teamId: Id, grade: AppraisalGrade, comment: text('鉴定意见', 2000) });
export const AppraisalFilter = z.object({
  q: z.string().trim().max(50, { error: '关键词不能超过 50 个字' }).optional(),
  grade: AppraisalGrade.optional(),
  roundId: Id.optional(),
});
export const AppraisalListQuery = PageQuery.extend(AppraisalFilter.shape);

export const CadreDetail = Cadre.extend({
  availability: z.array(Availability),
  pastPosts: z.array(PastPost),
  relatives: z.array(Relative),
  trainings: z.array(Training),
  commendations: z.array(Commendation),
  participations: z.array(Participation),
  appraisals: z.array(Appraisal),
});
export type CadreDetail = z.infer<typeof CadreDetail>;

export const CadreAvoidanceQuery = z.object({
  unitIds: csv.pipe(z.array(Id).min(1, { error: '请选择被巡察单位' }).max(50, { error: '一次最多 50 个单位' })),
  asOf: DateString.optional(),
});

/** The sub-records a cadre carries, as they appear in URLs: POST /api/cadres/:id/<kind>, PATCH /api/cadre-<kind>/:id. */
export const CADRE_RECORD_KINDS = ['availability', 'past-posts', 'relatives', 'trainings', 'commendations'] as const;
export type CadreRecordKind = (typeof CADRE_RECORD_KINDS)[number];
