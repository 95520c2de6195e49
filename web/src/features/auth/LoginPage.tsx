import { LockOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import type { LoginInput } from '@xuncha/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useLogin, useMe } from '../../app/auth.ts';

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
  if (me) return <Navigate to={returnPath} replace />;

  const onFinish = (values: LoginInput) =>
    login.mutate(values, { onSuccess: () => navigate(returnPath, { replace: true }) });

  return (
    <Flex vertical align="center" justify="center" style={pageStyle}>
      <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
        <SafetyCertificateFilled style={{ color: '#ffd666', fontSize: 36 }} />
        <Typography.Title level={2} style={{ color: '#fff', margin: 0, letterSpacing: 4 }}>
          巡察全周期管理平台
        </Typography.Title>
      </Flex>
      <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(15, 63, 156, 0.18)' }} title="用户登录">
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
      </Card>
    </Flex>
  );
}
