// 账号安全: change password, two-factor authentication, active sessions and login history of the signed-in user.
import { Card, Flex } from 'antd';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { LoginHistoryCard } from './LoginHistoryCard.tsx';
import { SessionsCard } from './SessionsCard.tsx';
import { TwoFactorCard } from './TwoFactorCard.tsx';

export function AccountSecurityPage() {
  return (
    <PageContainer title="账号安全">
      <Flex vertical gap={16}>
        <Flex gap={16} wrap>
          <Card title="修改密码" style={{ flex: '1 1 420px' }}>
            <ChangePasswordForm />
          </Card>
          <div style={{ flex: '1 1 420px' }}>
            <TwoFactorCard />
          </div>
        </Flex>
        <SessionsCard />
        <LoginHistoryCard />
      </Flex>
    </PageContainer>
  );
}
