// My login history: time, address, browser, result and reason; paged on the server.
import { type LoginHistoryEntry, loginReasonLabel } from '@xuncha/contracts';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.ts';
import { ListError } from '../../shared/ListError.tsx';
import { serverPagination } from '../../shared/pagination.ts';
import { useLoginHistory } from './api.ts';

export function LoginHistoryCard() {
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const history = useLoginHistory(paging.page, paging.pageSize);
  return (
    <Card title="登录记录">
      {history.isError && <ListError error={history.error} />}
      <Table<LoginHistoryEntry>
        rowKey={(r, i) => `${r.at}-${i}`}
        size="small"
        loading={history.isPending}
        dataSource={history.data?.items ?? []}
        pagination={serverPagination(paging.page, paging.pageSize, history.data?.total, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        columns={[
          { title: '时间', dataIndex: 'at', render: formatDateTime, width: 170 },
          { title: 'IP 地址', dataIndex: 'ip', width: 150 },
          { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
          {
            title: '结果',
            dataIndex: 'success',
            width: 90,
            render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? '成功' : '失败'}</Tag>,
          },
          {
            title: '方式 / 原因',
            dataIndex: 'reason',
            width: 170,
            render: (r: LoginHistoryEntry['reason']) => loginReasonLabel[r],
          },
        ]}
      />
    </Card>
  );
}
