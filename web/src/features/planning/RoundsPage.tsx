import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/auth.ts';
import type { Round } from '../../app/types.ts';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useRoundPage } from './api.ts';
import { RoundCreateModal } from './RoundCreateModal.tsx';

const columns: TableColumnsType<Round> = [
  { title: '轮次名称', dataIndex: 'name' },
  { title: '年度', dataIndex: 'year', width: 90 },
  { title: '轮次', dataIndex: 'seq', width: 80, render: (seq: number) => `第 ${seq} 轮` },
  {
    title: '起止日期',
    key: 'dates',
    width: 230,
    render: (_: unknown, r) => `${formatDate(r.startDate)} 至 ${formatDate(r.endDate)}`,
  },
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
  const rounds = useRoundPage({ page: search.page, pageSize: search.pageSize });

  const createButton = can('round.create') && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      新建轮次
    </Button>
  );

  return (
    <PageContainer title="巡察轮次" extra={createButton}>
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
