// 巡察组: formed per round from the talent pool; one team may cover several units (一托N).
import { z } from 'zod';
import { Id, PageQuery, pageOf, text } from './common.ts';
import { AvoidanceOverride } from './inspection.ts';
import { InspectionPhase } from './statuses.ts';
import { inspectionType } from './taxonomy.ts';

export const TEAM_POSTS = ['leader', 'deputy_leader', 'member', 'liaison'] as const;
export const TeamPost = z.enum(TEAM_POSTS, { error: '职务不正确' });
export type TeamPost = z.infer<typeof TeamPost>;
export const teamPostLabel: Record<TeamPost, string> = {
  leader: '组长',
  deputy_leader: '副组长',
  member: '组员',
  liaison: '联络员',
};

/** 巡察干部“八个严禁” (the standard formulation of the discipline pledge, read and accepted on joining). */
export const PLEDGE_TITLE = '巡察干部“八个严禁”';
export const PLEDGE_ITEMS = [
  '严禁超越巡察权限，干预被巡察单位正常工作',
  '严禁泄露巡察工作秘密',
  '严禁向被巡察单位提出与巡察工作无关的要求',
  '严禁利用巡察工作之便谋取私利',
  '严禁接受被巡察单位的宴请、礼品礼金和各种土特产',
  '严禁参加被巡察单位安排的娱乐、旅游、健身等活动',
  '严禁到被巡察单位报销任何费用',
  '严禁擅自接受采访、对外发布巡察信息',
] as const;

export const Team = z.object({
  id: z.string(),
  committeeId: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  name: z.string(),
  leaderName: z.string().nullable(),
  memberCount: z.number(),
  targetCount: z.number(),
});
export type Team = z.infer<typeof Team>;
export const TeamPage = pageOf(Team);

export const TeamListQuery = PageQuery.extend({ roundId: Id.optional(), name: z.string().trim().max(50).optional() });
export const TeamCreate = z.object({ name: text('巡察组名称', 50) });
export const TeamUpdate = TeamCreate;

export const TeamMember = z.object({
  id: z.string(),
  cadreId: z.string(),
  cadreName: z.string(),
  homeUnitName: z.string(),
  post: TeamPost,
  isBranchSecretary: z.boolean(),
  pledgedAt: z.string().nullable(),
  overrideReason: z.string().nullable(),
  joinedAt: z.string(),
  leftAt: z.string().nullable(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const TeamTarget = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  type: inspectionType.schema,
  phase: InspectionPhase,
});

export const TeamDetail = Team.extend({
  members: z.array(TeamMember),
  targets: z.array(TeamTarget),
  abilities: z.object({ manage: z.boolean(), override: z.boolean() }),
});
export type TeamDetail = z.infer<typeof TeamDetail>;

export const TeamMemberAdd = z.object({
  cadreId: Id,
  post: TeamPost,
  isBranchSecretary: z.boolean({ error: '应为是或否' }).default(false),
  override: AvoidanceOverride.optional(),
});
export type TeamMemberAdd = z.infer<typeof TeamMemberAdd>;

export const AVOIDANCE_RULES = ['home_unit', 'past_post', 'relative', 'under_inspection', 'cross_area'] as const;
export const avoidanceRuleLabel: Record<(typeof AVOIDANCE_RULES)[number], string> = {
  home_unit: '本单位',
  past_post: '曾任职',
  relative: '亲属任职',
  under_inspection: '正被巡察',
  cross_area: '交叉巡察须异地',
};
export const AvoidanceConflictView = z.object({
  cadreId: z.string(),
  cadreName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  rule: z.enum(AVOIDANCE_RULES),
  message: z.string(),
});
export type AvoidanceConflictView = z.infer<typeof AvoidanceConflictView>;
export const AvoidanceQuery = z.object({ cadreId: Id });
export const AvoidanceList = z.object({ items: z.array(AvoidanceConflictView) });

/** The caller's own team memberships: what to pledge before seeing fieldwork. */
export const MyTeamMembership = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  roundName: z.string(),
  post: TeamPost,
  pledgedAt: z.string().nullable(),
  targetNames: z.array(z.string()),
});
export const MyTeamMemberships = z.object({
  items: z.array(MyTeamMembership),
  pledge: z.object({ title: z.string(), items: z.array(z.string()) }),
});
