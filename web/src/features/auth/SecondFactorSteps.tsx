// After a correct password: enter the code (or a recovery code), or — for an account the policy requires
// to use TOTP and that has none yet — enrol now, then see the recovery codes once.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { EnrolmentResult, MeWithState, TotpSetup } from '@xuncha/contracts';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../app/api.ts';
import { useSignedIn } from '../../app/auth.ts';
import { RecoveryCodesView } from './RecoveryCodesView.tsx';
import { TotpEnrolForm } from './TotpEnrolForm.tsx';

interface StepProps {
  pendingToken: string;
  onDone: () => void;
}

export function CodeStep({ pendingToken, onDone }: StepProps) {
  const signedIn = useSignedIn();
  const verify = useMutation({
    mutationFn: (code: string) => api.post<MeWithState>('/api/auth/login/second-factor', { pendingToken, code }),
    onSuccess: (me) => {
      signedIn(me);
      onDone();
    },
  });
  return (
    <Form
      layout="vertical"
      size="large"
      onFinish={(v: { code: string }) => verify.mutate(v.code.trim())}
      requiredMark={false}
    >
      {verify.isError && (
        <Alert type="error" showIcon title={errorMessage(verify.error)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="code"
        label="动态验证码"
        extra="打开手机验证器查看 6 位数字；手机不在身边时可输入恢复码"
        rules={[{ required: true, message: '请输入验证码' }]}
      >
        <Input autoFocus autoComplete="one-time-code" maxLength={11} data-testid="login-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={verify.isPending} data-testid="login-code-submit">
        验证并登录
      </Button>
    </Form>
  );
}

export function EnrolStep({ pendingToken, onDone }: StepProps) {
  const signedIn = useSignedIn();
  const [result, setResult] = useState<EnrolmentResult>();
  const setup = useQuery({
    queryKey: ['login-enrolment', pendingToken],
    queryFn: () => api.post<TotpSetup>('/api/auth/login/enrolment', { pendingToken }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const confirm = useMutation({
    mutationFn: (code: string) =>
      api.post<EnrolmentResult>('/api/auth/login/enrolment/confirm', { pendingToken, code }),
    onSuccess: setResult,
  });
  if (result)
    return (
      <RecoveryCodesView
        codes={result.recoveryCodes}
        onDone={() => {
          const { recoveryCodes: _codes, ...me } = result;
          signedIn(me);
          onDone();
        }}
      />
    );
  if (setup.isError) return <Alert type="error" showIcon title={errorMessage(setup.error)} />;
  if (!setup.data) return <Spin />;
  return (
    <>
      <Alert
        type="info"
        showIcon
        title="您的账号必须启用双因素认证"
        description="按安全策略，系统管理员、安全管理员、安全审计员登录须使用动态验证码。请先完成绑定。"
        style={{ marginBottom: 16 }}
      />
      {confirm.isError && (
        <Alert type="error" showIcon title={errorMessage(confirm.error)} style={{ marginBottom: 16 }} />
      )}
      <TotpEnrolForm setup={setup.data} pending={confirm.isPending} onConfirm={(code) => confirm.mutate(code)} />
    </>
  );
}

export function BackToPassword({ onBack }: { onBack: () => void }) {
  return (
    <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
      <Button type="link" onClick={onBack}>
        返回重新输入用户名和密码
      </Button>
    </Typography.Paragraph>
  );
}
