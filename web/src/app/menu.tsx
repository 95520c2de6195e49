import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CommentOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  ExceptionOutlined,
  ExclamationCircleOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  KeyOutlined,
  LikeOutlined,
  LockOutlined,
  MailOutlined,
  NodeIndexOutlined,
  PieChartOutlined,
  RedoOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SecurityScanOutlined,
  SendOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { Permission } from '@xuncha/contracts';
import type { ReactNode } from 'react';

/** Senders (巡察办, 领导小组, 组长) and every kind of recipient (纪委监委, 组织部, 主管部门). */
export const HANDOVER_PERMISSIONS: Permission[] = [
  'handover.read',
  'handover.receive_clue',
  'handover.receive_cadre',
  'handover.receive_other',
];

/** Sections of the menu, in order; entries without a section (one's own work) come first. */
const SECTIONS = ['组织与规划', '巡察实施', '整改与监督', '分析与决策', '设置'] as const;
type Section = (typeof SECTIONS)[number];

type MenuEntry = {
  path: string;
  label: string;
  icon: ReactNode;
  anyOf: Permission[];
  section?: Section;
  /** shown only to a login whose cadre record sits (or sat) on a team */
  teamMembersOnly?: boolean;
};

/** Menu entries; an entry shows when the user holds any of its permissions (none listed = everyone). */
export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, anyOf: [] },
  { path: '/units', section: '组织与规划', label: '单位管理', icon: <ApartmentOutlined />, anyOf: ['unit.read'] },
  {
    path: '/committees',
    section: '组织与规划',
    label: '派出党委',
    icon: <ClusterOutlined />,
    anyOf: ['committee.read'],
  },
  {
    path: '/leading-group',
    section: '组织与规划',
    label: '领导小组和巡察办',
    icon: <UsergroupAddOutlined />,
    anyOf: ['leading_group.read'],
  },
  { path: '/rounds', section: '组织与规划', label: '巡察轮次', icon: <CalendarOutlined />, anyOf: ['round.read'] },
  { path: '/teams', section: '组织与规划', label: '巡察组', icon: <SolutionOutlined />, anyOf: ['team.read'] },
  { path: '/talent', section: '组织与规划', label: '人才库', icon: <ContactsOutlined />, anyOf: ['cadre.read'] },
  { path: '/appraisals', section: '组织与规划', label: '综合鉴定', icon: <IdcardOutlined />, anyOf: ['cadre.read'] },
  { path: '/inspections', section: '巡察实施', label: '巡察项目', icon: <AuditOutlined />, anyOf: ['inspection.read'] },
  // not a permission: a cadre on a team has no grant before the 八个严禁 pledge
  { path: '/my-teams', label: '我的巡察组', icon: <TeamOutlined />, anyOf: [], teamMembersOnly: true },
  { path: '/findings', section: '巡察实施', label: '问题清单', icon: <ExceptionOutlined />, anyOf: ['finding.read'] },
  { path: '/good-practices', section: '巡察实施', label: '经验做法', icon: <LikeOutlined />, anyOf: ['finding.read'] },
  { path: '/tasks', section: '整改与监督', label: '整改台账', icon: <BookOutlined />, anyOf: ['task.read'] },
  {
    path: '/results',
    section: '整改与监督',
    label: '成果运用台账',
    icon: <FileDoneOutlined />,
    anyOf: ['results.read'],
  },
  { path: '/my-tasks', label: '我的任务', icon: <CheckSquareOutlined />, anyOf: ['task.submit', 'task.start'] },
  {
    path: '/term-plans',
    section: '组织与规划',
    label: '届内规划',
    icon: <FundProjectionScreenOutlined />,
    anyOf: ['term_plan.read'],
  },
  { path: '/enquiries', label: '函询答复', icon: <MailOutlined />, anyOf: ['enquiry.answer'] },
  { path: '/handovers', section: '巡察实施', label: '移交办理', icon: <SendOutlined />, anyOf: HANDOVER_PERMISSIONS },
  {
    path: '/public-reports',
    section: '巡察实施',
    label: '群众举报',
    icon: <CommentOutlined />,
    // a designated reader without these reaches the page from the notice telling them of the grant
    anyOf: ['public_report.read', 'public_report.grant'],
  },
  {
    path: '/rectification-plans',
    section: '整改与监督',
    label: '整改方案审核',
    icon: <FileSearchOutlined />,
    anyOf: ['plan.review'],
  },
  {
    path: '/rectifications',
    section: '整改与监督',
    label: '整改监督',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['rectification.read'],
  },
  {
    path: '/supervision',
    section: '整改与监督',
    label: '督查督办',
    icon: <AlertOutlined />,
    anyOf: ['supervision.read'],
  },
  { path: '/revisits', section: '整改与监督', label: '回访/回头看', icon: <RedoOutlined />, anyOf: ['revisit.read'] },
  {
    path: '/accountability',
    section: '整改与监督',
    label: '问责清单',
    icon: <WarningOutlined />,
    anyOf: ['accountability.read'],
  },
  {
    path: '/rectification-progress',
    section: '整改与监督',
    label: '整改进度',
    icon: <DashboardOutlined />,
    anyOf: ['rectification.read'],
  },
  { path: '/my-unit', label: '本单位整改', icon: <ApartmentOutlined />, anyOf: ['plan.write'] },
  {
    path: '/settings/time-limits',
    section: '设置',
    label: '时限设置',
    icon: <FieldTimeOutlined />,
    anyOf: ['time_limit.manage'],
  },
  {
    path: '/settings/calendar',
    section: '设置',
    label: '工作日历',
    icon: <ScheduleOutlined />,
    anyOf: ['calendar.manage'],
  },
  // 三员分立: each of the three administrators sees only their own page
  { path: '/settings/users', section: '设置', label: '用户管理', icon: <UserOutlined />, anyOf: ['user.manage'] },
  { path: '/settings/roles', section: '设置', label: '角色授权', icon: <KeyOutlined />, anyOf: ['role.assign'] },
  {
    path: '/settings/audit-log',
    section: '设置',
    label: '审计日志',
    icon: <SecurityScanOutlined />,
    anyOf: ['audit.read'],
  },
  // issue 8 §2: the security policy (安全管理员) and every account's own 账号安全
  {
    path: '/settings/security-policy',
    section: '设置',
    label: '安全策略',
    icon: <SafetyOutlined />,
    anyOf: ['security.manage'],
  },
  { path: '/account/security', section: '设置', label: '账号安全', icon: <LockOutlined />, anyOf: [] },
  { path: '/meetings', section: '巡察实施', label: '会议记录', icon: <CommentOutlined />, anyOf: ['meeting.read'] },
  {
    path: '/clues',
    section: '巡察实施',
    label: '线索处置台账',
    icon: <FileProtectOutlined />,
    anyOf: ['clue.read', 'handover.receive_clue'],
  },
];

