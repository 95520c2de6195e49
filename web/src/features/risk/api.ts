// 风险排序: the ranking, the committee's weights and their history (server: modules/risk).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RiskRankingPage, RiskWeightHistoryPage, RiskWeightsUpdate, RiskWeightsView } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type RiskWeightsBody = z.input<typeof RiskWeightsUpdate>;
export type RiskHistoryPage = z.infer<typeof RiskWeightHistoryPage>;

export function useRiskRanking(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['risk-ranking', params],
    queryFn: () => api.get<RiskRankingPage>('/api/risk-ranking', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRiskWeights() {
  return useQuery({ queryKey: ['risk-weights'], queryFn: () => api.get<RiskWeightsView>('/api/risk-weights') });
}

export function useRiskWeightHistory(page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['risk-weights', 'history', page],
    queryFn: () => api.get<RiskHistoryPage>('/api/risk-weights/history', { page, pageSize: 5 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const saveRiskWeights = (body: RiskWeightsBody) => api.put<RiskWeightsView>('/api/risk-weights', body);
