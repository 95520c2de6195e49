import { type HandoverStatus, handoverStatusLabel } from '@xuncha/contracts';
import { Flex, Tag } from 'antd';
import type { Handover } from './api.ts';

const statusColor: Record<HandoverStatus, string> = {
  sent: 'processing',
  accepted: 'blue',
  handling: 'orange',
  concluded: 'cyan',
  closed: 'success',
  declined: 'default',
};

/** Status, and for open ones past the due date a red "逾期 N 天" (or "即将到期" within 7 days). */
export function HandoverStatusTags({ handover }: { handover: Handover }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={statusColor[handover.status]}>{handoverStatusLabel[handover.status]}</Tag>
      {handover.overdue && <Tag color="error">逾期 {handover.overdueDays} 天</Tag>}
      {handover.dueSoon && <Tag color="warning">即将到期</Tag>}
    </Flex>
  );
}
