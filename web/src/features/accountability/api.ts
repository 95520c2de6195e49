// 问责: hooks over /api/accountability (the 问责清单 is the list filtered by unit).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Accountability,
  AccountabilityDecide,
  AccountabilityPage,
  AccountabilityPropose,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Accountability };
export const ACCOUNTABILITY_KEYS = [['accountability']];

export function useAccountabilityPage(params: QueryParams) {
  return useQuery({
    queryKey: ['accountability', params],
    queryFn: () => api.get<z.infer<typeof AccountabilityPage>>('/api/accountability', params),
    placeholderData: keepPreviousData,
  });
}

export const proposeAccountability = (rectificationId: string, body: AccountabilityPropose) =>
  api.post<Accountability>(`/api/rectifications/${rectificationId}/accountability`, body);
export const decideAccountability = (id: string, body: AccountabilityDecide) =>
  api.post<Accountability>(`/api/accountability/${id}/decide`, body);
export const withdrawAccountability = (id: string, reason: string) =>
  api.post<Accountability>(`/api/accountability/${id}/withdraw`, { reason });
