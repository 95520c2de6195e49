import type { TaskStatus } from '@xuncha/contracts';
import { Empty, Space, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Task } from '../../app/types.ts';
import { DueMark } from '../../shared/DueMark.tsx';
import { formatDate } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { OverdueTag, TaskStatusTag } from '../../shared/tags.tsx';

type Props = {
  tasks: Task[] | undefined;
  loading: boolean;
  error?: unknown;
  pagination: TablePaginationConfig;
  /** Embedded under a finding, the unit and finding columns would repeat the page title. */
  compact?: boolean;
};

const contextColumns: TableColumnsType<Task> = [
  { title: '单位', dataIndex: 'unitName', width: 160, ellipsis: true },
  { title: '问题', dataIndex: 'findingTitle', width: 220, ellipsis: true },
];

const taskColumns: TableColumnsType<Task> = [
  { title: '整改任务', dataIndex: 'title', render: (title: string, t) => <Link to={`/tasks/${t.id}`}>{title}</Link> },
  { title: '责任人', dataIndex: 'ownerName', width: 100 },
  { title: '完成时限', dataIndex: 'dueDate', width: 120, render: (_: string, t) => dueText(t) },
  {
    title: '状态',
    dataIndex: 'status',
    width: 200,
    render: (status: TaskStatus, t) => (
      <Space size={4}>
        <TaskStatusTag status={status} />
        <OverdueTag overdue={t.overdue} />
        {/* 逾期 has its tag already; DueMark adds 即将到期 */}
        {!t.overdue && <DueMark task={t} />}
      </Space>
    ),
  },
];

function dueText(task: Task): string {
  return task.longTerm ? `${formatDate(task.dueDate)}（长期）` : formatDate(task.dueDate);
}

// The whole row opens the task; clicks on the title link are already handled by the link itself.
function clickedLink(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('a') !== null;
}

export function TaskTable({ tasks, loading, error, pagination, compact = false }: Props) {
  const navigate = useNavigate();
  return (
    <>
      <ListError error={error} />
      <Table<Task>
        rowKey="id"
        columns={compact ? taskColumns : [...contextColumns, ...taskColumns]}
        dataSource={tasks}
        loading={loading}
        locale={{ emptyText: <Empty description="暂无整改任务" /> }}
        pagination={pagination}
        rowClassName="clickable-row"
        onRow={(task) => ({
          onClick: (event) => {
            if (!clickedLink(event)) navigate(`/tasks/${task.id}`);
          },
        })}
      />
    </>
  );
}
