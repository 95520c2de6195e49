// 成果运用台账: every finding of the user's scope with its chain 报告 → 反馈 → 移交 → 督办 → 整改; a row opens the finding.
import { aspect } from '@xuncha/contracts';
import { Alert, Empty, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type LedgerRow, useResultsLedger, useResultsSummary } from './api.ts';
import { ResultsChain } from './ResultsChain.tsx';
import { RESULTS_FILTER_KEYS, ResultsFilters } from './ResultsFilters.tsx';
import { ResultsSummaryStrip } from './ResultsSummaryStrip.tsx';

const columns: TableColumnsType<LedgerRow> = [
  {
    title: '轮次 / 单位',
    key: 'unit',
    width: 220,
    render: (_: unknown, r) => (
      <Space orientation="vertical" size={0}>
        <span>{r.unitName}</span>
        <span style={{ color: '#888', fontSize: 12 }}>
          {r.roundName}
          {r.teamName ? ` · ${r.teamName}` : ''}
        </span>
      </Space>
    ),
  },
  {
    title: '问题',
    key: 'title',
    render: (_: unknown, r) => (
      <Space size={4} wrap>
        <span>
          {r.seq}. {r.title}
        </span>
        {r.isCommon && <Tag color="purple">共性</Tag>}
        {r.eightRules && <Tag color="volcano">八项规定</Tag>}
        {r.immediate && <Tag color="orange">立行立改</Tag>}
      </Space>
    ),
  },
  { title: '方面', dataIndex: 'aspect', width: 150, render: (a: LedgerRow['aspect']) => aspect.labels[a] },
  {
    title: '报告 → 反馈 → 移交 → 督办 → 整改',
    key: 'chain',
    width: 600,
    render: (_: unknown, r) => <ResultsChain row={r} />,
  },
];

export function ResultsLedgerPage() {
  const search = useSearchState();
  const navigate = useNavigate();
  const filters = Object.fromEntries(RESULTS_FILTER_KEYS.map((key) => [key, search.get(key)]));
  const ledger = useResultsLedger({ ...filters, page: search.page, pageSize: search.pageSize });
  const summary = useResultsSummary(filters);
  return (
    <PageContainer
      title="成果运用台账"
      extra={<ExportButton path="/api/results-ledger/export" query={filters} testId="results-export" />}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="每个问题一行，追踪巡察报告、反馈、移交、督办和整改情况，做到件件有着落、事事有回音。"
      />
      <ResultsSummaryStrip summary={summary.data} loading={summary.isPending} />
      <ResultsFilters values={filters} onChange={search.setFilters} />
      <ListError error={ledger.error} />
      <Table<LedgerRow>
        rowKey="findingId"
        columns={columns}
        dataSource={ledger.data?.items}
        loading={ledger.isFetching}
        locale={{ emptyText: <Empty description="暂无问题" /> }}
        pagination={serverPagination(search.page, search.pageSize, ledger.data?.total, search.setPage)}
        onRow={(r) => ({ onClick: () => navigate(`/findings/${r.findingId}`), style: { cursor: 'pointer' } })}
        scroll={{ x: 1100 }}
        data-testid="results-table"
      />
    </PageContainer>
  );
}
