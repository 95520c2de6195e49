import { Card, Descriptions, Divider, Flex, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { TaskDetail } from '../../app/types.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { OverdueTag, TaskStatusTag } from '../../shared/tags.tsx';
import { useTask } from './api.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { EvidenceUploadForm } from './EvidenceUploadForm.tsx';
import { TaskActions } from './TaskActions.tsx';
import { TaskHistoryTimeline } from './TaskHistoryTimeline.tsx';

/** 三张清单 in one view: the problem (问题清单), the task and measures (任务清单), who and by when (责任清单). */
function TaskDescriptions({ task }: { task: TaskDetail }) {
  return (
    <Descriptions
      bordered
      column={{ xs: 1, md: 2 }}
      size="middle"
      items={[
        { key: 'unit', label: '被巡察单位', children: task.unitName },
        {
          key: 'finding',
          label: '所属问题',
          children: <Link to={`/findings/${task.findingId}`}>{task.findingTitle}</Link>,
        },
        { key: 'title', label: '整改任务', span: 2, children: task.title },
        { key: 'measures', label: '整改措施', span: 2, children: <div className="pre-wrap">{task.measures}</div> },
        { key: 'leader', label: '责任领导', children: task.responsibleLeader },
        { key: 'department', label: '责任部门', children: task.responsibleDepartment },
        { key: 'owner', label: '责任人', children: task.ownerName },
        {
          key: 'due',
          label: '完成时限',
          children: (
            <Space>
              {formatDate(task.dueDate)}
              <OverdueTag overdue={task.overdue} />
            </Space>
          ),
        },
        { key: 'longTerm', label: '长期坚持', children: task.longTerm ? '是' : '否' },
        {
          key: 'status',
          label: '整改状态',
          children: <TaskStatusTag status={task.status} />,
        },
        { key: 'evidenceCount', label: '佐证材料', children: `${task.evidenceCount} 份` },
        { key: 'updatedAt', label: '最近更新', children: formatDateTime(task.updatedAt) },
      ]}
    />
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {task.title}
          </Typography.Title>
          <TaskStatusTag status={task.status} />
          <OverdueTag overdue={task.overdue} />
        </Space>
        <TaskActions task={task} />
      </Flex>
      <Card variant="borderless">
        <TaskDescriptions task={task} />
      </Card>
      <Card title="佐证材料" variant="borderless" style={{ marginTop: 16 }}>
        <EvidenceList evidence={task.evidence} />
        {task.abilities.uploadEvidence && (
          <>
            <Divider titlePlacement="start" plain>
              上传佐证材料
            </Divider>
            <EvidenceUploadForm taskId={task.id} />
          </>
        )}
      </Card>
      <Card title="处理记录" variant="borderless" style={{ marginTop: 16 }}>
        <TaskHistoryTimeline history={task.history} />
      </Card>
    </div>
  );
}

export function TaskDetailPage() {
  const { id } = useParams();
  const task = useTask(id);
  return <QueryBoundary query={task}>{(t) => <TaskView task={t} />}</QueryBoundary>;
}
