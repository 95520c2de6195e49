// 统计分析 hooks: 问题分析 and 成果运用 summaries for the page's filter. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AnalyticsFilter,
  FindingDrillRow,
  FindingsSummary,
  OutcomeEvidenceRow,
  OutcomePersonRow,
  OutcomesSummary,
} from '@xuncha/contracts';
import { api } from '../../app/api.ts';

export type { FindingDrillRow, FindingsSummary, OutcomeEvidenceRow, OutcomePersonRow, OutcomesSummary };

export function useFindingsSummary(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['analytics', 'findings', filter],
    queryFn: () => api.get<FindingsSummary>('/api/analytics/findings/summary', filter),
    placeholderData: keepPreviousData,
  });
}

export function useOutcomesSummary(filter: AnalyticsFilter) {
  return useQuery({
    queryKey: ['analytics', 'outcomes', filter],
    queryFn: () => api.get<OutcomesSummary>('/api/analytics/outcomes/summary', filter),
    placeholderData: keepPreviousData,
  });
}
