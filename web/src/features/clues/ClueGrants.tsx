// 授权查看: the team leader or the 巡察办主任 lets one team member read this clue, with a reason, and
// revokes it when the need is over. Revoked grants stay listed (nothing is deleted).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { FormModal } from '../../shared/FormModal.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { type ClueGrant, grantClue, revokeClueGrant, useClueGrants, useGrantCandidates } from './api.ts';

const grantKeys = (clueId: string) => [['clues', 'grants', clueId]];

function GrantModal({ clueId, onClose }: { clueId: string; onClose: () => void }) {
  const [form] = Form.useForm<{ userId: string; reason: string }>();
  const candidates = useGrantCandidates(clueId, true);
  const mutation = useApiMutation({
    mutationFn: (v: { userId: string; reason: string }) => grantClue(clueId, v.userId, v.reason),
    invalidate: grantKeys(clueId),
    successMessage: '已授权',
    form,
    onSuccess: onClose,
  });
  return (
    <FormModal form={form} loading={mutation.isPending} onClose={onClose} title="授权查看线索" okText="授权">
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="userId" label="巡察组成员" rules={[{ required: true, message: '请选择巡察组成员' }]}>
          <Select
            loading={candidates.isPending}
            options={(candidates.data?.items ?? []).map((c) => ({
              value: c.userId,
              label: `${c.displayName}（${c.role === 'team_leader' ? '组长' : '组员'}）`,
            }))}
            data-testid="clue-grant-user"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="授权理由"
          extra="理由不加密保存，请勿写入线索内容"
          rules={[{ required: true, whitespace: true, message: '请填写授权理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="clue-grant-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function ClueGrants({ clueId }: { clueId: string }) {
  const grants = useClueGrants(clueId, true);
  const [adding, setAdding] = useState(false);
  const revoke = useApiMutation({
    mutationFn: (grantId: string) => revokeClueGrant(clueId, grantId),
    invalidate: grantKeys(clueId),
    successMessage: '已撤销授权',
  });
  const columns: ColumnsType<ClueGrant> = [
    { title: '被授权人', dataIndex: 'userName' },
    { title: '理由', dataIndex: 'reason', ellipsis: true },
    { title: '授权', key: 'granted', render: (_, g) => `${g.grantedByName} ${formatDateTime(g.grantedAt)}` },
    {
      title: '状态',
      key: 'state',
      render: (_, g) =>
        g.active ? (
          <Tag color="success">有效</Tag>
        ) : (
          <Tag>
            已撤销（{g.revokedByName} {formatDateTime(g.revokedAt)}）
          </Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, g) =>
        g.active && (
          <Popconfirm title="撤销后该人员立即不能查看此线索，确定撤销？" onConfirm={() => revoke.mutate(g.id)}>
            <Button size="small" danger data-testid="clue-grant-revoke">
              撤销
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <>
      <Divider titlePlacement="start">授权查看</Divider>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="clue-grant">
          授权组员查看
        </Button>
      </Flex>
      <ListError error={grants.error} />
      <Table<ClueGrant>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={grants.data?.items}
        loading={grants.isFetching}
        locale={{ emptyText: '尚未授权他人查看' }}
      />
      {adding && <GrantModal clueId={clueId} onClose={() => setAdding(false)} />}
    </>
  );
}
