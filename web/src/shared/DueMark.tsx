// 已逾期 / 即将到期: the marks of a deadline, both derived by the server from dates (never stored).
import { Tag } from 'antd';

export function DueMark({
  task,
  dueSoonDays,
}: {
  task: { overdue: boolean; dueSoon: boolean };
  /** shown as a hint; omitted where the limit is the committee's own */
  dueSoonDays?: number;
}) {
  if (task.overdue) return <Tag color="red">已逾期</Tag>;
  if (task.dueSoon)
    return (
      <Tag color="orange" title={dueSoonDays ? `${dueSoonDays} 天内到期` : '临近完成时限'} data-testid="due-soon">
        即将到期
      </Tag>
    );
  return null;
}
