// 收到的指导意见 (the receiving committee): guidance from the committees above, each marked 已阅 and then 已落实
// with a note; the publisher sees the receipt.
import { guidanceAckLabel } from '@xuncha/contracts';
import { Button, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { guidanceApi, type ReceivedRow, useReceivedGuidance } from './api.ts';

type Acking = { id: string; status: 'read' | 'acted' };

function AckModal({ acking, onClose }: { acking: Acking; onClose: () => void }) {
  const [form] = Form.useForm<{ note?: string }>();
  const ack = useApiMutation({
    mutationFn: (note: string | undefined) => guidanceApi.ack(acking.id, acking.status, note),
    invalidate: [['guidance']],
    successMessage: `已标记为${guidanceAckLabel[acking.status]}`,
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal
      form={form}
      loading={ack.isPending}
      onClose={onClose}
      okText={`标记为${guidanceAckLabel[acking.status]}`}
      title={acking.status === 'acted' ? '落实情况' : '阅知'}
    >
      <Form form={form} layout="vertical" onFinish={(v) => ack.mutate(v.note)}>
        <Form.Item name="note" label={acking.status === 'acted' ? '落实情况说明' : '说明（可不填）'}>
          <Input.TextArea rows={4} maxLength={1000} data-testid="guidance-ack-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ReceivedTab() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useReceivedGuidance(paging);
  const [acking, setAcking] = useState<Acking | null>(null);
  return (
    <>
      <ListError error={list.error} />
      <Table<ReceivedRow>
        rowKey="id"
        size="small"
        data-testid="guidance-received"
        loading={list.isFetching}
        dataSource={list.data?.items}
        expandable={{
          expandedRowRender: (g) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{g.body}</Typography.Paragraph>
          ),
        }}
        pagination={serverPagination(paging.page, paging.pageSize, list.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '来文党委', dataIndex: 'fromCommitteeName', width: 160 },
          { title: '文号', dataIndex: 'docNo', width: 170 },
          { title: '标题', dataIndex: 'title' },
          {
            title: '下发时间',
            dataIndex: 'publishedAt',
            width: 150,
            render: (t: string) => formatDateTime(t),
          },
          {
            title: '本级回执',
            dataIndex: 'ack',
            width: 180,
            render: (a: ReceivedRow['ack'], g) =>
              a ? (
                <>
                  <Tag color={a === 'acted' ? 'green' : 'blue'}>{guidanceAckLabel[a]}</Tag>
                  {g.note && <Typography.Text type="secondary">{g.note}</Typography.Text>}
                </>
              ) : (
                <Tag color="orange">未阅</Tag>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, g: ReceivedRow) => (
              <Space size="small">
                {g.ack === null && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setAcking({ id: g.id, status: 'read' })}
                    data-testid="guidance-ack-read"
                  >
                    标记已阅
                  </Button>
                )}
                {g.ack !== 'acted' && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setAcking({ id: g.id, status: 'acted' })}
                    data-testid="guidance-ack-acted"
                  >
                    报告落实
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {acking && <AckModal acking={acking} onClose={() => setAcking(null)} />}
    </>
  );
}
