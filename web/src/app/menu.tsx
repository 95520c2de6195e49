import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CommentOutlined,
  ContactsOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FundProjectionScreenOutlined,
  IdcardOutlined,
  LikeOutlined,
  MailOutlined,
  SendOutlined,
  SolutionOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
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

type MenuEntry = {
  path: string;
  label: string;
  icon: ReactNode;
  anyOf: Permission[];
  /** shown only to a login whose cadre record sits (or sat) on a team */
  teamMembersOnly?: boolean;
};

/** Menu entries; an entry shows when the user holds any of its permissions (none listed = everyone). */
export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, anyOf: [] },
  { path: '/units', label: '单位管理', icon: <ApartmentOutlined />, anyOf: ['unit.read'] },
  { path: '/committees', label: '派出党委', icon: <ClusterOutlined />, anyOf: ['committee.read'] },
  { path: '/leading-group', label: '领导小组和巡察办', icon: <UsergroupAddOutlined />, anyOf: ['leading_group.read'] },
  { path: '/rounds', label: '巡察轮次', icon: <CalendarOutlined />, anyOf: ['round.read'] },
  { path: '/teams', label: '巡察组', icon: <SolutionOutlined />, anyOf: ['team.read'] },
  { path: '/talent', label: '人才库', icon: <ContactsOutlined />, anyOf: ['cadre.read'] },
  { path: '/appraisals', label: '综合鉴定', icon: <IdcardOutlined />, anyOf: ['cadre.read'] },
  { path: '/inspections', label: '巡察项目', icon: <AuditOutlined />, anyOf: ['inspection.read'] },
  // not a permission: a cadre on a team has no grant before the 八个严禁 pledge
  { path: '/my-teams', label: '我的巡察组', icon: <TeamOutlined />, anyOf: [], teamMembersOnly: true },
  { path: '/findings', label: '问题清单', icon: <ExceptionOutlined />, anyOf: ['finding.read'] },
  { path: '/good-practices', label: '经验做法', icon: <LikeOutlined />, anyOf: ['finding.read'] },
  { path: '/tasks', label: '整改台账', icon: <BookOutlined />, anyOf: ['task.read'] },
  { path: '/results', label: '成果运用台账', icon: <FileDoneOutlined />, anyOf: ['results.read'] },
  { path: '/my-tasks', label: '我的任务', icon: <CheckSquareOutlined />, anyOf: ['task.submit', 'task.start'] },
  { path: '/term-plans', label: '届内规划', icon: <FundProjectionScreenOutlined />, anyOf: ['term_plan.read'] },
  { path: '/enquiries', label: '函询答复', icon: <MailOutlined />, anyOf: ['enquiry.answer'] },
  { path: '/handovers', label: '移交办理', icon: <SendOutlined />, anyOf: HANDOVER_PERMISSIONS },
  { path: '/settings/time-limits', label: '时限设置', icon: <FieldTimeOutlined />, anyOf: ['time_limit.manage'] },
  { path: '/meetings', label: '会议记录', icon: <CommentOutlined />, anyOf: ['meeting.read'] },
  {
    path: '/clues',
    label: '线索处置台账',
    icon: <FileProtectOutlined />,
    anyOf: ['clue.read', 'handover.receive_clue'],
  },
];

export function visibleMenu(permissions: Permission[], teamMember = false): MenuEntry[] {
  return MENU.filter(
    (entry) =>
      (!entry.teamMembersOnly || teamMember) &&
      (entry.anyOf.length === 0 || entry.anyOf.some((p) => permissions.includes(p))),
  );
}

/** The menu key to highlight: the longest entry path that prefixes the current location. */
export function selectedMenuKey(pathname: string): string {
  const match = MENU.filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
