// 审计日志 (安全审计员): filtered, newest first, paged by keyset (the log runs to millions of rows, so there is
// no total and no page numbers — 下一页 follows the cursor, 上一页 goes back along the cursors seen).
import { Button, DatePicker, Flex, Input, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { AuditEntryDrawer } from './AuditEntryDrawer.tsx';
import { type AuditFilters, useAuditPage } from './api.ts';
import { actionLabel, entityLabel } from './labels.ts';
import { VerifyChainButton } from './VerifyChainButton.tsx';

const PAGE_SIZE = 50;
const TEXT_FILTERS = [
  ['actor', '操作人姓名', 150],
  ['action', '操作（如 user.create）', 230],
  ['entity', '对象类型（如 clue）', 200],
  ['entityId', '对象编号', 220],
] as const;

export function AuditLogPage() {
  const [filters, setFilters] = useState<AuditFilters>({});
  // cursors[i] is the `after` of page i (undefined for the first page)
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [openId, setOpenId] = useState<string>();
  const after = cursors[cursors.length - 1];
  const page = useAuditPage(filters, after, PAGE_SIZE);
  const change = (next: AuditFilters) => {
    setFilters((prev) => ({ ...prev, ...next }));
    setCursors([undefined]);
  };
  const changeRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    change({ from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').toISOString() });
  const nextCursor = page.data?.nextCursor ?? null;
  return (
    <PageContainer
      title="审计日志"
      extra={<ExportButton path="/api/audit-log/export" query={filters} testId="audit-export" />}
    >
      <Typography.Paragraph type="secondary">
        审计日志只增不改，以 SM3 哈希链防篡改；至少保存 {page.data?.retentionMonths ?? '—'}{' '}
        个月（网络安全法要求不少于六个月），系统不提供删除。
      </Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>
        <VerifyChainButton />
      </div>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker onChange={changeRange} placeholder={['开始日期', '结束日期']} />
        {TEXT_FILTERS.map(([key, placeholder, width]) => (
          <Input.Search
            key={key}
            allowClear
            placeholder={placeholder}
            style={{ width }}
            onSearch={(value) => change({ [key]: value.trim() || undefined })}
            data-testid={`audit-filter-${key}`}
          />
        ))}
      </Flex>
      <ListError error={page.error} />
      <Table
        rowKey="id"
        size="small"
        loading={page.isFetching}
        dataSource={page.data?.items}
        pagination={false}
        onRow={(e) => ({ onClick: () => setOpenId(e.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '编号', dataIndex: 'id', width: 90 },
          { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
          { title: '操作人', dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '系统' },
          {
            title: '操作',
            dataIndex: 'action',
            width: 220,
            render: (code: string) => <span title={code}>{actionLabel(code)}</span>,
          },
          {
            title: '对象类型',
            dataIndex: 'entity',
            width: 140,
            render: (code: string) => <span title={code}>{entityLabel(code)}</span>,
          },
          { title: '对象编号', dataIndex: 'entityId', ellipsis: true },
          { title: 'IP', dataIndex: 'ip', width: 130 },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Button disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <span>第 {cursors.length} 页</span>
        <Button
          disabled={nextCursor === null}
          onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
          data-testid="audit-next"
        >
          下一页
        </Button>
      </Space>
      {openId && <AuditEntryDrawer id={openId} onClose={() => setOpenId(undefined)} />}
    </PageContainer>
  );
}
