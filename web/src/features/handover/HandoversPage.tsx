import {
  type HandoverKind,
  type HandoverStatus,
  type HandoverSummary,
  handoverInbox,
  handoverKind,
  handoverStatusLabel,
} from '@xuncha/contracts';
import { Card, Checkbox, Col, Flex, Input, Row, Select, Statistic, Tabs } from 'antd';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { useHandoverPage, useHandoverSummary } from './api.ts';
import { HandoverTable } from './HandoverTable.tsx';

type Search = ReturnType<typeof useSearchState>;

/** 巡察办's view of every handover: how many wait, how many are overdue (a click filters the list). */
function SummaryCards({ summary, search }: { summary: HandoverSummary; search: Search }) {
  const s = summary.byStatus;
  const cards = [
    { title: '待接收', value: s.sent, filters: { inbox: 'todo' } },
    { title: '办理中', value: s.accepted + s.handling, filters: { inbox: 'doing' } },
    { title: '已反馈待办结', value: s.concluded, filters: { status: 'concluded' } },
    { title: '已办结', value: s.closed, filters: { status: 'closed' } },
    { title: '逾期未反馈', value: summary.overdue, filters: { overdue: 'true' }, danger: true },
    { title: '7 日内到期', value: summary.dueSoon, filters: { dueSoon: 'true' } },
  ];
  const clear = { inbox: undefined, status: undefined, overdue: undefined, dueSoon: undefined };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={4}>
          <Card size="small" hoverable onClick={() => search.setFilters({ ...clear, ...c.filters })}>
            <Statistic
              title={c.title}
              value={c.value}
              suffix="件"
              styles={c.danger && c.value > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 移交办理: recipients answer what was handed to them; the office follows every handover to its result. */
export function HandoversPage() {
  const can = useCan();
  const sender = can('handover.read');
  const search = useSearchState();
  const filters = {
    inbox: search.get('inbox'),
    status: search.get('status'),
    kind: search.get('kind'),
    overdue: search.get('overdue'),
    dueSoon: search.get('dueSoon'),
    q: search.get('q'),
  };
  const list = useHandoverPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const summary = useHandoverSummary(sender);
  return (
    <PageContainer
      title="移交办理"
      extra={sender && <ExportButton path="/api/handovers/export" query={filters} testId="handover-export" />}
    >
      {summary.data && <SummaryCards summary={summary.data} search={search} />}
      <Tabs
        activeKey={filters.inbox ?? 'all'}
        onChange={(key) => search.setFilters({ inbox: key === 'all' ? undefined : key })}
        items={[
          { key: 'all', label: '全部' },
          ...handoverInbox.codes.map((key) => ({ key, label: handoverInbox.labels[key] })),
        ]}
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="移交编号、单位名称"
          style={{ width: 220 }}
          defaultValue={filters.q}
          onSearch={(q) => search.setFilters({ q })}
          data-testid="handover-filter-q"
        />
        <Select<HandoverKind>
          allowClear
          placeholder="全部类别"
          style={{ width: 150 }}
          options={optionsOf(handoverKind.labels)}
          value={filters.kind as HandoverKind | undefined}
          onChange={(kind) => search.setFilters({ kind })}
        />
        <Select<HandoverStatus>
          allowClear
          placeholder="全部状态"
          style={{ width: 140 }}
          options={optionsOf(handoverStatusLabel)}
          value={filters.status as HandoverStatus | undefined}
          onChange={(status) => search.setFilters({ status })}
          data-testid="handover-filter-status"
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
          data-testid="handover-filter-overdue"
        >
          只看逾期
        </Checkbox>
      </Flex>
      <HandoverTable
        showUnit
        handovers={list.data?.items}
        loading={list.isFetching}
        error={list.error}
        pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
      />
    </PageContainer>
  );
}
