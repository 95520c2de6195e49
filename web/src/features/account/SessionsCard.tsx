// My active sessions (address, browser, times); end one, or 退出全部设备.
import type { ActiveSession } from '@xuncha/contracts';
import { Button, Card, Popconfirm, Table, Tag } from 'antd';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { ACCOUNT_KEY, useSessions } from './api.ts';

export function SessionsCard() {
  const sessions = useSessions();
  const end = useApiMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/auth/sessions/${id}`),
    successMessage: '已结束该会话',
    invalidate: [ACCOUNT_KEY],
  });
  const endAll = useApiMutation({
    mutationFn: () => api.post<void>('/api/auth/logout-all'),
    onSuccess: () => window.location.replace('/login'),
  });
  return (
    <Card
      title="登录会话"
      extra={
        <Popconfirm
          title="退出全部设备？"
          description="包括当前浏览器在内的所有登录都将失效。"
          onConfirm={() => endAll.mutate()}
        >
          <Button danger data-testid="logout-all">
            退出全部设备
          </Button>
        </Popconfirm>
      }
    >
      {sessions.isError && <ListError error={sessions.error} />}
      <Table<ActiveSession>
        rowKey="id"
        size="small"
        loading={sessions.isPending}
        dataSource={sessions.data ?? []}
        pagination={false}
        columns={[
          { title: '登录时间', dataIndex: 'createdAt', render: formatDateTime, width: 170 },
          { title: '最近活动', dataIndex: 'lastSeenAt', render: formatDateTime, width: 170 },
          { title: 'IP 地址', dataIndex: 'ip', width: 150 },
          { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
          {
            title: '操作',
            width: 120,
            render: (_, s) =>
              s.current ? (
                <Tag color="blue">当前会话</Tag>
              ) : (
                <Button size="small" onClick={() => end.mutate(s.id)}>
                  结束
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
