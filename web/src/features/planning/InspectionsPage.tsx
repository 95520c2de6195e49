import { PlusOutlined } from '@ant-design/icons';
import { type InspectionPhase, inspectionPhaseLabel, inspectionType } from '@xuncha/contracts';
import { Button, Empty, Flex, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import type { Inspection } from '../../app/types.ts';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { PhaseTag } from '../../shared/tags.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useInspectionPage } from './api.ts';
import { InspectionCreateModal } from './InspectionCreateModal.tsx';
import { RoundSelect } from './RoundSelect.tsx';

const columns: TableColumnsType<Inspection> = [
  {
    title: '被巡察单位',
    dataIndex: 'unitName',
    render: (name: string, i) => <Link to={`/inspections/${i.id}`}>{name}</Link>,
  },
  { title: '巡察轮次', dataIndex: 'roundName' },
  { title: '巡察类型', dataIndex: 'type', width: 120, render: (t: Inspection['type']) => inspectionType.labels[t] },
  { title: '巡察组', dataIndex: 'teamName', width: 140 },
  { title: '阶段', dataIndex: 'phase', width: 90, render: (phase: InspectionPhase) => <PhaseTag phase={phase} /> },
  {
    title: '起止日期',
    key: 'dates',
    width: 220,
    render: (_: unknown, i) => `${formatDate(i.startDate)} 至 ${formatDate(i.endDate)}`,
  },
  { title: '反馈日期', dataIndex: 'feedbackDate', width: 120, render: (d: string | null) => formatDate(d) },
];

export function InspectionsPage() {
  const can = useCan();
  const search = useSearchState();
  const [creating, setCreating] = useState(false);
  const inspections = useInspectionPage({
    roundId: search.get('roundId'),
    phase: search.get('phase'),
    page: search.page,
    pageSize: search.pageSize,
  });

  const createButton = can('inspection.create') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      新建巡察
    </Button>
  );

  return (
    <PageContainer title="巡察项目" extra={createButton}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <RoundSelect
          allowClear
          placeholder="全部巡察轮次"
          style={{ width: 280 }}
          value={search.get('roundId')}
          onChange={(roundId) => search.setFilters({ roundId })}
        />
        <Select<InspectionPhase>
          allowClear
          placeholder="全部阶段"
          style={{ width: 140 }}
          options={optionsOf(inspectionPhaseLabel)}
          value={search.get('phase') as InspectionPhase | undefined}
          onChange={(phase) => search.setFilters({ phase })}
        />
      </Flex>
      <ListError error={inspections.error} />
      <Table<Inspection>
        rowKey="id"
        columns={columns}
        dataSource={inspections.data?.items}
        loading={inspections.isFetching}
        locale={{ emptyText: <Empty description="暂无巡察项目" /> }}
        pagination={serverPagination(search.page, search.pageSize, inspections.data?.total, search.setPage)}
      />
      {creating && <InspectionCreateModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
