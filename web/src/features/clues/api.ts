// 问题线索: hooks over /api/clues and /api/inspections/:id/clues. Types come from the contracts. Content
// is fetched only where it is shown and not kept in the cache afterwards (gcTime 0): a clue's text must
// not linger in memory for the next screen.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Clue,
  ClueCounts,
  ClueCreate,
  ClueGrant,
  ClueGrantCandidates,
  ClueHistoryEntry,
  ClueListItem,
  CluePage,
  FieldworkPage,
  Whistleblower,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Clue, ClueCounts, ClueGrant, ClueHistoryEntry, ClueListItem, Whistleblower };
export type ClueCreateBody = z.input<typeof ClueCreate>;
type CluePageData = z.infer<typeof CluePage>;

const PRIVATE = { gcTime: 0 } as const;

export function useInspectionClues(inspectionId: string, params: QueryParams) {
  return useQuery({
    queryKey: ['clues', inspectionId, params],
    queryFn: () => api.get<CluePageData>(`/api/inspections/${inspectionId}/clues`, params),
    placeholderData: keepPreviousData,
    ...PRIVATE,
  });
}

/** 线索处置台账: every clue the user may read, across the committee. */
export function useClueLedger(params: QueryParams) {
  return useQuery({
    queryKey: ['clues', 'ledger', params],
    queryFn: () => api.get<CluePageData>('/api/clues', params),
    placeholderData: keepPreviousData,
    ...PRIVATE,
  });
}

export function useClueCounts(inspectionId: string) {
  return useQuery({
    queryKey: ['clues', inspectionId, 'counts'],
    queryFn: () => api.get<ClueCounts>(`/api/inspections/${inspectionId}/clue-counts`),
  });
}

/** Opening a clue is recorded on the server, so it is fetched only while its drawer is open. */
export function useClue(id: string) {
  return useQuery({ queryKey: ['clues', 'detail', id], queryFn: () => api.get<Clue>(`/api/clues/${id}`), ...PRIVATE });
}

export function useClueHistory(id: string) {
  return useQuery({
    queryKey: ['clues', 'history', id],
    queryFn: () => api.get<{ items: ClueHistoryEntry[] }>(`/api/clues/${id}/history`),
    ...PRIVATE,
  });
}

export function useClueGrants(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clues', 'grants', id],
    queryFn: () => api.get<{ items: ClueGrant[] }>(`/api/clues/${id}/grants`),
    enabled,
  });
}

export function useGrantCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clues', 'grant-candidates', id],
    queryFn: () => api.get<z.infer<typeof ClueGrantCandidates>>(`/api/clues/${id}/grant-candidates`),
    enabled,
  });
}

/** The fieldwork records a clue may come from (helper endpoint of 了解情况; at most 100, newest first). */
export function useSourceRecords(inspectionId: string) {
  return useQuery({
    queryKey: ['fieldwork', inspectionId, 'list', { pageSize: 100 }],
    queryFn: () =>
      api.get<z.infer<typeof FieldworkPage>>(`/api/inspections/${inspectionId}/fieldwork`, { pageSize: 100 }),
  });
}

export const createClue = (inspectionId: string, body: ClueCreateBody) =>
  api.post<Clue>(`/api/inspections/${inspectionId}/clues`, body);
export type ClueStep = 'verify' | 'shelve' | 'reopen';
export const moveClue = (id: string, step: ClueStep, reason: string) =>
  api.post<Clue>(`/api/clues/${id}/${step}`, { reason });
export const grantClue = (id: string, userId: string, reason: string) =>
  api.post<{ items: ClueGrant[] }>(`/api/clues/${id}/grants`, { userId, reason });
export const revokeClueGrant = (id: string, grantId: string) =>
  api.post<{ items: ClueGrant[] }>(`/api/clues/${id}/grants/${grantId}/revoke`);
export const revealWhistleblower = (id: string, reason: string) =>
  api.post<Whistleblower>(`/api/clues/${id}/whistleblower`, { reason });

export const CLUE_KEYS = [['clues']];
