// 整改监督: hooks over /api/rectifications (the server scopes what each user sees and sends abilities).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  EvaluationInput,
  Publication,
  PublicationInput,
  RectificationDetail,
  RectificationEvaluation,
  RectificationPage,
  RectificationReport,
  RectificationReportList,
  RoundPage,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type CasePage = z.infer<typeof RectificationPage>;

export const caseKeys = (id: string) => [['rectifications'], ['rectification', id]];

export function useCasePage(params: QueryParams) {
  return useQuery({
    queryKey: ['rectifications', params],
    queryFn: () => api.get<CasePage>('/api/rectifications', params),
    placeholderData: keepPreviousData,
  });
}

export function useRoundOptions() {
  return useQuery({
    queryKey: ['rounds', 'options'],
    queryFn: () => api.get<z.infer<typeof RoundPage>>('/api/rounds', { pageSize: 100 }),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: ['rectification', id],
    queryFn: () => api.get<RectificationDetail>(`/api/rectifications/${id}`),
  });
}

export function useReports(id: string) {
  return useQuery({
    queryKey: ['rectification', id, 'reports'],
    queryFn: () => api.get<RectificationReportList>(`/api/rectifications/${id}/reports`),
  });
}

export function useEvaluations(id: string) {
  return useQuery({
    queryKey: ['rectification', id, 'evaluations'],
    queryFn: () => api.get<{ items: RectificationEvaluation[] }>(`/api/rectifications/${id}/evaluations`),
  });
}

export function usePublications(id: string) {
  return useQuery({
    queryKey: ['rectification', id, 'publications'],
    queryFn: () => api.get<{ items: Publication[] }>(`/api/rectifications/${id}/publications`),
  });
}

export const signOff = (id: string, comment: string) =>
  api.post<RectificationDetail>(`/api/rectifications/${id}/sign-off`, { comment });
export const uploadReport = (id: string, form: FormData) =>
  api.upload<RectificationReport>(`/api/rectifications/${id}/reports`, form);
export const evaluate = (id: string, body: EvaluationInput) =>
  api.post<RectificationEvaluation>(`/api/rectifications/${id}/evaluations`, body);
export const publish = (id: string, body: PublicationInput) =>
  api.post<Publication>(`/api/rectifications/${id}/publications`, body);
export const withdrawPublication = (id: string, pid: string) =>
  api.post<Publication>(`/api/rectifications/${id}/publications/${pid}/withdraw`);
