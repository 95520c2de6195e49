import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  FieldworkPage,
  FindingDetail,
  FindingStats,
  FindingUpdate,
  ImmediateTaskDefaults,
  Sensitivity,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';
import type { Finding, FindingCreateBody, FindingPageData } from '../../app/types.ts';

export type { FindingDetail };
export type FindingUpdateBody = z.input<typeof FindingUpdate>;
export type ImmediateDefaults = z.infer<typeof ImmediateTaskDefaults>;
export type FieldworkRecord = z.infer<typeof FieldworkPage>['items'][number];

/** What a change to a finding may refresh: lists, the detail, the inspection's counts, the task ledger. */
export const FINDING_RELATED_KEYS = [['findings'], ['finding'], ['finding-stats'], ['tasks'], ['inspection']];

export function useFindingPage(params: QueryParams) {
  return useQuery({
    queryKey: ['findings', params],
    queryFn: () => api.get<FindingPageData>('/api/findings', params),
    placeholderData: keepPreviousData,
  });
}

export function useFinding(id: string | undefined) {
  return useQuery({
    queryKey: ['finding', id],
    queryFn: () => api.get<FindingDetail>(`/api/findings/${id}`),
    enabled: Boolean(id),
  });
}

/** Counts per classification for an inspection (the report page and its charts). */
export function useFindingStats(inspectionId: string) {
  return useQuery({
    queryKey: ['finding-stats', inspectionId],
    queryFn: () => api.get<FindingStats>(`/api/inspections/${inspectionId}/finding-stats`),
  });
}

/** The 立行立改 form's owners, default owner and due date; fetched only once the section opens. */
export function useImmediateDefaults(inspectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['immediate-task-defaults', inspectionId],
    queryFn: () => api.get<ImmediateDefaults>(`/api/inspections/${inspectionId}/immediate-task-defaults`),
    enabled,
  });
}

/** The inspection's fieldwork records to pick evidence from (titles only; the first 100, newest first). */
export function useFieldworkRecords(inspectionId: string) {
  return useQuery({
    queryKey: ['fieldwork', inspectionId, 'picker'],
    queryFn: () =>
      api.get<z.infer<typeof FieldworkPage>>(`/api/inspections/${inspectionId}/fieldwork`, { pageSize: 100 }),
  });
}

/** Every finding of one inspection, page by page (the API caps a page at 100 rows). */
export async function fetchAllFindings(inspectionId: string): Promise<Finding[]> {
  const all: Finding[] = [];
  for (let page = 1; ; page++) {
    const batch = await api.get<FindingPageData>('/api/findings', { inspectionId, page, pageSize: 100 });
    all.push(...batch.items);
    if (batch.items.length === 0 || all.length >= batch.total) return all;
  }
}

export const createFinding = (inspectionId: string, body: FindingCreateBody) =>
  api.post<FindingDetail>(`/api/inspections/${inspectionId}/findings`, body);
export const updateFinding = (id: string, body: FindingUpdateBody) =>
  api.patch<FindingDetail>(`/api/findings/${id}`, body);
export const relabelFinding = (id: string, sensitivity: Sensitivity) =>
  api.post<FindingDetail>(`/api/findings/${id}/sensitivity`, { sensitivity });
export const linkEvidence = (id: string, recordIds: string[]) =>
  api.post<FindingDetail>(`/api/findings/${id}/evidence`, { recordIds });
export const unlinkEvidence = (id: string, recordId: string) =>
  api.post<FindingDetail>(`/api/findings/${id}/evidence/${recordId}/unlink`);
