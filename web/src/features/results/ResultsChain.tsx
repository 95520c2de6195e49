// The chain of one finding as a compact row of tags: 报告 → 反馈 → 移交 → 督办 → 整改. Green = done, blue = under
// way, red = overdue, grey = not reached.
import { RightOutlined } from '@ant-design/icons';
import {
  dispositionShort,
  handoverKind,
  handoverStatusLabel,
  rectificationState,
  reportStatusLabel,
} from '@xuncha/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { formatDate } from '../../shared/format.ts';
import type { LedgerRow } from './api.ts';

const arrow = <RightOutlined style={{ color: '#bbb', fontSize: 10 }} />;

function ReportTag({ row }: { row: LedgerRow }) {
  if (!row.reportStatus) return <Tag>报告 未起草</Tag>;
  if (row.reportStatus === 'approved') return <Tag color="success">报告 ✓ {formatDate(row.reportApprovedOn)}</Tag>;
  return <Tag color="processing">报告 {reportStatusLabel[row.reportStatus]}</Tag>;
}

function FeedbackTag({ row }: { row: LedgerRow }) {
  return row.fedBack ? <Tag color="success">反馈 ✓ {formatDate(row.feedbackDate)}</Tag> : <Tag>反馈 未反馈</Tag>;
}

function HandoverTag({ row }: { row: LedgerRow }) {
  const h = row.handover;
  if (!h) return <Tag>移交 无</Tag>;
  const color =
    row.handoverStage === 'overdue' ? 'error' : row.handoverStage === 'concluded' ? 'success' : 'processing';
  const detail = [
    `${handoverKind.labels[h.kind]} → ${h.recipientName}`,
    `移交 ${formatDate(h.sentOn)}，反馈时限 ${formatDate(h.dueDate)}`,
    h.concludedOn ? `办结 ${formatDate(h.concludedOn)}` : null,
    h.disposition ? `处置：${dispositionShort[h.disposition]}` : null,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <Tooltip title={detail}>
      <Tag color={color}>
        移交 {h.recipientName} {handoverStatusLabel[h.status]}
        {h.disposition ? ` · ${dispositionShort[h.disposition]}` : ''}
        {h.overdue ? '（逾期）' : ''}
      </Tag>
    </Tooltip>
  );
}

function SupervisionTag({ row }: { row: LedgerRow }) {
  if (row.supervisionCount === 0) return <Tag>督办 无</Tag>;
  const open = row.openSupervisionCount;
  return (
    <Tag color={open > 0 ? 'warning' : 'success'}>
      督办 {row.supervisionCount} 件{open > 0 ? `（${open} 件未办结）` : ' 已办结'}
    </Tag>
  );
}

const rectificationColor = { none: 'default', in_progress: 'processing', done: 'success', overdue: 'error' } as const;

function RectificationTag({ row }: { row: LedgerRow }) {
  const label = rectificationState.labels[row.rectification];
  const counts = row.taskCount > 0 ? ` ${row.closedTaskCount}/${row.taskCount}` : '';
  return (
    <Tooltip title={row.overdueTaskCount > 0 ? `逾期任务 ${row.overdueTaskCount} 项` : undefined}>
      <Tag color={rectificationColor[row.rectification]}>
        整改 {label}
        {counts}
      </Tag>
    </Tooltip>
  );
}

export function ResultsChain({ row }: { row: LedgerRow }) {
  return (
    <Space size={2} wrap>
      <ReportTag row={row} />
      {arrow}
      <FeedbackTag row={row} />
      {arrow}
      <HandoverTag row={row} />
      {arrow}
      <SupervisionTag row={row} />
      {arrow}
      <RectificationTag row={row} />
    </Space>
  );
}
