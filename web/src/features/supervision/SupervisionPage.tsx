import {
  type SupervisionReason,
  type SupervisionStatus,
  supervisionReason,
  supervisionStatusLabel,
} from '@xuncha/contracts';
import { Button, Checkbox, Flex, Input, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/auth.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type SupervisionOrder, useOrderPage, useSuggestions } from './api.ts';
import { type IssueDraft, IssueModal } from './IssueModal.tsx';
import { SupervisionDrawer } from './SupervisionDrawer.tsx';

/** What the office should consider: overdue, returned twice, reopened tasks without an open order. */
function Suggestions({ unitId, onIssue }: { unitId?: string; onIssue: (d: IssueDraft) => void }) {
  const [page, setPage] = useState(1);
  const list = useSuggestions({ unitId, page, pageSize: 20 }, true);
  return (
    <Table
      rowKey="taskId"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items}
      pagination={serverPagination(page, 20, list.data?.total, setPage)}
      columns={[
        { title: '单位', dataIndex: 'unitName', width: 180 },
        { title: '整改任务', dataIndex: 'taskTitle' },
        { title: '责任人', dataIndex: 'ownerName', width: 100 },
        {
          title: '完成时限',
          dataIndex: 'dueDate',
          width: 150,
          render: (d: string, s) => (
            <>
              {formatDate(d)} {s.overdue && <Tag color="red">逾期 {s.overdueDays} 天</Tag>}
            </>
          ),
        },
        { title: '退回次数', dataIndex: 'returnedCount', width: 90 },
        {
          title: '建议事由',
          dataIndex: 'reason',
          width: 150,
          render: (r: SupervisionReason) => supervisionReason.labels[r],
        },
        {
          title: '',
          width: 100,
          render: (_, s) => (
            <Button
              size="small"
              type="primary"
              data-testid={`supervision-suggest-${s.taskId}`}
              onClick={() =>
                onIssue({
                  rectificationId: s.rectificationId,
                  taskId: s.taskId,
                  taskTitle: s.taskTitle,
                  reason: s.reason,
                })
              }
            >
              下发督办单
            </Button>
          ),
        },
      ]}
    />
  );
}

/** 督查督办: every order with its answer deadline (overdue answers in red), suggestions, and the detail. */
export function SupervisionPage() {
  const can = useCan();
  const search = useSearchState();
  const [issuing, setIssuing] = useState<IssueDraft | null>(null);
  const tab = search.get('tab') ?? 'orders';
  const opened = search.get('id');
  const filters = {
    status: search.get('status'),
    reason: search.get('reason'),
    unitId: search.get('unitId'),
    overdue: search.get('overdue'),
    q: search.get('q'),
  };
  const list = useOrderPage({ ...filters, page: search.page, pageSize: search.pageSize });
  const columns = [
    { title: '编号', dataIndex: 'code', width: 150 },
    { title: '被督办单位', dataIndex: 'unitName', width: 180 },
    { title: '督办任务', dataIndex: 'taskTitle', render: (t: string | null) => t ?? '（整体督办）' },
    { title: '事由', dataIndex: 'reason', width: 140, render: (r: SupervisionReason) => supervisionReason.labels[r] },
    {
      title: '答复期限',
      dataIndex: 'responseDue',
      width: 170,
      render: (d: string, o: SupervisionOrder) => (
        <>
          {formatDate(d)} {o.answerOverdue && <Tag color="red">逾期 {o.overdueDays} 天</Tag>}
        </>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: SupervisionStatus) => (
        <Tag color={s === 'escalated' ? 'red' : s === 'closed' ? 'green' : 'blue'}>{supervisionStatusLabel[s]}</Tag>
      ),
    },
  ];
  return (
    <PageContainer
      title="督查督办"
      extra={
        <Flex gap={8}>
          {can('supervision.issue') && (
            <Button type="primary" onClick={() => setIssuing({})} data-testid="supervision-issue">
              下发督办单
            </Button>
          )}
          <ExportButton path="/api/supervision-orders/export" query={filters} testId="supervision-export" />
        </Flex>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => search.setFilters({ tab: key === 'orders' ? undefined : key })}
        items={[
          { key: 'orders', label: '督办单' },
          ...(can('supervision.issue') ? [{ key: 'suggestions', label: '建议督办' }] : []),
        ]}
      />
      {tab === 'suggestions' ? (
        <Suggestions unitId={filters.unitId} onIssue={setIssuing} />
      ) : (
        <>
          <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
            <Input.Search
              allowClear
              placeholder="编号、单位、督办事项"
              style={{ width: 220 }}
              defaultValue={filters.q}
              onSearch={(q) => search.setFilters({ q })}
              data-testid="supervision-filter-q"
            />
            <Select<SupervisionStatus>
              allowClear
              placeholder="全部状态"
              style={{ width: 140 }}
              options={optionsOf(supervisionStatusLabel)}
              value={filters.status as SupervisionStatus | undefined}
              onChange={(status) => search.setFilters({ status })}
              data-testid="supervision-filter-status"
            />
            <Select<SupervisionReason>
              allowClear
              placeholder="全部事由"
              style={{ width: 170 }}
              options={optionsOf(supervisionReason.labels)}
              value={filters.reason as SupervisionReason | undefined}
              onChange={(reason) => search.setFilters({ reason })}
            />
            <Checkbox
              checked={filters.overdue === 'true'}
              onChange={(e) => search.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
              data-testid="supervision-filter-overdue"
            >
              只看逾期未答复
            </Checkbox>
          </Flex>
          {list.error ? (
            <ListError error={list.error} />
          ) : (
            <Table<SupervisionOrder>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={list.data?.items}
              columns={columns}
              onRow={(o) => ({
                onClick: () => search.setFilters({ id: o.id }),
                // overdue answers stand out: these are the ones to chase (or escalate) today
                style: { cursor: 'pointer', background: o.answerOverdue ? '#fff1f0' : undefined },
              })}
              pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
              data-testid="supervision-table"
            />
          )}
        </>
      )}
      {opened && <SupervisionDrawer id={opened} onClose={() => search.setFilters({ id: undefined })} />}
      {issuing && <IssueModal draft={issuing} onClose={() => setIssuing(null)} />}
    </PageContainer>
  );
}
