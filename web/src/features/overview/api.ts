// 巡察工作总览: the one read behind the page. Types come from the shared contracts.
import { useQuery } from '@tanstack/react-query';
import type { Overview, OverviewQuery } from '@xuncha/contracts';
import { api } from '../../app/api.ts';

export type { Overview };

export function useOverview(query: OverviewQuery) {
  return useQuery({
    queryKey: ['overview', query],
    queryFn: () => api.get<Overview>('/api/overview', query),
  });
}
