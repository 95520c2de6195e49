// First login after an administrator set the password, or an expired one: change it before anything else.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex } from 'antd';
import { Navigate } from 'react-router';
import { ME_KEY, useLogout, useMe } from '../../app/auth.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function ForcedPasswordChangePage() {
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const logout = useLogout();
  if (me && !me.mustChangePassword) return <Navigate to="/account/security" replace />;
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Card title="请修改密码" style={{ width: 520 }} extra={<Button onClick={() => logout.mutate()}>退出登录</Button>}>
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已过期，须先设置新密码才能继续使用系统"
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm onChanged={() => queryClient.invalidateQueries({ queryKey: ME_KEY })} />
      </Card>
    </Flex>
  );
}
