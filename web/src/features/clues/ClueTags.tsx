import {
  type ClueStatus,
  clueStatusLabel,
  dispositionShort,
  type HandoverStatus,
  handoverStatusLabel,
} from '@xuncha/contracts';
import { Tag, Typography } from 'antd';
import type { ClueListItem } from './api.ts';

const statusColor: Record<ClueStatus, string> = {
  registered: 'default',
  preliminary: 'processing',
  shelved: 'default',
  handed_over: 'gold',
  accepted: 'cyan',
  handling: 'blue',
  concluded: 'success',
};

const handoverColor: Record<HandoverStatus, string> = {
  sent: 'gold',
  accepted: 'cyan',
  handling: 'blue',
  concluded: 'geekblue',
  closed: 'success',
  declined: 'default',
};

export function ClueStatusTag({ status }: { status: ClueStatus }) {
  return <Tag color={statusColor[status]}>{clueStatusLabel[status]}</Tag>;
}

/** Where the clue went and what became of it: 区纪委监委 · 已反馈结果 · 第二种形态. */
export function HandoverCell({ handover }: { handover: ClueListItem['handover'] }) {
  if (!handover) return <Typography.Text type="secondary">未移交</Typography.Text>;
  return (
    <>
      {handover.recipientName} <Tag color={handoverColor[handover.status]}>{handoverStatusLabel[handover.status]}</Tag>
      {handover.disposition && <Tag color="purple">{dispositionShort[handover.disposition]}</Tag>}
    </>
  );
}
