import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import type { Round } from '../../app/types.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { todayInShanghai } from '../../shared/today.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useRoundPage } from './api.ts';
import { RoundCreateModal } from './RoundCreateModal.tsx';

const columns: TableColumnsType<Round> = [
  { title: '轮次名称', dataIndex: 'name', render: (name: string, r) => <Link to={`/rounds/${r.id}`}>{name}</Link> },
  { title: '年度', dataIndex: 'year', width: 90 },
  { title: '轮次', dataIndex: 'seq', width: 80, render: (seq: number) => `第 ${seq} 轮` },
  {
    title: '起止日期',
    key: 'dates',
    width: 230,
    render: (_: unknown, r) => `${formatDate(r.startDate)} 至 ${formatDate(r.endDate)}`,
  },
  { title: '动员部署会', dataIndex: 'mobilisedOn', width: 120, render: (d: string | null) => formatDate(d) },
  { title: '巡察组', dataIndex: 'teamCount', width: 90 },
  {
    title: '巡察项目数',
    dataIndex: 'inspectionCount',
    width: 120,
    render: (count: number, r) => <Link to={`/inspections?roundId=${r.id}`}>{count}</Link>,
  },
];

export function RoundsPage() {
  const can = useCan();
  const search = useSearchState();
  const [creating, setCreating] = useState(false);
  const filters = { year: search.get('year') };
  const rounds = useRoundPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const thisYear = todayInShanghai().year();
  const years = Array.from({ length: 8 }, (_, i) => ({ value: String(thisYear - i), label: `${thisYear - i} 年` }));

  const buttons = (
    <Space>
      <ExportButton path="/api/rounds/export" query={filters} testId="rounds-export" />
      {can('round.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
          新建轮次
        </Button>
      )}
    </Space>
  );

  return (
    <PageContainer title="巡察轮次" extra={buttons}>
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部年度"
          style={{ width: 140 }}
          options={years}
          value={filters.year}
          onChange={(year) => search.setFilters({ year })}
          data-testid="rounds-year-filter"
        />
      </Flex>
      <ListError error={rounds.error} />
      <Table<Round>
        rowKey="id"
        columns={columns}
        dataSource={rounds.data?.items}
        loading={rounds.isFetching}
        locale={{ emptyText: <Empty description="暂无巡察轮次" /> }}
        pagination={serverPagination(search.page, search.pageSize, rounds.data?.total, search.setPage)}
      />
      {creating && <RoundCreateModal onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
