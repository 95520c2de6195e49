import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Finding } from '../../app/types.ts';
import { formatDate } from '../../shared/format.ts';
import { serverPagination } from '../../shared/pagination.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { FindingStatusTag, OverdueTag, TaskStatusTag } from '../../shared/tags.tsx';
import { useLocalPage } from '../../shared/useLocalPage.ts';
import { useTaskPage } from '../rectification/api.ts';
import { TaskCreateModal } from '../rectification/TaskCreateModal.tsx';
import { TaskTable } from '../rectification/TaskTable.tsx';
import { type FindingDetail, useFinding } from './api.ts';
import { ClassificationTags } from './ClassificationTags.tsx';
import { FindingEditModal } from './FindingEditModal.tsx';
import { FindingEvidenceCard } from './FindingEvidenceCard.tsx';
import { FindingSensitivity } from './FindingSensitivity.tsx';

function FindingDescriptions({ finding }: { finding: Finding }) {
  const percent = finding.taskCount ? Math.round((finding.closedTaskCount / finding.taskCount) * 100) : 0;
  return (
    <Descriptions
      bordered
      column={2}
      size="middle"
      items={[
        { key: 'unit', label: '被巡察单位', children: finding.unitName },
        { key: 'status', label: '反馈状态', children: <FindingStatusTag status={finding.status} /> },
        { key: 'sensitivity', label: '密级', span: 2, children: <FindingSensitivity finding={finding} /> },
        { key: 'class', label: '问题分类', span: 2, children: <ClassificationTags finding={finding} /> },
        {
          key: 'facts',
          label: '问题事实',
          span: 2,
          children: <div className="pre-wrap">{finding.facts}</div>,
        },
        {
          key: 'progress',
          label: '整改进度',
          span: 2,
          children: (
            <Flex align="center" gap={12} style={{ maxWidth: 420 }}>
              <Progress percent={percent} size="small" style={{ flex: 1, margin: 0 }} />
              <span style={{ whiteSpace: 'nowrap' }}>
                已销号 {finding.closedTaskCount} / 共 {finding.taskCount} 项
              </span>
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 立行立改: the unit's immediate task, tracked during the inspection, before the feedback. */
function ImmediateTaskAlert({ task }: { task: NonNullable<Finding['immediateTask']> }) {
  return (
    <Alert
      type={task.overdue ? 'error' : 'warning'}
      showIcon
      style={{ marginTop: 16 }}
      title="立行立改"
      description={
        <Space wrap>
          <span>已向被巡察单位下达立行立改任务，完成时限 {formatDate(task.dueDate)}</span>
          <TaskStatusTag status={task.status} />
          <OverdueTag overdue={task.overdue} />
          <Link to={`/tasks/${task.id}`}>查看任务</Link>
        </Space>
      }
    />
  );
}

function FindingTasks({ finding }: { finding: Finding }) {
  const paging = useLocalPage();
  const [creating, setCreating] = useState(false);
  const tasks = useTaskPage({ findingId: finding.id, page: paging.page, pageSize: paging.pageSize });
  const createButton = finding.abilities.createTask && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-task">
      分解整改任务
    </Button>
  );
  return (
    <Card title="整改任务（任务清单 · 责任清单）" extra={createButton} variant="borderless" style={{ marginTop: 16 }}>
      <TaskTable
        compact
        tasks={tasks.data?.items}
        loading={tasks.isFetching}
        error={tasks.error}
        pagination={serverPagination(paging.page, paging.pageSize, tasks.data?.total, paging.setPage)}
      />
      {creating && <TaskCreateModal finding={finding} onClose={() => setCreating(false)} />}
    </Card>
  );
}

function FindingView({ finding: f }: { finding: FindingDetail }) {
  const [editing, setEditing] = useState(false);
  return (
    <div>
      <Flex justify="space-between" align="baseline" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          问题{f.seq}：{f.title}
        </Typography.Title>
        <Space>
          {f.abilities.update && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-finding">
              修改
            </Button>
          )}
          <Link to={`/inspections/${f.inspectionId}`}>查看所属巡察项目</Link>
        </Space>
      </Flex>
      <Card variant="borderless">
        <FindingDescriptions finding={f} />
      </Card>
      {f.immediateTask && <ImmediateTaskAlert task={f.immediateTask} />}
      <FindingEvidenceCard finding={f} />
      <FindingTasks finding={f} />
      {editing && <FindingEditModal finding={f} onClose={() => setEditing(false)} />}
    </div>
  );
}

export function FindingDetailPage() {
  const { id } = useParams();
  const finding = useFinding(id);
  return <QueryBoundary query={finding}>{(f) => <FindingView finding={f} />}</QueryBoundary>;
}
