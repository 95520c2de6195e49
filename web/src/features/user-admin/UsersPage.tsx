// 用户管理 (系统管理员): accounts of the committee — create, edit, deactivate/reactivate, reset password, unlock.
// Roles are granted on 角色授权 by the 安全管理员 (三员分立), so this page shows them but cannot change them.
import { Button, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type AdminUser, USERS_KEY, useAdminUsers, userAction } from './api.ts';
import { PasswordResetModal } from './PasswordResetModal.tsx';
import { userColumns } from './UserColumns.tsx';
import { UserFilters, useUserFilters } from './UserFilters.tsx';
import { UserFormModal } from './UserFormModal.tsx';

const ACTION_DONE = { deactivate: '账号已停用，其会话已结束', reactivate: '账号已启用', unlock: '账号已解锁' } as const;
type Action = keyof typeof ACTION_DONE;

function Actions({ user, onEdit, onReset }: { user: AdminUser; onEdit: () => void; onReset: () => void }) {
  const action = useApiMutation({
    mutationFn: (a: Action) => userAction(user.id, a),
    invalidate: [[USERS_KEY]],
    successMessage: (a) => ACTION_DONE[a],
  });
  const run = (a: Action) => () => action.mutate(a);
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      <Button type="link" size="small" onClick={onReset} data-testid={`reset-${user.username}`}>
        重置密码
      </Button>
      {user.locked && (
        <Button type="link" size="small" onClick={run('unlock')}>
          解锁
        </Button>
      )}
      {user.active ? (
        <Popconfirm title="停用后该用户立即下线且不能登录，确定停用？" onConfirm={run('deactivate')}>
          <Button type="link" size="small" danger data-testid={`deactivate-${user.username}`}>
            停用
          </Button>
        </Popconfirm>
      ) : (
        <Button type="link" size="small" onClick={run('reactivate')}>
          启用
        </Button>
      )}
    </Space>
  );
}

export function UsersPage() {
  const search = useSearchState();
  const filters = useUserFilters(search);
  const users = useAdminUsers({ ...filters, page: search.page, pageSize: search.pageSize });
  const [editing, setEditing] = useState<AdminUser | 'new'>();
  const [resetting, setResetting] = useState<AdminUser>();
  return (
    <PageContainer
      title="用户管理"
      extra={
        <Space>
          <ExportButton path="/api/admin/users/export" query={filters} testId="users-export" />
          <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
            新建用户
          </Button>
        </Space>
      }
    >
      <UserFilters search={search} value={filters} />
      <ListError error={users.error} />
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        columns={[
          ...userColumns,
          {
            title: '操作',
            width: 230,
            render: (_, u) => <Actions user={u} onEdit={() => setEditing(u)} onReset={() => setResetting(u)} />,
          },
        ]}
        pagination={serverPagination(search.page, search.pageSize, users.data?.total, search.setPage)}
      />
      {editing && (
        <UserFormModal user={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />
      )}
      {resetting && <PasswordResetModal user={resetting} onClose={() => setResetting(undefined)} />}
    </PageContainer>
  );
}
