import type { Team } from '@xuncha/contracts';
import { Empty, Flex, Input, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { RoundSelect } from '../planning/RoundSelect.tsx';
import { useRoundTeamsPage } from './api.ts';

type TeamRow = z.infer<typeof Team>;

const columns: TableColumnsType<TeamRow> = [
  { title: '巡察组', dataIndex: 'name', render: (name: string, t) => <Link to={`/teams/${t.id}`}>{name}</Link> },
  {
    title: '巡察轮次',
    dataIndex: 'roundName',
    render: (name: string, t) => <Link to={`/rounds/${t.roundId}`}>{name}</Link>,
  },
  { title: '组长', dataIndex: 'leaderName', width: 120, render: (n: string | null) => n ?? '未配备' },
  { title: '在组人数', dataIndex: 'memberCount', width: 100 },
  { title: '巡察对象数', dataIndex: 'targetCount', width: 110 },
];

/** 巡察组: every team of the committee's rounds, by round and name, with the roster export. */
export function TeamsPage() {
  const search = useSearchState();
  const filters = { roundId: search.get('roundId'), name: search.get('name') };
  const teams = useRoundTeamsPage({ ...filters, page: search.page, pageSize: search.pageSize });
  return (
    <PageContainer
      title="巡察组"
      extra={<ExportButton path="/api/teams/export" query={filters} testId="teams-export" />}
    >
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <RoundSelect
          allowClear
          placeholder="全部巡察轮次"
          style={{ width: 280 }}
          value={filters.roundId}
          onChange={(roundId) => search.setFilters({ roundId })}
        />
        <Input.Search
          allowClear
          placeholder="巡察组名称"
          style={{ width: 220 }}
          defaultValue={filters.name}
          onSearch={(name) => search.setFilters({ name: name || undefined })}
        />
      </Flex>
      <ListError error={teams.error} />
      <Table<TeamRow>
        rowKey="id"
        columns={columns}
        dataSource={teams.data?.items}
        loading={teams.isFetching}
        locale={{ emptyText: <Empty description="暂无巡察组" /> }}
        pagination={serverPagination(search.page, search.pageSize, teams.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
