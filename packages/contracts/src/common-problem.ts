// 共性问题 (issue 9 §2, DOMAIN.md §8): findings of different units that describe the same problem, grouped
// by text similarity (jieba terms, IDF-weighted cosine) within the same taxonomy; the office turns a
// cluster into a 举一反三 notice to units or a 专项巡察 proposal the office director adopts or declines.
import { z } from 'zod';
import { AnalyticsFilter } from './analytics.ts';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { area, aspect, discipline, labelled } from './taxonomy.ts';

/** Similarity two findings need to be linked; the default suits the demo data (see the labelled pairs). */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.3;

export const CommonProblemRefresh = z.object({
  committeeId: Id.optional(),
  threshold: z
    .number({ error: '相似度阈值必须是数字' })
    .min(0.05, { error: '相似度阈值不能低于 0.05' })
    .max(0.95, { error: '相似度阈值不能高于 0.95' })
    .optional(),
});
export type CommonProblemRefresh = z.infer<typeof CommonProblemRefresh>;

export const CommonProblemRun = z.object({
  threshold: z.number(),
  computedAt: z.string(),
  findingCount: z.number(),
  pairCount: z.number(),
  clusterCount: z.number(),
  durationMs: z.number(),
});
export type CommonProblemRun = z.infer<typeof CommonProblemRun>;

export const ClusterFilter = AnalyticsFilter.extend({
  aspect: aspect.schema.optional(),
  area: area.schema.optional(),
  q: text('关键词', 50).optional(),
});
export type ClusterFilter = z.infer<typeof ClusterFilter>;
export const ClusterQuery = PageQuery.extend(ClusterFilter.shape);
export type ClusterQuery = z.infer<typeof ClusterQuery>;

export const ClusterUnit = z.object({ id: z.string(), name: z.string() });

export const ClusterRow = z.object({
  id: z.string(),
  label: z.string(),
  terms: z.array(z.string()),
  findingCount: z.number(),
  unitCount: z.number(),
  /** the first units by name (at most 12); unitCount says how many there are */
  units: z.array(ClusterUnit),
  aspect: aspect.schema.nullable(),
  discipline: discipline.schema.nullable(),
  areas: z.array(area.schema),
  cohesion: z.number(),
  exampleTitles: z.array(z.string()),
});
export type ClusterRow = z.infer<typeof ClusterRow>;

export const ClusterPage = pageOf(ClusterRow).extend({ run: CommonProblemRun.nullable(), committeeId: z.string() });
export type ClusterPage = z.infer<typeof ClusterPage>;

export const ClusterParams = z.object({ clusterId: Id });
export const ClusterFindingQuery = PageQuery.extend(AnalyticsFilter.omit({ committeeId: true }).shape);
export type ClusterFindingQuery = z.infer<typeof ClusterFindingQuery>;

export const ClusterFinding = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  roundName: z.string(),
  inspectionId: z.string(),
  title: z.string(),
  facts: z.string(),
  aspect: aspect.schema,
  discipline: discipline.schema.nullable(),
  areas: z.array(area.schema),
});
export type ClusterFinding = z.infer<typeof ClusterFinding>;
export const ClusterFindingPage = pageOf(ClusterFinding);
export type ClusterFindingPage = z.infer<typeof ClusterFindingPage>;

// ── 举一反三 notices ─────────────────────────────────────────────────────────────────────────────
export const noticeStatus = labelled(['draft', 'published'], { draft: '草稿', published: '已发布' });
export type NoticeStatus = (typeof noticeStatus.codes)[number];

/** Omit title/body to take the pre-filled text; omit unitIds to send to every unit of the committee. */
export const NoticeCreate = z.object({
  title: text('通知标题', 100).optional(),
  body: text('通知正文', 4000).optional(),
  target: z.enum(['all', 'cluster', 'chosen'], { error: '通知范围应为 全部单位、涉及单位 或 指定单位' }),
  unitIds: z.array(Id).max(500, { error: '指定单位不能超过 500 个' }).optional(),
});
export type NoticeCreate = z.infer<typeof NoticeCreate>;

export const NoticeRow = z.object({
  id: z.string(),
  clusterId: z.string().nullable(),
  clusterLabel: z.string(),
  title: z.string(),
  body: z.string(),
  targetUnitCount: z.number(),
  targetUnitNames: z.array(z.string()),
  findingCount: z.number(),
  status: noticeStatus.schema,
  createdAt: z.string(),
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  notifiedCount: z.number().nullable(),
});
export type NoticeRow = z.infer<typeof NoticeRow>;
export const NoticeParams = z.object({ noticeId: Id });
export const NoticeQuery = PageQuery.extend({ committeeId: Id.optional(), status: noticeStatus.schema.optional() });
export type NoticeQuery = z.infer<typeof NoticeQuery>;
export const NoticePage = pageOf(NoticeRow);

// ── 专项巡察 proposals ───────────────────────────────────────────────────────────────────────────
export const proposalStatus = labelled(['proposed', 'adopted', 'declined'], {
  proposed: '待决定',
  adopted: '已采纳',
  declined: '未采纳',
});
export type ProposalStatus = (typeof proposalStatus.codes)[number];

export const ProposalCreate = z.object({
  title: text('建议标题', 100).optional(),
  reason: text('建议理由', 4000).optional(),
  /** default: the cluster's units */
  unitIds: z.array(Id).min(1, { error: '请至少选择一个建议巡察单位' }).max(500).optional(),
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;

export const ProposalDecision = z.object({
  decision: z.enum(['adopt', 'decline'], { error: '决定应为 采纳 或 不采纳' }),
  note: text('决定说明', 1000).optional(),
});
export type ProposalDecision = z.infer<typeof ProposalDecision>;

export const ProposalRow = z.object({
  id: z.string(),
  clusterId: z.string().nullable(),
  clusterLabel: z.string(),
  title: z.string(),
  reason: z.string(),
  unitCount: z.number(),
  unitNames: z.array(z.string()),
  findingCount: z.number(),
  status: proposalStatus.schema,
  createdAt: z.string(),
  createdByName: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** the office director may decide while it is proposed */
  canDecide: z.boolean(),
});
export type ProposalRow = z.infer<typeof ProposalRow>;
export const ProposalParams = z.object({ proposalId: Id });
export const ProposalQuery = PageQuery.extend({ committeeId: Id.optional(), status: proposalStatus.schema.optional() });
export type ProposalQuery = z.infer<typeof ProposalQuery>;
export const ProposalPage = pageOf(ProposalRow);
