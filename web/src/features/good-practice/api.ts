import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GoodPractice, GoodPracticeCreate, GoodPracticePage, GoodPracticeUpdate } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { GoodPractice };
export type GoodPracticePageData = z.infer<typeof GoodPracticePage>;
export type GoodPracticeCreateBody = z.input<typeof GoodPracticeCreate>;
export type GoodPracticeUpdateBody = z.input<typeof GoodPracticeUpdate>;

export function useGoodPracticePage(params: QueryParams) {
  return useQuery({
    queryKey: ['good-practices', params],
    queryFn: () => api.get<GoodPracticePageData>('/api/good-practices', params),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionGoodPractices(inspectionId: string, params: QueryParams) {
  return useQuery({
    queryKey: ['good-practices', 'inspection', inspectionId, params],
    queryFn: () => api.get<GoodPracticePageData>(`/api/inspections/${inspectionId}/good-practices`, params),
    placeholderData: keepPreviousData,
  });
}

export const createGoodPractice = (inspectionId: string, body: GoodPracticeCreateBody) =>
  api.post<GoodPractice>(`/api/inspections/${inspectionId}/good-practices`, body);
export const updateGoodPractice = (id: string, body: GoodPracticeUpdateBody) =>
  api.patch<GoodPractice>(`/api/good-practices/${id}`, body);
