import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Committee,
  CommitteeCreate,
  CommitteeMember,
  CommitteeMemberCreate,
  CommitteeMemberEnd,
  CommitteeMemberPage,
  CommitteeUpdate,
  UnitDetail,
  UnitHistoryPage,
  UnitPatch,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';
import type { CommitteeList, PersonListData, Unit, UnitCreateBody, UnitPageData } from '../../app/types.ts';

export function useCommittees() {
  return useQuery({
    queryKey: ['committees'],
    queryFn: () => api.get<CommitteeList>('/api/committees'),
    staleTime: 5 * 60_000,
  });
}

export function useUnitPage(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['units', params],
    queryFn: () => api.get<UnitPageData>('/api/units', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Children of one unit (or the roots) for the lazily loaded tree. */
export const fetchChildren = (parentId: string, committeeId?: string) =>
  api.get<UnitPageData>('/api/units', { parentId, committeeId, pageSize: 100 });

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['units', 'detail', id],
    queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
    enabled: Boolean(id),
  });
}

export function useUnitHistory(id: string, page: number) {
  return useQuery({
    queryKey: ['units', 'history', id, page],
    queryFn: () => api.get<z.infer<typeof UnitHistoryPage>>(`/api/units/${id}/history`, { page, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
}

/** People of a unit and its subunits: the candidates for 责任人. */
export function useUnitPeople(unitId: string | undefined) {
  return useQuery({
    queryKey: ['people', 'unit', unitId],
    queryFn: () => api.get<PersonListData>(`/api/units/${unitId}/people`),
    enabled: Boolean(unitId),
  });
}

/** Committee staff: the candidates for 巡察组 leader and members. */
export function useCommitteePeople(committeeId: string | null | undefined) {
  return useQuery({
    queryKey: ['people', 'committee', committeeId],
    queryFn: () => api.get<PersonListData>(`/api/committees/${committeeId}/people`),
    enabled: Boolean(committeeId),
  });
}

export function useMembers(committeeId: string | undefined, params: QueryParams) {
  return useQuery({
    queryKey: ['members', committeeId, params],
    queryFn: () => api.get<z.infer<typeof CommitteeMemberPage>>(`/api/committees/${committeeId}/members`, params),
    placeholderData: keepPreviousData,
    enabled: Boolean(committeeId),
  });
}

export const createUnit = (body: UnitCreateBody) => api.post<Unit>('/api/units', body);
export const updateUnit = (id: string, body: z.input<typeof UnitPatch>) =>
  api.patch<UnitDetail>(`/api/units/${id}`, body);
export type UnitChangeAction = 'rename' | 'move' | 'merge' | 'deactivate' | 'reactivate';
export const changeUnit = (id: string, action: UnitChangeAction, body: Record<string, unknown>) =>
  api.post<UnitDetail>(`/api/units/${id}/${action}`, body);

export const createCommittee = (body: z.input<typeof CommitteeCreate>) => api.post<Committee>('/api/committees', body);
export const updateCommittee = (id: string, body: z.input<typeof CommitteeUpdate>) =>
  api.patch<Committee>(`/api/committees/${id}`, body);

export const addMember = (committeeId: string, body: z.input<typeof CommitteeMemberCreate>) =>
  api.post<CommitteeMember>(`/api/committees/${committeeId}/members`, body);
export const endMember = (id: string, body: CommitteeMemberEnd) =>
  api.post<CommitteeMember>(`/api/committee-members/${id}/end`, body);