// issue 9: analytics for decisions and 上下联动
MENU.push(
  {
    path: '/overview',
    section: '分析与决策',
    label: '巡察工作总览',
    icon: <PieChartOutlined />,
    anyOf: ['analytics.read'],
  },
  {
    path: '/analytics',
    section: '分析与决策',
    label: '统计分析',
    icon: <BarChartOutlined />,
    anyOf: ['analytics.read'],
  },
  {
    path: '/common-problems',
    section: '分析与决策',
    label: '共性问题',
    icon: <NodeIndexOutlined />,
    anyOf: ['analytics.read'],
  },
  { path: '/risk-ranking', section: '分析与决策', label: '风险排序', icon: <RiseOutlined />, anyOf: ['risk.read'] },
  {
    path: '/rectification-signals',
    section: '分析与决策',
    label: '整改不实预警',
    icon: <ExclamationCircleOutlined />,
    anyOf: ['rectification_signal.read'],
  },
  {
    path: '/linkage',
    section: '分析与决策',
    label: '上下联动',
    icon: <DeploymentUnitOutlined />,
    anyOf: ['linkage.read', 'guidance.read'],
  },
  {
    path: '/exchange',
    section: '分析与决策',
    label: '数据报送交换',
    icon: <SwapOutlined />,
    anyOf: ['exchange.export', 'exchange.import'],
  },
);

export function visibleMenu(permissions: Permission[], teamMember = false): MenuEntry[] {
  return MENU.filter(
    (entry) =>
      (!entry.teamMembersOnly || teamMember) &&
      (entry.anyOf.length === 0 || entry.anyOf.some((p) => permissions.includes(p))),
  );
}

/** The entries as antd menu items: one's own work first, then a titled group per section. */
export function menuItems(entries: MenuEntry[]) {
  const item = (e: MenuEntry) => ({ key: e.path, icon: e.icon, label: e.label });
  const groups = SECTIONS.map((section) => ({
    type: 'group' as const,
    key: section,
    label: section,
    children: entries.filter((e) => e.section === section).map(item),
  })).filter((g) => g.children.length > 0);
  return [...entries.filter((e) => !e.section).map(item), ...groups];
}

/** The menu key to highlight: the longest entry path that prefixes the current location. */
export function selectedMenuKey(pathname: string): string {
  const match = MENU.filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)));
  // pages outside the menu (notifications, details reached by link) highlight nothing rather than 工作台
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? (pathname === '/' ? '/' : '');
}
