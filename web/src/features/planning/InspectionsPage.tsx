import { PlusOutlined } from '@ant-design/icons';
import { type InspectionPhase, inspectionPhaseLabel, inspectionType } from '@xuncha/contracts';
import { Button, Empty, Flex, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import type { Inspection } from '../../app/types.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { PhaseTag } from '../../shared/tags.tsx';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useInspectionPage, useRoundTeams } from './api.ts';
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
  { title: '巡察组', dataIndex: 'teamName', width: 140, render: (n: string | null) => n ?? '未指定' },
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
  const filters = {
    roundId: search.get('roundId'),
    phase: search.get('phase'),
    type: search.get('type'),
    teamId: search.get('teamId'),
  };
  const inspections = useInspectionPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const teams = useRoundTeams(filters.roundId);

  const buttons = (
    <Space>
      <ExportButton path="/api/inspections/export" query={filters} testId="inspections-export" />
      {can('inspection.create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="inspection-create"
        >
          新建巡察
        </Button>
      )}
    </Space>
  );

  return (
    <PageContainer title="巡察项目" extra={buttons}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <RoundSelect
          allowClear
          placeholder="全部巡察轮次"
          style={{ width: 280 }}
          value={search.get('roundId')}
          onChange={(roundId) => search.setFilters({ roundId, teamId: undefined })}
        />
        <Select
          allowClear
          placeholder={filters.roundId ? '全部巡察组' : '先选轮次再选巡察组'}
          disabled={!filters.roundId}
          style={{ width: 180 }}
          options={(teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={filters.teamId}
          onChange={(teamId) => search.setFilters({ teamId })}
          data-testid="inspections-team-filter"
        />
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          options={optionsOf(inspectionType.labels)}
          value={filters.type}
          onChange={(type) => search.setFilters({ type })}
          data-testid="inspections-type-filter"
        />
        <Select<InspectionPhase>
          allowClear
          placeholder="全部阶段"
          style={{ width: 140 }}
          options={optionsOf(inspectionPhaseLabel)}
          value={filters.phase as InspectionPhase | undefined}
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
