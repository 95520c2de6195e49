// Permission names are `resource.action`. Roles are data in the database (migration 0002);
// this list is the vocabulary both sides share, and a test checks the database agrees with it.
import { z } from 'zod';

export const PERMISSIONS = [
  'committee.read',
  'committee.manage',
  'unit.read',
  'unit.create',
  'unit.update',
  'user.read',
  'leading_group.read',
  'leading_group.manage',
  'cadre.read',
  'cadre.manage',
  'cadre.appraise',
  'team.read',
  'team.manage',
  'avoidance.override',
  'term_plan.read',
  'term_plan.manage',
  'round.read',
  'round.create',
  'round.update',
  'inspection.read',
  'inspection.create',
  'inspection.update',
  'inspection.advance',
  'announcement.manage',
  'enquiry.read',
  'enquiry.create',
  'enquiry.answer',
  'finding.read',
  'finding.create',
  'feedback.issue',
  'task.read',
  'task.create',
  'task.start',
  'task.submit',
  'task.verify',
  'task.return',
  'evidence.read',
  'evidence.upload',
  'audit.read',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

export const ROLES = [
  'sysadmin',
  'secadmin',
  'auditor',
  'leader',
  'office',
  'team_leader',
  'team_member',
  'discipline',
  'organization',
  'unit_head',
  'unit_liaison',
  'task_owner',
  'enquiry_respondent',
] as const;
export const RoleCode = z.enum(ROLES);
export type RoleCode = z.infer<typeof RoleCode>;
export const roleLabel: Record<RoleCode, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
  leader: '巡察工作领导小组',
  office: '巡察办',
  team_leader: '巡察组组长',
  team_member: '巡察组组员',
  discipline: '纪委监委',
  organization: '组织部',
  unit_head: '被巡察单位主要负责人',
  unit_liaison: '整改联络员',
  task_owner: '整改责任人',
  enquiry_respondent: '函询答复单位',
};

/** Where a role assignment applies: a committee, a unit subtree, one inspection, or only own records. */
export const SCOPE_KINDS = ['committee', 'unit', 'inspection', 'self'] as const;
export const ScopeKind = z.enum(SCOPE_KINDS);
export type ScopeKind = z.infer<typeof ScopeKind>;
