import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The frame of the public pages: no login, no menu, only the two things a visitor can do here. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div style={{ maxWidth: 860, margin: '32px auto', padding: '0 16px' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        {title}
      </Typography.Title>
      <Flex justify="center" gap={24} style={{ marginBottom: 16 }}>
        <Link to="/public/report">我要反映</Link>
        <Link to="/public/report/status">凭回执码查询</Link>
      </Flex>
      {children}
    </div>
  );
}
