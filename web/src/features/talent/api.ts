import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Appraisal, AppraisalPage, Cadre, CadreDetail, CadrePage, CadreRecordKind } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export function useCadrePage(params: QueryParams) {
  return useQuery({
    queryKey: ['cadres', params],
    queryFn: () => api.get<z.infer<typeof CadrePage>>('/api/cadres', params),
    placeholderData: keepPreviousData,
  });
}

export function useCadre(id: string | undefined) {
  return useQuery({
    queryKey: ['cadre', id],
    queryFn: () => api.get<CadreDetail>(`/api/cadres/${id}`),
    enabled: Boolean(id),
  });
}

export function useAppraisalPage(params: QueryParams) {
  return useQuery({
    queryKey: ['appraisals', params],
    queryFn: () => api.get<z.infer<typeof AppraisalPage>>('/api/appraisals', params),
    placeholderData: keepPreviousData,
  });
}

/** Units of the tree by name, for the 所在单位 / 工作单位 pickers (回避 matches them). */
export function useUnitSearch(q: string) {
  return useQuery({
    queryKey: ['units', 'search', q],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>('/api/units', { q, pageSize: 30 }),
    placeholderData: keepPreviousData,
  });
}

export const createCadre = (body: object) => api.post<Cadre>('/api/cadres', body);
export const updateCadre = (id: string, body: object) => api.patch<Cadre>(`/api/cadres/${id}`, body);
export const setCadreActive = (id: string, active: boolean) =>
  api.post<Cadre>(`/api/cadres/${id}/${active ? 'reactivate' : 'deactivate'}`);
export const addRecord = (cadreId: string, kind: CadreRecordKind, body: object) =>
  api.post<unknown>(`/api/cadres/${cadreId}/${kind}`, body);
export const correctRecord = (kind: CadreRecordKind, id: string, body: object) =>
  api.patch<unknown>(`/api/cadre-${kind}/${id}`, body);
export const appraise = (cadreId: string, body: object) =>
  api.post<Appraisal>(`/api/cadres/${cadreId}/appraisals`, body);

export const TALENT_KEYS = [['cadres'], ['cadre'], ['appraisals']];
