import { useQuery } from '@tanstack/react-query';
import type { PublicRoundPublications } from '@xuncha/contracts';
import { Card, Empty, List, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../shared/format.ts';
import { QueryBoundary } from '../../shared/QueryBoundary.tsx';

/** 开门整改: a round's rectification publications for anyone, outside the login. */
export function PublicRoundPage() {
  const { roundId = '' } = useParams();
  const query = useQuery({
    queryKey: ['public-round', roundId],
    queryFn: () => api.get<PublicRoundPublications>(`/api/public/rounds/${roundId}/publications`),
  });
  return (
    <div style={{ maxWidth: 900, margin: '32px auto', padding: '0 16px' }}>
      <QueryBoundary query={query}>
        {(data) => (
          <>
            <Typography.Title level={3} style={{ textAlign: 'center' }}>
              {data.committeeName}
              {data.roundName}整改情况公开
            </Typography.Title>
            <Card>
              {data.items.length === 0 ? (
                <Empty description="暂无公开的整改情况" />
              ) : (
                <List
                  data-testid="public-publications"
                  dataSource={data.items}
                  renderItem={(p) => (
                    <List.Item>
                      <List.Item.Meta title={p.title} description={`${p.unitName} · ${formatDate(p.publishedOn)}`} />
                      <div className="pre-wrap" style={{ width: '100%' }}>
                        {p.summary}
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </>
        )}
      </QueryBoundary>
    </div>
  );
}
