// 了解情况: hooks over /api/inspections/:id/fieldwork and /api/fieldwork/:id. Types come from the contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  FieldworkAttachment,
  FieldworkCounts,
  FieldworkCreate,
  FieldworkDetail,
  FieldworkPage,
  FieldworkSummary,
  FieldworkUpdate,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { FieldworkCounts, FieldworkDetail, FieldworkSummary };
export type FieldworkCreateBody = z.input<typeof FieldworkCreate>;
export type FieldworkUpdateBody = z.input<typeof FieldworkUpdate>;
type FieldworkPageData = z.infer<typeof FieldworkPage>;

export function useFieldworkPage(inspectionId: string, params: QueryParams) {
  return useQuery({
    queryKey: ['fieldwork', inspectionId, 'list', params],
    queryFn: () => api.get<FieldworkPageData>(`/api/inspections/${inspectionId}/fieldwork`, params),
    placeholderData: keepPreviousData,
  });
}

export function useFieldworkCounts(inspectionId: string) {
  return useQuery({
    queryKey: ['fieldwork', inspectionId, 'counts'],
    queryFn: () => api.get<FieldworkCounts>(`/api/inspections/${inspectionId}/fieldwork/counts`),
  });
}

/**
 * The detail opens sealed notes on the server (and records the read), so it is fetched only when a
 * permitted user opens the drawer, and never kept around afterwards.
 */
export function useFieldworkDetail(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['fieldwork-detail', id],
    queryFn: () => api.get<FieldworkDetail>(`/api/fieldwork/${id}`),
    enabled,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const createFieldwork = (inspectionId: string, body: FieldworkCreateBody) =>
  api.post<FieldworkSummary>(`/api/inspections/${inspectionId}/fieldwork`, body);
export const updateFieldwork = (id: string, body: FieldworkUpdateBody) =>
  api.patch<FieldworkSummary>(`/api/fieldwork/${id}`, body);
export const uploadFieldworkAttachment = (id: string, file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return api.upload<FieldworkAttachment>(`/api/fieldwork/${id}/attachments`, data);
};
export const fieldworkAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/fieldwork/${id}/attachments/${attachmentId}`;
