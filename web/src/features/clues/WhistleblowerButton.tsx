// 查看反映人: the identity is asked for with a reason (recorded in the audit log), shown once in a modal,
// and never cached: closing the modal forgets it.
import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { FormModal } from '../../shared/FormModal.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { revealWhistleblower, type Whistleblower } from './api.ts';

export function WhistleblowerButton({ clueId }: { clueId: string }) {
  const [asking, setAsking] = useState(false);
  const [identity, setIdentity] = useState<Whistleblower | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useApiMutation({
    mutationFn: ({ reason }: { reason: string }) => revealWhistleblower(clueId, reason),
    form,
    onSuccess: (result) => {
      setAsking(false);
      setIdentity(result);
    },
  });
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="clue-whistleblower">
        查看反映人
      </Button>
      {asking && (
        <FormModal
          form={form}
          loading={mutation.isPending}
          onClose={() => setAsking(false)}
          title="查看反映人身份"
          okText="查看"
        >
          <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
            <Form.Item
              name="reason"
              label="查看理由"
              extra="查看反映人身份将记入审计日志"
              rules={[
                { required: true, whitespace: true, message: '请填写查看理由' },
                { min: 5, message: '查看理由至少 5 个字' },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="clue-whistleblower-reason" />
            </Form.Item>
          </Form>
        </FormModal>
      )}
      {identity && (
        <Modal open title="反映人" footer={null} onCancel={() => setIdentity(null)} destroyOnHidden>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'name', label: '姓名', children: identity.name },
              { key: 'contact', label: '联系方式', children: identity.contact ?? '—' },
              { key: 'note', label: '备注', children: identity.note ?? '—' },
            ]}
            data-testid="clue-whistleblower-identity"
          />
        </Modal>
      )}
    </>
  );
}
