import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';
import type { Finding, FindingCreateBody, FindingPageData } from '../../app/types.ts';

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
    queryFn: () => api.get<Finding>(`/api/findings/${id}`),
    enabled: Boolean(id),
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
  api.post<Finding>(`/api/inspections/${inspectionId}/findings`, body);
