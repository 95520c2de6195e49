import { LinkOutlined } from '@ant-design/icons';
import { fieldworkKind } from '@xuncha/contracts';
import { Button, Card, Empty, Form, Modal, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { FINDING_RELATED_KEYS, type FindingDetail, linkEvidence, unlinkEvidence } from './api.ts';
import { EvidencePicker } from './EvidencePicker.tsx';

type Evidence = FindingDetail['evidence'][number];

/** The fieldwork records a finding rests on: what and when, never the notes (those stay in 了解情况). */
export function FindingEvidenceCard({ finding }: { finding: FindingDetail }) {
  const [linking, setLinking] = useState(false);
  const unlink = useApiMutation({
    mutationFn: (recordId: string) => unlinkEvidence(finding.id, recordId),
    invalidate: FINDING_RELATED_KEYS,
    successMessage: '已取消关联',
  });
  const canEdit = finding.abilities.update;
  return (
    <Card
      title="佐证记录（了解情况）"
      variant="borderless"
      style={{ marginTop: 16 }}
      extra={
        canEdit && (
          <Button icon={<LinkOutlined />} onClick={() => setLinking(true)} data-testid="link-evidence">
            关联记录
          </Button>
        )
      }
    >
      <Table<Evidence>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={finding.evidence}
        locale={{ emptyText: <Empty description="暂无关联的了解情况记录" /> }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 70 },
          { title: '方式', dataIndex: 'kind', width: 140, render: (k: Evidence['kind']) => fieldworkKind.labels[k] },
          { title: '记录', dataIndex: 'title' },
          { title: '日期', dataIndex: 'occurredOn', width: 120, render: formatDate },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, e: Evidence) => (
                    <Popconfirm title="取消关联该记录？" onConfirm={() => unlink.mutate(e.id)}>
                      <Button type="link" size="small" danger>
                        取消关联
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {linking && <LinkModal finding={finding} onClose={() => setLinking(false)} />}
    </Card>
  );
}

function LinkModal({ finding, onClose }: { finding: FindingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ recordIds: string[] }>();
  const mutation = useApiMutation({
    mutationFn: ({ recordIds }: { recordIds: string[] }) => linkEvidence(finding.id, recordIds),
    invalidate: FINDING_RELATED_KEYS,
    successMessage: '已关联佐证记录',
    form,
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title="关联佐证记录"
      okText="关联"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item name="recordIds" label="了解情况记录" rules={[{ required: true, message: '请选择要关联的记录' }]}>
          <EvidencePicker inspectionId={finding.inspectionId} exclude={finding.evidence.map((e) => e.id)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
