import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  ExceptionOutlined,
} from '@ant-design/icons';
import type { Permission } from '@xuncha/contracts';
import type { ReactNode } from 'react';

type MenuEntry = { path: string; label: string; icon: ReactNode; anyOf: Permission[] };

/** Menu entries; an entry shows when the user holds any of its permissions (none listed = everyone). */
export const MENU: MenuEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, anyOf: [] },
  { path: '/units', label: '单位管理', icon: <ApartmentOutlined />, anyOf: ['unit.read'] },
  { path: '/rounds', label: '巡察轮次', icon: <CalendarOutlined />, anyOf: ['round.read'] },
  { path: '/inspections', label: '巡察项目', icon: <AuditOutlined />, anyOf: ['inspection.read'] },
  { path: '/findings', label: '问题清单', icon: <ExceptionOutlined />, anyOf: ['finding.read'] },
  { path: '/tasks', label: '整改台账', icon: <BookOutlined />, anyOf: ['task.read'] },
  { path: '/my-tasks', label: '我的任务', icon: <CheckSquareOutlined />, anyOf: ['task.submit', 'task.start'] },
];

export function visibleMenu(permissions: Permission[]): MenuEntry[] {
  return MENU.filter((entry) => entry.anyOf.length === 0 || entry.anyOf.some((p) => permissions.includes(p)));
}

/** The menu key to highlight: the longest entry path that prefixes the current location. */
export function selectedMenuKey(pathname: string): string {
  const match = MENU.filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}
