// Two-factor status; voluntary enrolment (QR code → first code → recovery codes) and new recovery codes.
import type { RecoveryCodes, TotpSetup } from '@xuncha/contracts';
import { Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { RecoveryCodesView } from '../auth/RecoveryCodesView.tsx';
import { TotpEnrolForm } from '../auth/TotpEnrolForm.tsx';
import { ACCOUNT_KEY, useTwoFactor } from './api.ts';

export function TwoFactorCard() {
  const status = useTwoFactor();
  const [setup, setSetup] = useState<TotpSetup>();
  const [codes, setCodes] = useState<string[]>();
  const [renewing, setRenewing] = useState(false);
  const start = useApiMutation({
    mutationFn: () => api.post<TotpSetup>('/api/auth/two-factor/setup'),
    onSuccess: setSetup,
  });
  const confirm = useApiMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/auth/two-factor/confirm', { code }),
    successMessage: '已启用双因素认证',
    invalidate: [ACCOUNT_KEY],
    onSuccess: (r) => {
      setSetup(undefined);
      setCodes(r.recoveryCodes);
    },
  });
  const renew = useApiMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/auth/two-factor/recovery-codes', { code }),
    invalidate: [ACCOUNT_KEY],
    onSuccess: (r) => {
      setRenewing(false);
      setCodes(r.recoveryCodes);
    },
  });
  const s = status.data;
  return (
    <Card title="双因素认证（动态验证码）" loading={status.isPending}>
      {s && (
        <Descriptions column={1} size="small">
          <Descriptions.Item label="状态">
            {s.enabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}
            {s.required && <Tag color="orange">安全策略要求启用</Tag>}
          </Descriptions.Item>
          {s.enabled && <Descriptions.Item label="启用时间">{formatDateTime(s.enabledAt)}</Descriptions.Item>}
          {s.enabled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
        </Descriptions>
      )}
      <Space style={{ marginTop: 12 }}>
        {s && !s.enabled && (
          <Button
            type="primary"
            loading={start.isPending}
            onClick={() => start.mutate(undefined)}
            data-testid="totp-start"
          >
            启用双因素认证
          </Button>
        )}
        {s?.enabled && <Button onClick={() => setRenewing(true)}>重新生成恢复码</Button>}
      </Space>
      <Modal
        title="绑定动态验证码"
        open={setup !== undefined}
        footer={null}
        onCancel={() => setSetup(undefined)}
        destroyOnHidden
      >
        {setup && (
          <TotpEnrolForm setup={setup} pending={confirm.isPending} onConfirm={(code) => confirm.mutate(code)} />
        )}
      </Modal>
      <Modal title="重新生成恢复码" open={renewing} footer={null} onCancel={() => setRenewing(false)} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: { code: string }) => renew.mutate(v.code.trim())}>
          <Form.Item
            name="code"
            label="动态验证码或一个未用的恢复码"
            rules={[{ required: true, message: '请输入验证码' }]}
          >
            <Input maxLength={11} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={renew.isPending}>
            生成（原恢复码全部作废）
          </Button>
        </Form>
      </Modal>
      <Modal
        title="恢复码"
        open={codes !== undefined}
        onOk={() => setCodes(undefined)}
        onCancel={() => setCodes(undefined)}
        width={620}
      >
        {codes && <RecoveryCodesView codes={codes} />}
      </Modal>
    </Card>
  );
}
