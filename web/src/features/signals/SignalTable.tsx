// The flagged tasks, one row per task with every rule that fired in words, and what the office can do next.
import { SIGNAL_SORTS, type SignalKind, type SignalStatus, signalKind, signalStatus } from '@xuncha/contracts';
import { Button, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { serverPagination } from '../../shared/pagination.ts';
import type { SignalRow } from './api.ts';

const KIND_TAG: Record<SignalKind, string> = { thin_evidence: 'gold', bulk_close: 'red', rebound: 'purple' };
const STATUS_TAG: Record<SignalStatus, string> = {
  open: 'orange',
  confirmed: 'red',
  dismissed: 'default',
  cleared: 'green',
};
const SORT_LABEL: Record<(typeof SIGNAL_SORTS)[number], string> = {
  '-closedAt': '按销号日期（新→旧）',
  unitName: '按单位',
  '-signals': '按预警条数（多→少）',
  dueDate: '按完成时限',
};

interface Props {
  data: { items: SignalRow[]; total: number } | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  sort: string | undefined;
  onSort: (sort: string) => void;
  canIssue: boolean;
  onHandle: (row: SignalRow) => void;
  onIssue: (row: SignalRow) => void;
}

export function SignalTable(p: Props) {
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          预警任务清单
        </Typography.Title>
        <Select
          style={{ width: 200 }}
          value={p.sort ?? '-closedAt'}
          options={SIGNAL_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }))}
          onChange={p.onSort}
          data-testid="signal-sort"
        />
      </Flex>
      <Table<SignalRow>
        rowKey="taskId"
        size="small"
        loading={p.loading}
        dataSource={p.data?.items ?? []}
        pagination={serverPagination(p.page, p.pageSize, p.data?.total, p.onPage)}
        data-testid="signal-table"
        columns={[
          {
            title: '单位 / 轮次',
            dataIndex: 'unitName',
            width: 180,
            render: (name: string, r) => (
              <>
                <div>{name}</div>
                <Typography.Text type="secondary">{r.roundName ?? ''}</Typography.Text>
              </>
            ),
          },
          {
            title: '整改任务',
            dataIndex: 'taskTitle',
            width: 220,
            render: (title: string, r) => (
              <>
                <Link to={`/tasks/${r.taskId}`} data-testid="signal-task-link">
                  {title}
                </Link>
                <div>
                  <Typography.Text type="secondary">
                    完成时限 {formatDate(r.dueDate)}
                    {r.closedOn ? ` · 销号 ${formatDate(r.closedOn)}` : ''}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          {
            title: '预警',
            dataIndex: 'kinds',
            width: 110,
            render: (kinds: SignalKind[]) => (
              <Space direction="vertical" size={2}>
                {kinds.map((k) => (
                  <Tag key={k} color={KIND_TAG[k]}>
                    {signalKind.labels[k]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '预警理由',
            dataIndex: 'reasons',
            render: (reasons: string[]) => (
              <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="signal-reasons">
                {reasons.map((r) => (
                  <li key={r}>{r.replace(/^[^：]+：/, '')}</li>
                ))}
              </ul>
            ),
          },
          {
            title: '处理',
            dataIndex: 'status',
            width: 200,
            render: (status: SignalStatus, r) => (
              <>
                <Tag color={STATUS_TAG[status]} data-testid="signal-status-tag">
                  {signalStatus.labels[status]}
                </Tag>
                {r.note && <div>{r.note}</div>}
                {r.handledAt && (
                  <Typography.Text type="secondary">
                    {r.handledByName} {formatDateTime(r.handledAt)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.canHandle && (
                  <Button type="link" size="small" onClick={() => p.onHandle(r)} data-testid="signal-handle">
                    核实
                  </Button>
                )}
                {r.status === 'confirmed' && p.canIssue && r.rectificationId && (
                  <Button type="link" size="small" onClick={() => p.onIssue(r)} data-testid="signal-issue">
                    下发督办单
                  </Button>
                )}
                {r.status === 'confirmed' && (
                  <Link to="/accountability" data-testid="signal-accountability">
                    提出问责
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
