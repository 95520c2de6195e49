// 消息提醒: my notices, newest first, with an unread filter; opening one marks it read.
import { notificationKind } from '@xuncha/contracts';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useMarkAllRead, useMarkRead, useNotifications } from './api.ts';

type Filter = 'all' | 'unread' | 'read';
const FILTERS: { label: string; value: Filter }[] = [
  { label: '全部', value: 'all' },
  { label: '未读', value: 'unread' },
  { label: '已读', value: 'read' },
];

export function NotificationsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useNotifications({ ...paging, ...(filter === 'all' ? {} : { unread: filter === 'unread' }) });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  return (
    <PageContainer
      title="消息提醒"
      extra={
        <Button data-testid="notifications-read-all" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          全部标为已读
        </Button>
      }
    >
      <Segmented<Filter>
        data-testid="notifications-filter"
        options={FILTERS}
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        style={{ marginBottom: 16 }}
      />
      <ListError error={list.error} />
      <Table
        rowKey="id"
        data-testid="notifications-table"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          {
            title: '类别',
            dataIndex: 'kind',
            width: 150,
            render: (kind: keyof typeof notificationKind.labels) => <Tag>{notificationKind.labels[kind]}</Tag>,
          },
          {
            title: '内容',
            key: 'title',
            render: (_, n) => {
              const title = <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>;
              const open = () => !n.readAt && markRead.mutate(n.id);
              return (
                <div>
                  {n.link ? (
                    <Link to={n.link} onClick={open}>
                      {title}
                    </Link>
                  ) : (
                    title
                  )}
                  {n.body && (
                    <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                      {n.body}
                    </Typography.Paragraph>
                  )}
                </div>
              );
            },
          },
          { title: '时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
          {
            title: '状态',
            key: 'state',
            width: 150,
            render: (_, n) =>
              n.readAt ? (
                <Typography.Text type="secondary">已读</Typography.Text>
              ) : (
                <Button size="small" data-testid="notification-mark-read" onClick={() => markRead.mutate(n.id)}>
                  标为已读
                </Button>
              ),
          },
        ]}
      />
    </PageContainer>
  );
}
