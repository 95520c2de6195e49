// The header bell: the unread count as a badge; clicking shows the latest notices and a link to all.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { useMarkRead, useNotifications, useUnreadCount } from './api.ts';

function Latest({ onOpen }: { onOpen: () => void }) {
  const latest = useNotifications({ page: 1, pageSize: 5 });
  const markRead = useMarkRead();
  const navigate = useNavigate();
  return (
    <Flex vertical style={{ width: 340 }}>
      <List
        size="small"
        loading={latest.isFetching}
        dataSource={latest.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification-bell-item"
            style={{ cursor: 'pointer' }}
            onClick={() => {
              if (!n.readAt) markRead.mutate(n.id);
              onOpen();
              if (n.link) navigate(n.link);
            }}
          >
            <List.Item.Meta
              title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
              description={formatDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
      <Link to="/notifications" onClick={onOpen} data-testid="notification-bell-all" style={{ textAlign: 'center' }}>
        查看全部消息
      </Link>
    </Flex>
  );
}

export function NotificationBell() {
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="消息提醒"
      open={open}
      onOpenChange={setOpen}
      content={open && <Latest onOpen={() => setOpen(false)} />}
    >
      <Badge count={unread.data?.unread ?? 0} size="small" overflowCount={99}>
        <Button
          type="text"
          aria-label="消息提醒"
          data-testid="notification-bell"
          icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        />
      </Badge>
    </Popover>
  );
}
