// 督查督办: hooks over /api/supervision-orders and the suggestions; rectification cases for the pickers.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  RectificationPage,
  SupervisionIssue,
  SupervisionOrder,
  SupervisionOrderDetail,
  SupervisionOrderPage,
  SupervisionSuggestionPage,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { SupervisionOrder, SupervisionOrderDetail };
export const SUPERVISION_KEYS = [['supervision-orders'], ['supervision-order'], ['supervision-suggestions']];

export function useOrderPage(params: QueryParams) {
  return useQuery({
    queryKey: ['supervision-orders', params],
    queryFn: () => api.get<z.infer<typeof SupervisionOrderPage>>('/api/supervision-orders', params),
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: ['supervision-order', id],
    queryFn: () => api.get<SupervisionOrderDetail>(`/api/supervision-orders/${id}`),
  });
}

export function useSuggestions(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: ['supervision-suggestions', params],
    queryFn: () => api.get<z.infer<typeof SupervisionSuggestionPage>>('/api/supervision/suggestions', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The rectification cases the user may see, for choosing where to issue, plan or propose. */
export function useCases() {
  return useQuery({
    queryKey: ['rectifications', 'picker'],
    queryFn: () => api.get<z.infer<typeof RectificationPage>>('/api/rectifications', { pageSize: 100 }),
  });
}

export const issueOrder = (rectificationId: string, body: z.input<typeof SupervisionIssue>) =>
  api.post<SupervisionOrder>(`/api/rectifications/${rectificationId}/supervision-orders`, body);

export type OrderStep =
  | { step: 'answer'; body: { response: string } }
  | { step: 'reject'; body: { reason: string; responseDue?: string } }
  | { step: 'close' | 'escalate'; body: { comment?: string } };

export const takeOrderStep = (id: string, action: OrderStep) =>
  api.post<SupervisionOrder>(`/api/supervision-orders/${id}/${action.step}`, action.body);
