-- Roles and permissions are data. Permission names follow `resource.action` (packages/contracts/src/permissions.ts).

INSERT INTO permission (code, name) VALUES
  ('committee.read', '查看派出党委'),
  ('unit.read', '查看单位'),
  ('unit.create', '新建单位'),
  ('user.read', '查看人员'),
  ('round.read', '查看巡察轮次'),
  ('round.create', '新建巡察轮次'),
  ('inspection.read', '查看巡察'),
  ('inspection.create', '新建巡察'),
  ('finding.read', '查看问题'),
  ('finding.create', '登记问题'),
  ('feedback.issue', '反馈意见'),
  ('task.read', '查看整改任务'),
  ('task.create', '分解整改任务'),
  ('task.start', '开始整改'),
  ('task.submit', '申请销号'),
  ('task.verify', '对账销号'),
  ('task.return', '退回整改任务'),
  ('evidence.read', '查看佐证材料'),
  ('evidence.upload', '上传佐证材料'),
  ('audit.read', '查看审计日志');

INSERT INTO role (code, name, scope_kinds) VALUES
  ('sysadmin', '系统管理员', '{committee}'),
  ('secadmin', '安全管理员', '{committee}'),
  ('auditor', '安全审计员', '{committee}'),
  ('leader', '巡察工作领导小组', '{committee}'),
  ('office', '巡察办', '{committee}'),
  ('team_leader', '巡察组组长', '{inspection}'),
  ('team_member', '巡察组组员', '{inspection}'),
  ('discipline', '纪委监委', '{committee}'),
  ('organization', '组织部', '{committee}'),
  ('unit_head', '被巡察单位主要负责人', '{unit}'),
  ('unit_liaison', '整改联络员', '{unit}'),
  ('task_owner', '整改责任人', '{self}');

-- 三员分立: sysadmin manages the org tree but reads no case content; auditor reads only the audit log.
INSERT INTO role_permission (role_code, permission_code)
SELECT r, p FROM (VALUES
  ('sysadmin', 'committee.read'), ('sysadmin', 'unit.read'), ('sysadmin', 'unit.create'), ('sysadmin', 'user.read'),
  ('secadmin', 'user.read'),
  ('auditor', 'audit.read'),
  ('leader', 'committee.read'), ('leader', 'unit.read'), ('leader', 'round.read'), ('leader', 'inspection.read'),
  ('leader', 'finding.read'), ('leader', 'task.read'), ('leader', 'evidence.read'),
  ('office', 'committee.read'), ('office', 'unit.read'), ('office', 'unit.create'), ('office', 'user.read'),
  ('office', 'round.read'), ('office', 'round.create'), ('office', 'inspection.read'), ('office', 'inspection.create'),
  ('office', 'finding.read'), ('office', 'finding.create'), ('office', 'feedback.issue'),
  ('office', 'task.read'), ('office', 'task.verify'), ('office', 'task.return'), ('office', 'evidence.read'),
  ('team_leader', 'inspection.read'), ('team_leader', 'finding.read'), ('team_leader', 'finding.create'),
  ('team_leader', 'feedback.issue'), ('team_leader', 'task.read'), ('team_leader', 'evidence.read'),
  ('team_member', 'inspection.read'), ('team_member', 'finding.read'), ('team_member', 'finding.create'),
  ('discipline', 'committee.read'), ('discipline', 'inspection.read'), ('discipline', 'finding.read'),
  ('discipline', 'task.read'), ('discipline', 'evidence.read'),
  ('organization', 'committee.read'), ('organization', 'inspection.read'), ('organization', 'finding.read'),
  ('unit_head', 'unit.read'), ('unit_head', 'user.read'), ('unit_head', 'inspection.read'), ('unit_head', 'finding.read'),
  ('unit_head', 'task.read'), ('unit_head', 'task.create'), ('unit_head', 'evidence.read'),
  ('unit_liaison', 'unit.read'), ('unit_liaison', 'user.read'), ('unit_liaison', 'inspection.read'),
  ('unit_liaison', 'finding.read'), ('unit_liaison', 'task.read'), ('unit_liaison', 'task.create'),
  ('unit_liaison', 'task.start'), ('unit_liaison', 'task.submit'), ('unit_liaison', 'evidence.read'),
  ('unit_liaison', 'evidence.upload'),
  ('task_owner', 'task.read'), ('task_owner', 'task.start'), ('task_owner', 'task.submit'),
  ('task_owner', 'evidence.read'), ('task_owner', 'evidence.upload')
) AS v(r, p);
