// The rows behind a figure of the progress page (GET /api/rectification-progress/tasks), each linking to its task.
import { type ProgressTaskKind, progressTaskKindLabel, taskStatusLabel } from '@xuncha/contracts';
import { Drawer, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { QueryParams } from '../../app/api.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { type ProgressTask, useProgressTasks } from './api.ts';

export type Drill = { title: string; kind: ProgressTaskKind; ageing?: string; unitId?: string };

type Props = { drill: Drill | null; filters: QueryParams; onClose: () => void };

export function DrillDrawer({ drill, filters, onClose }: Props) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const params = drill ? { ...filters, kind: drill.kind, ageing: drill.ageing, unitId: drill.unitId, ...page } : null;
  const tasks = useProgressTasks(params);
  return (
    <Drawer
      open={drill !== null}
      onClose={() => {
        setPage({ page: 1, pageSize: 20 });
        onClose();
      }}
      size="large"
      title={drill ? `${drill.title}：${progressTaskKindLabel[drill.kind]}` : ''}
      data-testid="progress-drill"
    >
      <ListError error={tasks.error} />
      <Table<ProgressTask>
        rowKey="id"
        size="small"
        loading={tasks.isFetching}
        dataSource={tasks.data?.items}
        pagination={serverPagination(page.page, page.pageSize, tasks.data?.total, (p, s) =>
          setPage({ page: p, pageSize: s }),
        )}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 140 },
          {
            title: '任务',
            dataIndex: 'title',
            render: (title: string, t) => (
              <Link to={`/tasks/${t.id}`} data-testid="progress-drill-task">
                {title}
              </Link>
            ),
          },
          { title: '责任人', dataIndex: 'ownerName', width: 90 },
          { title: '完成时限', dataIndex: 'dueDate', width: 110 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (s: ProgressTask['status'], t) => (
              <>
                {taskStatusLabel[s]}
                {t.overdueDays > 0 && <Tag color="red">逾期 {t.overdueDays} 天</Tag>}
              </>
            ),
          },
          { title: '退回次数', dataIndex: 'returnedCount', width: 80 },
        ]}
      />
    </Drawer>
  );
}
