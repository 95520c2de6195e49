import { type PlanListsDiff, type PlanSnapshotTask, type PlanVersion, planTaskFieldLabel } from '@xuncha/contracts';
import { App, Button, Empty, Flex, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { DiffView } from '../report/DiffView.tsx';
import { fetchPlanVersion, type PlanVersionSummary, usePlanDiff, usePlanVersions } from './api.ts';

/** Tasks added, removed and changed between the two versions' three lists. */
function ListsDiffView({ lists }: { lists: PlanListsDiff }) {
  const rows = [
    ...lists.added.map((e) => ({ ...e, kind: '新增', detail: e.task.measures })),
    ...lists.removed.map((e) => ({ ...e, kind: '删除', detail: e.task.measures })),
    ...lists.changed.map((e) => ({
      ...e,
      kind: '修改',
      detail: e.changes.map((c) => `${planTaskFieldLabel[c.field]}：${c.before} → ${c.after}`).join('；'),
    })),
  ];
  if (rows.length === 0) return <Typography.Text type="secondary">三张清单无变化</Typography.Text>;
  const color: Record<string, string> = { 新增: 'success', 删除: 'error', 修改: 'warning' };
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.kind}-${r.task.taskId}`}
      pagination={false}
      dataSource={rows}
      data-testid="plan-lists-diff"
      columns={[
        { title: '变化', dataIndex: 'kind', width: 70, render: (k: string) => <Tag color={color[k]}>{k}</Tag> },
        { title: '问题', dataIndex: 'findingTitle', width: 220 },
        { title: '任务', key: 'title', render: (_, r) => r.task.title },
        { title: '内容', dataIndex: 'detail' },
      ]}
    />
  );
}

function VersionLists({ version }: { version: PlanVersion }) {
  if (version.lists.length === 0) return <Empty description="保存时没有问题清单" />;
  type Row = { key: string; finding: string; task: PlanSnapshotTask | null };
  const rows = version.lists.flatMap((f): Row[] =>
    f.tasks.length === 0
      ? [{ key: f.findingId, finding: `${f.seq}. ${f.findingTitle}`, task: null }]
      : f.tasks.map((t) => ({ key: t.taskId, finding: `${f.seq}. ${f.findingTitle}`, task: t })),
  );
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '问题清单', dataIndex: 'finding', width: 200 },
        { title: '任务清单', key: 't', render: (_, r) => r.task?.title ?? <Tag color="error">尚无任务</Tag> },
        { title: '整改措施', key: 'm', render: (_, r) => r.task?.measures ?? '—' },
        {
          title: '责任清单',
          key: 'r',
          render: (_, r) =>
            r.task
              ? `${r.task.responsibleLeader} / ${r.task.responsibleDepartment} / ${r.task.ownerName} / ${formatDate(r.task.dueDate)}`
              : '—',
        },
      ]}
    />
  );
}

/** Every saved version (text + three lists), each viewable, and a comparison of any two. */
export function PlanVersions({ inspectionId }: { inspectionId: string }) {
  const versions = usePlanVersions(inspectionId);
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [viewing, setViewing] = useState<PlanVersion | null>(null);
  const { message } = App.useApp();
  const diff = usePlanDiff(inspectionId, range);
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.version, label: `第 ${v.version} 版` }));
  const from = pair.from ?? options[1]?.value;
  const to = pair.to ?? options[0]?.value;
  const view = async (version: number) => {
    try {
      setViewing(await fetchPlanVersion(inspectionId, version));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Flex vertical gap={12}>
      <ListError error={versions.error} />
      <Table<PlanVersionSummary>
        rowKey="version"
        size="small"
        loading={versions.isFetching}
        dataSource={versions.data?.items}
        pagination={false}
        data-testid="plan-versions"
        columns={[
          { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          { title: '起草人', dataIndex: 'authorName' },
          { title: '保存时间', dataIndex: 'createdAt', render: formatDateTime },
          { title: '字数', dataIndex: 'length' },
          { title: '任务数', dataIndex: 'taskCount' },
          {
            title: '操作',
            key: 'view',
            render: (_, v) => (
              <Button size="small" onClick={() => view(v.version)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      {options.length > 1 && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>比较版本：</Typography.Text>
          <Select
            style={{ width: 120 }}
            options={options}
            value={from}
            onChange={(f) => setPair((p) => ({ ...p, from: f }))}
            data-testid="plan-diff-from"
          />
          <span>→</span>
          <Select
            style={{ width: 120 }}
            options={options}
            value={to}
            onChange={(t) => setPair((p) => ({ ...p, to: t }))}
            data-testid="plan-diff-to"
          />
          <Button
            disabled={!from || !to || from === to}
            onClick={() => from && to && setRange({ from, to })}
            data-testid="plan-diff-compare"
          >
            比较
          </Button>
        </Flex>
      )}
      <ListError error={diff.error} />
      {range && diff.data && (
        <Flex vertical gap={12}>
          <Typography.Text strong>正文变化</Typography.Text>
          <DiffView diff={diff.data} />
          <Typography.Text strong>三张清单变化</Typography.Text>
          <ListsDiffView lists={diff.data.lists} />
        </Flex>
      )}
      <Modal
        open={viewing !== null}
        title={viewing ? `第 ${viewing.version} 版` : ''}
        footer={null}
        width={960}
        onCancel={() => setViewing(null)}
      >
        {viewing && (
          <Flex vertical gap={12} style={{ maxHeight: 640, overflow: 'auto' }}>
            <div className="pre-wrap">{viewing.content}</div>
            <VersionLists version={viewing} />
          </Flex>
        )}
      </Modal>
    </Flex>
  );
}
