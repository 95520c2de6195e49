// 整改成效, 移交办理 and 工作量 hooks for the analytics page's filter. The types and labels are the shared
// contracts' (packages/contracts/src/analytics-work.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsFilter, HandoverTimeliness, RectificationRates, Workload } from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type {
  CadreWorkload,
  HandoverRow,
  HandoverTimeliness,
  RectificationRates,
  TeamWorkload,
  Workload,
  WorkloadInspection,
} from '@xuncha/contracts';
export {
  handoverOutcomeLabel,
  rectificationTaskKindLabel,
} from '@xuncha/contracts';

function useFigure<T>(name: string, path: string, params: QueryParams) {
  return useQuery({
    queryKey: ['analytics', name, params],
    queryFn: () => api.get<T>(path, params),
    placeholderData: keepPreviousData,
  });
}

export const useRectificationRates = (filter: AnalyticsFilter, page: { page: number; pageSize: number }) =>
  useFigure<RectificationRates>('rectification', '/api/analytics/rectification', { ...filter, ...page });

export const useHandoverTimeliness = (filter: AnalyticsFilter) =>
  useFigure<HandoverTimeliness>('handovers', '/api/analytics/handovers', filter);

export const useWorkload = (filter: AnalyticsFilter, page: { page: number; pageSize: number }) =>
  useFigure<Workload>('workload', '/api/analytics/workload', { ...filter, ...page });
