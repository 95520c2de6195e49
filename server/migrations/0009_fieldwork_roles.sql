-- Permissions and roles for fieldwork, clues, reports, meetings and handovers (issue 5).

INSERT INTO permission (code, name) VALUES
  ('fieldwork.read', '查看了解情况记录'),
  ('fieldwork.read_sensitive', '查看敏感记录内容（谈话、来信来访）'),
  ('fieldwork.create', '登记了解情况记录'),
  ('fieldwork.self_check', '报送问题对照自查'),
  ('clue.count', '查看问题线索数量'),
  ('clue.read', '查看问题线索内容'),
  ('clue.create', '登记问题线索'),
  ('clue.update', '处理问题线索（初核、留存）'),
  ('clue.grant', '授权他人查看线索'),
  ('clue.reveal_whistleblower', '查看反映人身份'),
  ('finding.update', '修改问题'),
  ('report.read', '查看巡察报告和反馈意见'),
  ('report.write', '起草巡察报告和反馈意见'),
  ('report.approve', '审定巡察报告'),
  ('meeting.read', '查看会议记录'),
  ('meeting.manage', '记录领导小组会议'),
  ('handover.read', '查看移交'),
  ('handover.create', '移交问题和线索'),
  ('handover.close', '确认移交办结'),
  ('handover.receive_clue', '接收问题线索移交'),
  ('handover.receive_cadre', '接收选人用人问题移交'),
  ('handover.receive_other', '接收其他问题移交'),
  ('time_limit.manage', '设置时限'),
  ('results.read', '查看成果运用台账');

-- 巡察办主任: everything the office does, and also need-to-know reading of clue content and sensitive
-- fieldwork (DOMAIN.md §4). Office staff (office) do not read clue content.
INSERT INTO role (code, name, scope_kinds) VALUES ('office_director', '巡察办主任', '{committee}');

INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('leader', 'fieldwork.read'), ('leader', 'clue.count'), ('leader', 'report.read'), ('leader', 'report.approve'),
  ('leader', 'meeting.read'), ('leader', 'handover.read'), ('leader', 'results.read'),
  ('office', 'fieldwork.read'), ('office', 'clue.count'), ('office', 'report.read'), ('office', 'meeting.read'),
  ('office', 'meeting.manage'), ('office', 'handover.read'), ('office', 'handover.create'), ('office', 'handover.close'),
  ('office', 'time_limit.manage'), ('office', 'results.read'), ('office', 'finding.update'),
  ('team_leader', 'fieldwork.read'), ('team_leader', 'fieldwork.read_sensitive'), ('team_leader', 'fieldwork.create'),
  ('team_leader', 'clue.count'), ('team_leader', 'clue.read'), ('team_leader', 'clue.create'),
  ('team_leader', 'clue.update'), ('team_leader', 'clue.grant'), ('team_leader', 'clue.reveal_whistleblower'),
  ('team_leader', 'finding.update'), ('team_leader', 'report.read'), ('team_leader', 'report.write'),
  ('team_leader', 'handover.read'), ('team_leader', 'handover.create'), ('team_leader', 'results.read'),
  ('team_member', 'fieldwork.read'), ('team_member', 'fieldwork.read_sensitive'), ('team_member', 'fieldwork.create'),
  ('team_member', 'clue.count'), ('team_member', 'finding.update'), ('team_member', 'report.read'),
  ('discipline', 'handover.receive_clue'), ('discipline', 'results.read'),
  ('organization', 'handover.receive_cadre'), ('organization', 'results.read'),
  ('unit_head', 'handover.receive_other'), ('unit_head', 'fieldwork.read'), ('unit_head', 'fieldwork.self_check'),
  ('unit_liaison', 'fieldwork.read'), ('unit_liaison', 'fieldwork.self_check')
) AS v(r, p);

-- The director holds every office permission (this one statement copies them; a later migration that
-- grants office something new must grant it to office_director too), plus the need-to-know reads.
INSERT INTO role_permission (role_code, permission_code)
SELECT 'office_director', permission_code FROM role_permission WHERE role_code = 'office';
INSERT INTO role_permission (role_code, permission_code) VALUES
  ('office_director', 'fieldwork.read_sensitive'), ('office_director', 'clue.read'), ('office_director', 'clue.grant');
