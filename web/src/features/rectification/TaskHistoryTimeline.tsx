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

const CHECK_LABELS: Record<string, string> = {
  evidenceMatches: '佐证材料与整改措施相符',
  measuresDone: '整改措施已落实到位',
  institutionBuilt: '制度已建立并印发施行',
  moneyRecovered: '资金已实际追缴到位',
};

/** What the verifier ticked at 对账销号 (stored with the event as `details`). */
function Checklist({ details }: { details: unknown }) {
  const d = details as { checkedEvidenceIds?: string[]; items?: Record<string, boolean> } | null;
  if (!d?.items) return null;
  const ticked = Object.entries(d.items)
    .filter(([, v]) => v)
    .map(([k]) => CHECK_LABELS[k] ?? k);
  return (
    <div>
      核对：已核对佐证材料 {d.checkedEvidenceIds?.length ?? 0} 份；{ticked.join('；')}
    </div>
  );
}

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
      <Checklist details={entry.details} />
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
