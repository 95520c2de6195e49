// 角色授权 (安全管理员): every account with its grants; a drawer grants and revokes role × scope.
import { Button, Table } from 'antd';
import { useState } from 'react';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type AdminUser, useAdminUsers } from './api.ts';
import { GrantDrawer } from './GrantDrawer.tsx';
import { userColumns } from './UserColumns.tsx';
import { UserFilters, useUserFilters } from './UserFilters.tsx';

export function RoleAssignPage() {
  const search = useSearchState();
  const filters = useUserFilters(search);
  const users = useAdminUsers({ ...filters, page: search.page, pageSize: search.pageSize });
  const [openId, setOpenId] = useState<string>();
  return (
    <PageContainer title="角色授权">
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
            width: 90,
            render: (_, u) => (
              <Button type="link" size="small" onClick={() => setOpenId(u.id)} data-testid={`grants-${u.username}`}>
                授权
              </Button>
            ),
          },
        ]}
        pagination={serverPagination(search.page, search.pageSize, users.data?.total, search.setPage)}
      />
      {openId && <GrantDrawer userId={openId} onClose={() => setOpenId(undefined)} />}
    </PageContainer>
  );
}
