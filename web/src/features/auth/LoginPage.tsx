import { LockOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@xuncha/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useLogin, useMe } from '../../app/auth.ts';
import { BackToPassword, CodeStep, EnrolStep } from './SecondFactorSteps.tsx';

const pageStyle = {
  minHeight: '100vh',
  background: 'linear-gradient(160deg, #0f3f9c 0%, #1656c4 45%, #e8eefb 45%)',
};

/** Where to go after login: back to the page that sent the user here, else the dashboard. */
function useReturnPath(): string {
  const state = useLocation().state as { from?: string } | null;
  return state?.from && state.from !== '/login' ? state.from : '/';
}

export function LoginPage() {
  const { data: me } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const [pending, setPending] = useState<{ token: string; enrol: boolean }>();
  // while the recovery codes are on screen the user is already signed in: stay until they are saved
  if (me && !pending) return <Navigate to={returnPath} replace />;

  const done = () => navigate(returnPath, { replace: true });
  const onFinish = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (result) => {
        if ('needSecondFactor' in result) setPending({ token: result.pendingToken, enrol: result.enrolmentRequired });
        else done();
      },
    });
  const back = () => {
    setPending(undefined);
    login.reset();
  };

  return (
    <Flex vertical align="center" justify="center" style={pageStyle}>
      <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
        <SafetyCertificateFilled style={{ color: '#ffd666', fontSize: 36 }} />
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
          巡察全周期管理平台
        </Typography.Title>
      </Flex>
      <Card
        style={{ width: pending?.enrol ? 520 : 380, boxShadow: '0 8px 24px rgba(15, 63, 156, 0.18)' }}
        title={pending ? (pending.enrol ? '绑定动态验证码' : '双因素认证') : '用户登录'}
      >
        {pending?.enrol && <EnrolStep pendingToken={pending.token} onDone={done} />}
        {pending && !pending.enrol && <CodeStep pendingToken={pending.token} onDone={done} />}
        {pending && <BackToPassword onBack={back} />}
        <div hidden={pending !== undefined}>
          {login.isError && (
            <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />
          )}
          <Form<LoginInput> layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label="用户名"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              登录
            </Button>
          </Form>
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 16, marginBottom: 0, textAlign: 'center', fontSize: 12 }}
          >
            演示账号见启动日志 / README
          </Typography.Paragraph>
        </div>
      </Card>
    </Flex>
  );
}
