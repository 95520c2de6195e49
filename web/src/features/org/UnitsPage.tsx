import { PlusOutlined } from '@ant-design/icons';
import { type UnitKind, unitKind } from '@xuncha/contracts';
import { Button, Empty, Flex, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import type { Unit } from '../../app/types.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useUnitPage } from './api.ts';
import { CommitteeSelect } from './CommitteeSelect.tsx';
import { UnitCreateModal } from './UnitCreateModal.tsx';

const columns: TableColumnsType<Unit> = [
  { title: '单位名称', dataIndex: 'name' },
  { title: '单位类别', dataIndex: 'kind', width: 120, render: (kind: UnitKind) => unitKind.labels[kind] },
  { title: '上级单位', dataIndex: 'parentName', render: (name: string | null) => name ?? '—' },
  { title: '主要负责人', dataIndex: 'headName', width: 140, render: (name: string | null) => name ?? '—' },
  {
    title: '状态',
    dataIndex: 'active',
    width: 90,
    render: (active: boolean) => (active ? <Tag color="green">正常</Tag> : <Tag>停用</Tag>),
  },
];

export function UnitsPage() {
  const can = useCan();
  const search = useSearchState();
  const [creating, setCreating] = useState(false);
  const units = useUnitPage({
    committeeId: search.get('committeeId'),
    kind: search.get('kind'),
    q: search.get('q'),
    page: search.page,
    pageSize: search.pageSize,
  });

  const createButton = can('unit.create') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      新建单位
    </Button>
  );

  return (
    <PageContainer title="单位管理" extra={createButton}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <CommitteeSelect
          allowClear
          placeholder="全部巡察机构"
          style={{ width: 220 }}
          value={search.get('committeeId')}
          onChange={(committeeId) => search.setFilters({ committeeId })}
        />
        <Select<UnitKind>
          allowClear
          placeholder="全部单位类别"
          style={{ width: 160 }}
          options={optionsOf(unitKind.labels)}
          value={search.get('kind') as UnitKind | undefined}
          onChange={(kind) => search.setFilters({ kind })}
        />
        <Input.Search
          allowClear
          placeholder="按单位名称搜索"
          style={{ width: 260 }}
          defaultValue={search.get('q')}
          onSearch={(q) => search.setFilters({ q: q.trim() })}
        />
      </Flex>
      <ListError error={units.error} />
      <Table<Unit>
        rowKey="id"
        columns={columns}
        dataSource={units.data?.items}
        loading={units.isFetching}
        locale={{ emptyText: <Empty description="暂无单位" /> }}
        pagination={serverPagination(search.page, search.pageSize, units.data?.total, search.setPage)}
      />
      {creating && <UnitCreateModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
