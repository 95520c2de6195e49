-- Permissions and roles for organisation, talent pool, teams and planning (issue 4).

INSERT INTO permission (code, name) VALUES
  ('committee.manage', '管理派出党委'),
  ('unit.update', '维护单位'),
  ('leading_group.read', '查看领导小组和巡察办'),
  ('leading_group.manage', '维护领导小组和巡察办'),
  ('cadre.read', '查看人才库'),
  ('cadre.manage', '维护人才库'),
  ('cadre.appraise', '综合鉴定'),
  ('team.read', '查看巡察组'),
  ('team.manage', '组建巡察组'),
  ('avoidance.override', '回避例外审批'),
  ('term_plan.read', '查看届内规划'),
  ('term_plan.manage', '维护届内规划'),
  ('round.update', '维护巡察轮次'),
  ('inspection.update', '维护巡察'),
  ('inspection.advance', '推进巡察阶段'),
  ('announcement.manage', '发布巡察公告'),
  ('enquiry.read', '查看函询'),
  ('enquiry.create', '发出函询'),
  ('enquiry.answer', '答复函询');

-- 函询答复单位: 纪委监委, 组织部, 信访, 审计, 政法 answer the office's pre-inspection enquiries addressed
-- to their unit. Granted on that unit only; it sees nothing else.
INSERT INTO role (code, name, scope_kinds) VALUES ('enquiry_respondent', '函询答复单位', '{unit}');

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('sysadmin', 'committee.manage'), ('sysadmin', 'unit.update'), ('sysadmin', 'leading_group.read'),
  ('leader', 'leading_group.read'), ('leader', 'cadre.read'), ('leader', 'team.read'),
  ('leader', 'avoidance.override'), ('leader', 'term_plan.read'), ('leader', 'enquiry.read'),
  ('office', 'unit.update'), ('office', 'leading_group.read'), ('office', 'leading_group.manage'),
  ('office', 'cadre.read'), ('office', 'cadre.manage'), ('office', 'cadre.appraise'),
  ('office', 'team.read'), ('office', 'team.manage'), ('office', 'term_plan.read'), ('office', 'term_plan.manage'),
  ('office', 'round.update'), ('office', 'inspection.update'), ('office', 'inspection.advance'),
  ('office', 'announcement.manage'), ('office', 'enquiry.read'), ('office', 'enquiry.create'),
  ('team_leader', 'inspection.advance'), ('team_leader', 'announcement.manage'), ('team_leader', 'enquiry.read'),
  ('team_member', 'enquiry.read'),
  ('organization', 'cadre.read'),
  ('enquiry_respondent', 'enquiry.read'), ('enquiry_respondent', 'enquiry.answer')
) AS v(r, p);

-- A 回避 exception is approved by a leader at the moment of assignment (adding the member, or giving the
-- team its target), so the leader may make those two changes; everything else about teams stays the office's.
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('leader', 'team.manage'), ('leader', 'inspection.update');
