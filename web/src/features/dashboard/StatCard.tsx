import { useQuery } from '@tanstack/react-query';
import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, type QueryParams } from '../../app/api.ts';

type Props = { title: string; icon: ReactNode; color: string; path: string; params: QueryParams; to: string };

/** A count taken from a list endpoint's `total` (one row fetched), linking to that filtered list. */
export function StatCard({ title, icon, color, path, params, to }: Props) {
  const query = useQuery({
    queryKey: [path.replace('/api/', ''), 'total', params],
    queryFn: () => api.get<{ total: number }>(path, { ...params, page: 1, pageSize: 1 }),
  });
  return (
    <Link to={to}>
      <Card hoverable variant="borderless">
        <Statistic
          title={title}
          value={query.data?.total ?? '—'}
          loading={query.isPending}
          prefix={<span style={{ color, marginInlineEnd: 8 }}>{icon}</span>}
          styles={{ content: { color } }}
        />
        {query.isError && <Typography.Text type="danger">加载失败</Typography.Text>}
      </Card>
    </Link>
  );
}
