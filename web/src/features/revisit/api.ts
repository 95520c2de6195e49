// 回访 / 回头看: hooks over /api/revisits.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Revisit, RevisitConduct, RevisitCreate, RevisitDetail, RevisitPage } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Revisit, RevisitDetail };
export type ConductBody = z.input<typeof RevisitConduct>;
export const REVISIT_KEYS = [['revisits'], ['revisit'], ['tasks'], ['supervision-suggestions']];

export function useRevisitPage(params: QueryParams) {
  return useQuery({
    queryKey: ['revisits', params],
    queryFn: () => api.get<z.infer<typeof RevisitPage>>('/api/revisits', params),
    placeholderData: keepPreviousData,
  });
}

export function useRevisit(id: string) {
  return useQuery({ queryKey: ['revisit', id], queryFn: () => api.get<RevisitDetail>(`/api/revisits/${id}`) });
}

export const planRevisit = (rectificationId: string, body: z.input<typeof RevisitCreate>) =>
  api.post<Revisit>(`/api/rectifications/${rectificationId}/revisits`, body);
export const conductRevisit = (id: string, body: ConductBody) => api.post<Revisit>(`/api/revisits/${id}/conduct`, body);
export const cancelRevisit = (id: string, reason: string) =>
  api.post<Revisit>(`/api/revisits/${id}/cancel`, { reason });
