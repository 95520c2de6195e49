import {
  RECTIFICATION_STATUSES,
  type RectificationCase,
  type RectificationStatus,
  rectificationStatusLabel,
} from '@xuncha/contracts';
import { Checkbox, Flex, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useCasePage, useRoundOptions } from './api.ts';
import { CaseStatusTag, EvaluationTag, PlanStatusTag } from './CaseTags.tsx';

function Due({ date, late }: { date: string; late: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(date)}
      {late && (
        <Tag color="red" style={{ marginInlineStart: 4 }}>
          逾期
        </Tag>
      )}
    </span>
  );
}

const columns: ColumnsType<RectificationCase> = [
  {
    title: '被巡察单位',
    key: 'unit',
    render: (_, c) => (
      <Link to={`/rectifications/${c.id}`} data-testid="rectification-open">
        {c.unitName}
      </Link>
    ),
  },
  { title: '巡察轮次', dataIndex: 'roundName', width: 160 },
  {
    title: '反馈日期',
    dataIndex: 'feedbackDate',
    width: 110,
    render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d)}</span>,
  },
  {
    title: '整改方案',
    key: 'plan',
    render: (_, c) => (
      <Space direction="vertical" size={0}>
        <PlanStatusTag status={c.planStatus} />
        <Typography.Text type="secondary">
          <Due date={c.planDue} late={c.planOverdue} />
        </Typography.Text>
      </Space>
    ),
  },
  {
    title: '整改报告期限',
    key: 'reportDue',
    render: (_, c) =>
      c.reportSubmitted ? <Tag color="green">已报送</Tag> : <Due date={c.reportDue} late={c.reportOverdue} />,
  },
  {
    title: '任务销号',
    key: 'tasks',
    width: 180,
    render: (_, c) => (
      <Space direction="vertical" size={0} style={{ width: '100%' }}>
        <Progress size="small" percent={c.tasksTotal ? Math.round((c.tasksClosed / c.tasksTotal) * 100) : 0} />
        <Typography.Text type="secondary">
          {c.tasksClosed}/{c.tasksTotal} 项，问题 {c.findings} 个
          {c.tasksOverdue > 0 && <Typography.Text type="danger">，逾期 {c.tasksOverdue}</Typography.Text>}
          {c.tasksReturned > 0 && `，退回 ${c.tasksReturned}`}
        </Typography.Text>
      </Space>
    ),
  },
  { title: '最近评估', key: 'evaluation', render: (_, c) => <EvaluationTag result={c.latestEvaluation?.result} /> },
  { title: '状态', key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
];

/** 整改监督: every rectification case in scope, with its deadlines and how far the tasks have got. */
export function RectificationsPage() {
  const search = useSearchState();
  const filters = {
    status: search.get('status'),
    roundId: search.get('roundId'),
    overdue: search.get('overdue'),
    q: search.get('q'),
  };
  const list = useCasePage({ ...filters, page: search.page, pageSize: search.pageSize });
  const rounds = useRoundOptions();
  return (
    <PageContainer
      title="整改监督"
      extra={<ExportButton path="/api/rectifications/export" query={filters} testId="rectification-export" />}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="单位、轮次、巡察组"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q })}
          data-testid="rectification-filter-q"
        />
        <Select
          allowClear
          placeholder="全部轮次"
          style={{ width: 220 }}
          loading={rounds.isPending}
          options={rounds.data?.items.map((r) => ({ value: r.id, label: r.name })) ?? []}
          value={filters.roundId}
          onChange={(roundId?: string) => search.setFilters({ roundId })}
          data-testid="rectification-filter-round"
        />
        <Select<RectificationStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: rectificationStatusLabel[s] }))}
          value={filters.status as RectificationStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="rectification-filter-status"
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="rectification-filter-overdue"
        >
          只看有逾期任务的
        </Checkbox>
      </Flex>
      {list.error ? (
        <ListError error={list.error} />
      ) : (
        <Table<RectificationCase>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
          scroll={{ x: 1200 }}
          data-testid="rectification-table"
        />
      )}
    </PageContainer>
  );
}
