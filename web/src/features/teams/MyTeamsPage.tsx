import { teamPostLabel } from '@xuncha/contracts';
import { Button, Card, Empty, List, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { PageContainer } from '../../shared/PageContainer.tsx';
import { useMyMemberships } from './api.ts';
import { PledgeModal } from './PledgeModal.tsx';

/** 我的巡察组: a member pledges the 八个严禁 here before any fieldwork of the team opens to them. */
export function MyTeamsPage() {
  const memberships = useMyMemberships();
  const [pledging, setPledging] = useState<string>();
  const data = memberships.data;
  return (
    <PageContainer title="我的巡察组">
      <Card variant="borderless" loading={memberships.isLoading}>
        <List
          locale={{ emptyText: <Empty description="您目前不在任何巡察组" /> }}
          dataSource={data?.items ?? []}
          renderItem={(m) => (
            <List.Item
              actions={[
                m.pledgedAt ? (
                  <Tag color="green" key="done">
                    已承诺 {formatDate(m.pledgedAt)}
                  </Tag>
                ) : (
                  <Button type="primary" key="pledge" onClick={() => setPledging(m.id)} data-testid="pledge-open">
                    签署“八个严禁”
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                title={`${m.roundName} · ${m.teamName}（${teamPostLabel[m.post]}）`}
                description={m.targetNames.join('、') || '尚未安排巡察对象'}
              />
            </List.Item>
          )}
        />
      </Card>
      {pledging && data && (
        <PledgeModal memberId={pledging} text={data.pledge} onClose={() => setPledging(undefined)} />
      )}
    </PageContainer>
  );
}
