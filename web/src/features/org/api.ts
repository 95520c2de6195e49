import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

export const createUnit = (body: UnitCreateBody) => api.post<Unit>('/api/units', body);
