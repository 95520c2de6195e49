import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { type UnitKind, unitKind, type VillageClass, villageClass } from '@xuncha/contracts';
import { Button, Card, Empty, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import type { Unit } from '../../app/types.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ImportModal } from '../../shared/ImportModal.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useUnitPage } from './api.ts';
import { CommitteeSelect } from './CommitteeSelect.tsx';
import { UnitCreateModal } from './UnitCreateModal.tsx';
import { UnitDrawer } from './UnitDrawer.tsx';
import { UnitTree } from './UnitTree.tsx';
import { VillageClassTag } from './VillageClassTag.tsx';

const columns: TableColumnsType<Unit> = [
  { title: '单位名称', dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
  { title: '单位代码', dataIndex: 'code', width: 110, render: (code: string | null) => code ?? '—' },
  { title: '单位类别', dataIndex: 'kind', width: 100, render: (kind: UnitKind) => unitKind.labels[kind] },
  { title: '上级单位', dataIndex: 'parentName', render: (name: string | null) => name ?? '—' },
  { title: '主要负责人', dataIndex: 'headName', width: 100, render: (name: string | null) => name ?? '—' },
  {
    title: '村居分类',
    dataIndex: 'villageClass',
    width: 90,
    render: (value: VillageClass | null) => <VillageClassTag value={value} />,
  },
  { title: '最近巡察', dataIndex: 'lastInspectedOn', width: 110, render: formatDate },
  {
    title: '状态',
    dataIndex: 'active',
    width: 80,
    render: (active: boolean) => (active ? <Tag color="green">正常</Tag> : <Tag>已撤销</Tag>),
  },
];

const activeOptions = [
  { value: 'true', label: '正常' },
  { value: 'false', label: '已撤销' },
];

export function UnitsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const search = useSearchState();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [openUnit, setOpenUnit] = useState<string>();
  const filters = {
    committeeId: search.get('committeeId'),
    under: search.get('under'),
    kind: search.get('kind'),
    active: search.get('active'),
    villageClass: search.get('villageClass'),
    q: search.get('q'),
  };
  const units = useUnitPage({ ...filters, page: search.page, pageSize: search.pageSize });

  const actions = (
    <Flex gap={8}>
      <ExportButton path="/api/units/export" query={filters} testId="unit-export" />
      {can('unit.create') && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="unit-import">
          导入
        </Button>
      )}
      {can('unit.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="unit-create">
          新建单位
        </Button>
      )}
    </Flex>
  );

  return (
    <PageContainer title="单位管理" extra={actions}>
      <Flex gap={16} align="flex-start">
        <Card size="small" title="组织架构" style={{ width: 300, flexShrink: 0, maxHeight: '75vh', overflow: 'auto' }}>
          <UnitTree
            committeeId={filters.committeeId}
            selected={filters.under}
            onSelect={(under) => search.setFilters({ under })}
          />
        </Card>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Flex wrap gap={12} style={{ marginBottom: 16 }}>
            <CommitteeSelect
              allowClear
              placeholder="全部巡察机构"
              style={{ width: 200 }}
              value={filters.committeeId}
              onChange={(committeeId) => search.setFilters({ committeeId, under: undefined })}
            />
            <Select<UnitKind>
              allowClear
              placeholder="全部单位类别"
              style={{ width: 140 }}
              options={optionsOf(unitKind.labels)}
              value={filters.kind as UnitKind | undefined}
              onChange={(kind) => search.setFilters({ kind })}
              data-testid="unit-filter-kind"
            />
            <Select<VillageClass>
              allowClear
              placeholder="村居分类"
              style={{ width: 120 }}
              options={optionsOf(villageClass.labels)}
              value={filters.villageClass as VillageClass | undefined}
              onChange={(value) => search.setFilters({ villageClass: value })}
              data-testid="unit-filter-village-class"
            />
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 110 }}
              options={activeOptions}
              value={filters.active}
              onChange={(active) => search.setFilters({ active })}
            />
            <Input.Search
              allowClear
              placeholder="单位名称或代码"
              style={{ width: 220 }}
              defaultValue={filters.q}
              onSearch={(q) => search.setFilters({ q: q.trim() })}
              data-testid="unit-search"
            />
            {filters.under && (
              <Tag closable onClose={() => search.setFilters({ under: undefined })}>
                仅显示所选单位的下级
              </Tag>
            )}
          </Flex>
          <ListError error={units.error} />
          <Table<Unit>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={units.data?.items}
            loading={units.isFetching}
            locale={{ emptyText: <Empty description="暂无单位" /> }}
            onRow={(unit) => ({ onClick: () => setOpenUnit(unit.id), style: { cursor: 'pointer' } })}
            pagination={serverPagination(search.page, search.pageSize, units.data?.total, search.setPage)}
            data-testid="unit-table"
          />
        </div>
      </Flex>
      {creating && <UnitCreateModal onClose={() => setCreating(false)} />}
      {importing && (
        <ImportModal
          title="导入单位"
          uploadPath="/api/units/import"
          templatePath="/api/units/import-template"
          onImported={() => queryClient.invalidateQueries({ queryKey: ['units'] })}
          onClose={() => setImporting(false)}
        />
      )}
      {openUnit && <UnitDrawer unitId={openUnit} onClose={() => setOpenUnit(undefined)} />}
    </PageContainer>
  );
}
