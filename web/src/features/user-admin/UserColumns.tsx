import { isThreeAdminRole, roleLabel } from '@xuncha/contracts';
import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDateTime } from '../../shared/format.ts';
import type { AdminUser } from './api.ts';

export function StateTags({ user }: { user: AdminUser }) {
  return (
    <Space size={4}>
      {user.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
      {user.locked && <Tag color="red">已锁定</Tag>}
      {user.mustChangePassword && <Tag color="orange">待改密码</Tag>}
    </Space>
  );
}

/** Columns both account pages show; each page appends its own actions. */
export const userColumns: ColumnsType<AdminUser> = [
  { title: '用户名', dataIndex: 'username', width: 130 },
  { title: '姓名', dataIndex: 'displayName', width: 110 },
  { title: '所属单位', render: (_, u) => u.unitName ?? u.committeeName ?? '—', ellipsis: true },
  {
    title: '角色',
    render: (_, u) =>
      u.grants.length === 0
        ? '—'
        : u.grants.map((g) => (
            <Tag key={g.id} color={isThreeAdminRole(g.role) ? 'purple' : 'blue'}>
              {roleLabel[g.role]}
              {g.scopeName ? `·${g.scopeName}` : ''}
            </Tag>
          )),
  },
  { title: '状态', width: 170, render: (_, u) => <StateTags user={u} /> },
  { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => formatDateTime(v) },
];
