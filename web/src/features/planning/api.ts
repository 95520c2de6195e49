import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';
import type {
  Inspection,
  InspectionCreateBody,
  InspectionPageData,
  Round,
  RoundCreateBody,
  RoundPageData,
} from '../../app/types.ts';

export function useRoundPage(params: QueryParams) {
  return useQuery({
    queryKey: ['rounds', params],
    queryFn: () => api.get<RoundPageData>('/api/rounds', params),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionPage(params: QueryParams) {
  return useQuery({
    queryKey: ['inspections', params],
    queryFn: () => api.get<InspectionPageData>('/api/inspections', params),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: ['inspection', id],
    queryFn: () => api.get<Inspection>(`/api/inspections/${id}`),
    enabled: Boolean(id),
  });
}

export const createRound = (body: RoundCreateBody) => api.post<Round>('/api/rounds', body);

export const createInspection = (body: InspectionCreateBody) => api.post<Inspection>('/api/inspections', body);

export const advanceInspection = (id: string, event: 'station' | 'report') =>
  api.post<Inspection>(`/api/inspections/${id}/advance`, { event });

export const issueFeedback = (id: string, body: { issuedOn: string; content: string }) =>
  api.post<Inspection>(`/api/inspections/${id}/feedback`, body);
