import { type TaskHistoryEvent, taskHistoryEventLabel, taskStatusLabel } from '@xuncha/contracts';
import { Empty, Timeline, Typography } from 'antd';
import type { TaskHistory } from '../../app/types.ts';
import { formatDateTime } from '../../shared/format.ts';

const eventColor: Record<TaskHistoryEvent, string> = {
  create: 'gray',
  start: 'blue',
  submit: 'orange',
  verify: 'green',
  verifyPartly: 'cyan',
  return: 'red',
  reopen: 'purple',
};

function HistoryContent({ entry }: { entry: TaskHistory }) {
  // Creation has no previous status: show only where the task started.
  const from = entry.fromStatus ? `${taskStatusLabel[entry.fromStatus]} → ` : '';
  return (
    <div>
      <Typography.Text strong>{taskHistoryEventLabel[entry.event]}</Typography.Text>
      <Typography.Text type="secondary">
        {' '}
        （{from}
        {taskStatusLabel[entry.toStatus]}）
      </Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 16 }}>
        {entry.actorName} · {formatDateTime(entry.at)}
      </Typography.Text>
      {entry.reason && <div className="pre-wrap">说明：{entry.reason}</div>}
    </div>
  );
}

/** 处理记录: every state change with who, when and why — the audit trail users can read. */
export function TaskHistoryTimeline({ history }: { history: TaskHistory[] }) {
  if (history.length === 0) return <Empty description="暂无处理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={history.map((entry) => ({
        key: entry.id,
        color: eventColor[entry.event],
        content: <HistoryContent entry={entry} />,
      }))}
    />
  );
}
