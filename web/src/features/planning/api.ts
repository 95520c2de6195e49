import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdvanceEvent, InspectionDetail, TeamPage } from '@xuncha/contracts';
import type { z } from 'zod';
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
    queryFn: () => api.get<InspectionDetail>(`/api/inspections/${id}`),
    enabled: Boolean(id),
  });
}

export const createRound = (body: RoundCreateBody) => api.post<Round>('/api/rounds', body);

export const createInspection = (body: InspectionCreateBody) => api.post<Inspection>('/api/inspections', body);

export const advanceInspection = (id: string, event: AdvanceEvent) =>
  api.post<Inspection>(`/api/inspections/${id}/advance`, { event });

/** Teams of a round, for the team picker (a round has a handful). */
export function useRoundTeams(roundId: string | undefined) {
  return useQuery({
    queryKey: ['teams', { roundId }],
    queryFn: () => api.get<z.infer<typeof TeamPage>>('/api/teams', { roundId, pageSize: 100 }),
    enabled: Boolean(roundId),
  });
}
