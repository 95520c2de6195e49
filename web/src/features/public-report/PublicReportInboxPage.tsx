// 群众举报: the inbox of one inspection (chosen above the list) — filters by status and kind, the read
// drawer, export of the list (metadata only), and the designated readers for who may grant them.
import { PUBLIC_REPORT_STATUSES, publicReportKind, publicReportStatusLabel } from '@xuncha/contracts';
import { Alert, Divider, Empty, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useSearchState } from '../../shared/useSearchState.ts';
import { type PublicReportListItem, useInbox, useInboxes } from './api.ts';
import { ReaderGrants } from './ReaderGrants.tsx';
import { ReportDrawer } from './ReportDrawer.tsx';

const STATUS_COLOR = { received: 'blue', in_progress: 'orange', replied: 'green', transferred: 'purple' } as const;

const columns = [
  { title: '编号', dataIndex: 'seq', width: 70 },
  { title: '类型', dataIndex: 'kind', render: (k: PublicReportListItem['kind']) => publicReportKind.labels[k] },
  {
    title: '状态',
    dataIndex: 'status',
    render: (s: PublicReportListItem['status']) => <Tag color={STATUS_COLOR[s]}>{publicReportStatusLabel[s]}</Tag>,
  },
  { title: '提交时间', dataIndex: 'filedAt', render: formatDateTime },
  { title: '实名/匿名', dataIndex: 'anonymous', render: (a: boolean) => (a ? '匿名' : '实名') },
  { title: '附件', dataIndex: 'attachmentCount' },
  { title: '答复时间', dataIndex: 'repliedAt', render: formatDateTime },
];

export function PublicReportInboxPage() {
  const search = useSearchState();
  const inboxes = useInboxes();
  const [openId, setOpenId] = useState<string | null>(null);
  const items = inboxes.data?.items ?? [];
  const inspectionId = search.get('inspectionId') ?? items[0]?.inspectionId;
  const current = items.find((i) => i.inspectionId === inspectionId);
  const filters = { status: search.get('status'), kind: search.get('kind') };
  const list = useInbox(current?.canRead ? inspectionId : undefined, {
    ...filters,
    page: search.page,
    pageSize: search.pageSize,
  });
  return (
    <PageContainer
      title="群众举报和意见"
      extra={
        current?.canRead && (
          <ExportButton
            path="/api/public-reports/export"
            query={{ ...filters, inspectionId }}
            testId="public-report-export"
          />
        )
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="群众通过网上渠道（/public/report）向进驻期的巡察组反映的问题。内容仅巡察组组长和指定人员可见，每次查看均记入审计日志。"
      />
      {items.length === 0 && !inboxes.isLoading ? (
        <Empty description="没有您可以查看的群众举报" />
      ) : (
        <>
          <Flex wrap gap={12} style={{ marginBottom: 16 }}>
            <Select
              style={{ width: 360 }}
              value={inspectionId}
              onChange={(id) => search.setFilters({ inspectionId: id })}
              options={items.map((i) => ({ value: i.inspectionId, label: `${i.roundName} · ${i.unitName}` }))}
            />
            <Select
              allowClear
              placeholder="全部状态"
              style={{ width: 140 }}
              value={filters.status}
              onChange={(status) => search.setFilters({ status })}
              options={PUBLIC_REPORT_STATUSES.map((s) => ({ value: s, label: publicReportStatusLabel[s] }))}
            />
            <Select
              allowClear
              placeholder="全部类型"
              style={{ width: 140 }}
              value={filters.kind}
              onChange={(kind) => search.setFilters({ kind })}
              options={optionsOf(publicReportKind.labels)}
            />
          </Flex>
          {current?.canRead ? (
            <Table<PublicReportListItem>
              rowKey="id"
              data-testid="public-report-table"
              columns={columns}
              dataSource={list.data?.items}
              loading={list.isFetching}
              pagination={serverPagination(search.page, search.pageSize, list.data?.total, search.setPage)}
              onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
            />
          ) : (
            <Alert type="warning" title="您可以指定本巡察的查看人员，但不能查看反映内容。" />
          )}
          {current?.canGrant && inspectionId && (
            <>
              <Divider />
              <ReaderGrants inspectionId={inspectionId} />
            </>
          )}
        </>
      )}
      {openId && <ReportDrawer id={openId} onClose={() => setOpenId(null)} />}
    </PageContainer>
  );
}
