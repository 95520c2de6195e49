// 指定查看人员: the team leader or the 巡察办主任 lets one more person read this inspection's reports.
import { Button, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';
import { useApiMutation } from '../../shared/useApiMutation.ts';
import { grantReader, REPORT_KEYS, revokeReader, useGrantCandidates, useGrants } from './api.ts';

export function ReaderGrants({ inspectionId }: { inspectionId: string }) {
  const grants = useGrants(inspectionId);
  const candidates = useGrantCandidates(inspectionId);
  const [userId, setUserId] = useState<string>();
  const grant = useApiMutation({
    mutationFn: (u: string) => grantReader(inspectionId, u),
    invalidate: REPORT_KEYS,
    successMessage: '已指定',
  });
  const revoke = useApiMutation({
    mutationFn: (g: string) => revokeReader(inspectionId, g),
    invalidate: REPORT_KEYS,
    successMessage: '已撤销',
  });
  return (
    <div>
      <Typography.Title level={5}>指定查看人员</Typography.Title>
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 240 }}
          placeholder="选择巡察组成员或巡察办人员"
          value={userId}
          onChange={setUserId}
          options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.displayName }))}
        />
        <Button disabled={!userId} loading={grant.isPending} onClick={() => userId && grant.mutate(userId)}>
          指定
        </Button>
      </Flex>
      <QueryBoundary query={grants}>
        {({ items }) => (
          <List
            size="small"
            locale={{ emptyText: '尚未指定（默认仅组长可查看）' }}
            dataSource={items}
            renderItem={(g) => (
              <List.Item
                actions={
                  g.revokedAt
                    ? []
                    : [
                        <Button key="revoke" size="small" danger onClick={() => revoke.mutate(g.id)}>
                          撤销
                        </Button>,
                      ]
                }
              >
                {g.userName}（{g.grantedByName} 于 {formatDateTime(g.grantedAt)} 指定
                {g.revokedAt ? `，${formatDateTime(g.revokedAt)} 已撤销` : ''}）
              </List.Item>
            )}
          />
        )}
      </QueryBoundary>
    </div>
  );
}
