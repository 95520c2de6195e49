import {
  type RevisitOutcome,
  type RevisitReboundAction,
  revisitKind,
  revisitOutcome,
  revisitReboundActionLabel,
  revisitStatusLabel,
} from '@xuncha/contracts';
import { Button, Descriptions, Drawer, Flex, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { formatDate } from '../../shared/format.ts';
import { optionsOf } from '../../shared/options.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { cancelRevisit, conductRevisit, REVISIT_KEYS, type RevisitDetail, useRevisit } from './api.ts';

type Row = { outcome?: RevisitOutcome; action?: RevisitReboundAction; note?: string };

/** Recording a visit: one row per task of the case; 反弹 asks how to handle it and why. */
function ConductForm({ revisit, onDone }: { revisit: RevisitDetail; onDone: () => void }) {
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [summary, setSummary] = useState('');
  const set = (taskId: string, change: Row) => setRows((r) => ({ ...r, [taskId]: { ...r[taskId], ...change } }));
  const conduct = useApiMutation({
    mutationFn: () =>
      conductRevisit(revisit.id, {
        summary,
        outcomes: Object.entries(rows)
          .filter(([, r]) => r.outcome)
          .map(([taskId, r]) => ({
            taskId,
            outcome: r.outcome as RevisitOutcome,
            note: r.note,
            action: r.outcome === 'rebound' ? r.action : undefined,
          })),
      }),
    invalidate: REVISIT_KEYS,
    successMessage: '回访结果已记录',
    onSuccess: onDone,
  });
  return (
    <>
      <Input.TextArea
        rows={3}
        placeholder="回访情况（必填）"
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        data-testid="revisit-summary"
      />
      <Table
        style={{ marginTop: 12 }}
        rowKey="taskId"
        size="small"
        pagination={false}
        dataSource={revisit.tasks}
        columns={[
          { title: '整改任务', dataIndex: 'taskTitle' },
          {
            title: '结果',
            width: 150,
            render: (_, t) => (
              <Select<RevisitOutcome>
                allowClear
                style={{ width: 140 }}
                placeholder="未核查"
                options={optionsOf(revisitOutcome.labels)}
                value={rows[t.taskId]?.outcome}
                onChange={(outcome) => set(t.taskId, { outcome })}
                data-testid={`revisit-outcome-${t.taskId}`}
              />
            ),
          },
          {
            title: '反弹处理',
            width: 300,
            render: (_, t) =>
              rows[t.taskId]?.outcome === 'rebound' && (
                <Flex vertical gap={4}>
                  <Select<RevisitReboundAction>
                    placeholder="处理方式"
                    options={optionsOf(revisitReboundActionLabel).filter(
                      (o) => o.value !== 'reopen' || t.status === 'closed',
                    )}
                    value={rows[t.taskId]?.action}
                    onChange={(action) => set(t.taskId, { action })}
                    data-testid={`revisit-action-${t.taskId}`}
                  />
                  <Input
                    placeholder="情况说明"
                    value={rows[t.taskId]?.note}
                    onChange={(e) => set(t.taskId, { note: e.target.value })}
                    data-testid={`revisit-note-${t.taskId}`}
                  />
                </Flex>
              ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 12 }}
        loading={conduct.isPending}
        onClick={() => conduct.mutate(undefined)}
        data-testid="revisit-conduct-submit"
      >
        保存回访结果
      </Button>
    </>
  );
}

export function RevisitDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const revisit = useRevisit(id);
  const [recording, setRecording] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useApiMutation({
    mutationFn: () => cancelRevisit(id, reason),
    invalidate: REVISIT_KEYS,
    successMessage: '已取消',
    onSuccess: () => setCancelling(false),
  });
  return (
    <Drawer open width={860} title="回访" onClose={onClose} data-testid="revisit-drawer">
      <QueryBoundary query={revisit}>
        {(r) => (
          <>
            <Flex gap={8} style={{ marginBottom: 16 }}>
              {r.abilities.conduct && !recording && (
                <Button type="primary" onClick={() => setRecording(true)} data-testid="revisit-conduct">
                  记录回访结果
                </Button>
              )}
              {r.abilities.cancel && (
                <Button onClick={() => setCancelling(true)} data-testid="revisit-cancel">
                  取消回访
                </Button>
              )}
              {r.abilities.document && (
                <ExportButton path={`/api/revisits/${id}/document`} label="回访报告" testId="revisit-document" />
              )}
            </Flex>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="单位">{r.unitName}</Descriptions.Item>
              <Descriptions.Item label="类别">{revisitKind.labels[r.kind]}</Descriptions.Item>
              <Descriptions.Item label="计划日期">{formatDate(r.plannedOn)}</Descriptions.Item>
              <Descriptions.Item label="状态">{revisitStatusLabel[r.status]}</Descriptions.Item>
              <Descriptions.Item label="回访日期">{formatDate(r.conductedOn)}</Descriptions.Item>
              <Descriptions.Item label="情况">{r.summary ?? '—'}</Descriptions.Item>
            </Descriptions>
            {recording ? (
              <div style={{ marginTop: 16 }}>
                <ConductForm revisit={r} onDone={() => setRecording(false)} />
              </div>
            ) : (
              <Table
                style={{ marginTop: 16 }}
                rowKey="taskId"
                size="small"
                pagination={false}
                dataSource={r.outcomes}
                columns={[
                  { title: '整改任务', dataIndex: 'taskTitle' },
                  {
                    title: '结果',
                    dataIndex: 'outcome',
                    width: 130,
                    render: (o: RevisitOutcome) => (
                      <Tag color={o === 'rebound' ? 'red' : 'green'}>{revisitOutcome.labels[o]}</Tag>
                    ),
                  },
                  {
                    title: '处理',
                    render: (_, o) =>
                      o.reopened ? '已重新打开任务' : o.newFindingTitle ? `新问题：${o.newFindingTitle}` : '—',
                  },
                  { title: '说明', dataIndex: 'note' },
                ]}
              />
            )}
          </>
        )}
      </QueryBoundary>
      {cancelling && (
        <Modal
          open
          title="取消回访"
          onCancel={() => setCancelling(false)}
          confirmLoading={cancel.isPending}
          okButtonProps={{ disabled: reason.trim() === '' }}
          onOk={() => cancel.mutate(undefined)}
        >
          <Input.TextArea rows={3} placeholder="取消理由" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </Drawer>
  );
}
