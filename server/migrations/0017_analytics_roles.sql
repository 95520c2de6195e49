-- Issue 9: analytics for decisions and 上下联动. The permissions of every part, in one place, so each
-- part's own migration (0018 onwards) holds only its tables. Roles are committee-scoped grants: an upper
-- committee's grant reaches its lower committees only through the linkage.* permissions, and only as
-- aggregates unless linkage.drill is held as well (DOMAIN.md §9).
INSERT INTO permission (code, name) VALUES
  ('analytics.read', '查看统计分析'),
  ('common_problem.manage', '研判共性问题并发起举一反三或专项巡察建议'),
  ('common_problem.decide', '决定专项巡察建议是否采纳'),
  ('risk.read', '查看单位风险排序'),
  ('risk.configure', '设置风险排序权重'),
  ('rectification_signal.read', '查看整改不实预警'),
  ('linkage.read', '查看下级党委巡察工作汇总'),
  ('linkage.drill', '穿透查看下级党委明细'),
  ('guidance.publish', '发布巡察工作指导意见'),
  ('guidance.read', '查看上级指导意见'),
  ('inspection.launch_lower', '发起提级巡察或交叉巡察'),
  ('exchange.export', '导出巡察数据报送包'),
  ('exchange.import', '导入并核验下级数据报送包');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('leader', 'analytics.read'),
  ('office', 'analytics.read'),
  ('office_director', 'analytics.read'),
  ('office', 'common_problem.manage'),
  ('office_director', 'common_problem.manage'),
  ('office_director', 'common_problem.decide'),
  ('leader', 'risk.read'),
  ('office', 'risk.read'),
  ('office_director', 'risk.read'),
  ('office_director', 'risk.configure'),
  ('leader', 'rectification_signal.read'),
  ('office', 'rectification_signal.read'),
  ('office_director', 'rectification_signal.read'),
  ('leader', 'linkage.read'),
  ('office', 'linkage.read'),
  ('office_director', 'linkage.read'),
  ('leader', 'linkage.drill'),
  ('office_director', 'linkage.drill'),
  ('office', 'guidance.publish'),
  ('office_director', 'guidance.publish'),
  ('leader', 'guidance.read'),
  ('office', 'guidance.read'),
  ('office_director', 'guidance.read'),
  ('office', 'inspection.launch_lower'),
  ('office_director', 'inspection.launch_lower'),
  ('office', 'exchange.export'),
  ('office_director', 'exchange.export'),
  ('office', 'exchange.import'),
  ('office_director', 'exchange.import');
