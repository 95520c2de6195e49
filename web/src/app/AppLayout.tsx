import { LogoutOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { roleLabel } from '@xuncha/contracts';
import { Button, Flex, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notification/NotificationBell.tsx';
import { useMyMemberships } from '../features/teams/api.ts';
import { useCurrentUser, useLogout } from './auth.ts';
import { menuItems, selectedMenuKey, visibleMenu } from './menu.tsx';
import { FullPageSpin } from './RequireAuth.tsx';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  background: 'linear-gradient(90deg, #0f3f9c 0%, #1656c4 100%)',
  padding: '0 24px',
  height: 56,
};

function UserBox() {
  const me = useCurrentUser();
  const logout = useLogout();
  // Show at most two grants in the header; the rest are in the tooltip.
  // a team leader holds one grant per inspection of the same team: name the team once
  const grants = [
    ...new Set(me.grants.map((g) => (g.scopeName ? `${roleLabel[g.role]}（${g.scopeName}）` : roleLabel[g.role]))),
  ];
  return (
    <Flex align="center" gap={12}>
      <NotificationBell />
      <Tooltip title={grants.join('、')}>
        <Flex gap={4}>
          {grants.slice(0, 2).map((label) => (
            <Tag key={label} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
              {label}
            </Tag>
          ))}
          {grants.length > 2 && <Tag variant="filled">+{grants.length - 2}</Tag>}
        </Flex>
      </Tooltip>
      <span style={{ color: '#fff' }}>
        <UserOutlined /> {me.displayName}
      </span>
      <Button
        data-testid="logout"
        size="small"
        ghost
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
      >
        退出登录
      </Button>
    </Flex>
  );
}

export function AppLayout() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const memberships = useMyMemberships();
  const teamMember = (memberships.data?.items.length ?? 0) > 0;
  const items = menuItems(visibleMenu(me.permissions, teamMember));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={headerStyle}>
        <Flex align="center" gap={10}>
          <SafetyCertificateFilled style={{ color: '#ffd666', fontSize: 24 }} />
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, letterSpacing: 2 }}>
            巡察全周期管理平台
          </Typography.Title>
        </Flex>
        <UserBox />
      </Layout.Header>
      <Layout>
        <Layout.Sider
          width={208}
          theme="light"
          breakpoint="lg"
          collapsible
          // the menu scrolls on its own and stays in view while a long ledger scrolls
          style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Menu
            mode="inline"
            selectedKeys={[selectedMenuKey(pathname)]}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
