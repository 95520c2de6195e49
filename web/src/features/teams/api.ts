import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AvoidanceList,
  CadrePage,
  MyTeamMemberships,
  TeamDetail,
  TeamMemberAdd,
  TeamPage,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export function useRoundTeamsPage(params: QueryParams) {
  return useQuery({
    queryKey: ['teams', params],
    queryFn: () => api.get<z.infer<typeof TeamPage>>('/api/teams', params),
    placeholderData: keepPreviousData,
  });
}

export function useTeam(id: string | undefined) {
  return useQuery({
    queryKey: ['team', id],
    queryFn: () => api.get<TeamDetail>(`/api/teams/${id}`),
    enabled: Boolean(id),
  });
}

/** Type-ahead over the talent pool (active cadres only). */
export function useCadreSearch(q: string) {
  return useQuery({
    queryKey: ['cadres', { q, active: 'true' }],
    queryFn: () => api.get<z.infer<typeof CadrePage>>('/api/cadres', { q, active: 'true', pageSize: 20 }),
  });
}

/** The 回避 conflicts the cadre would have on this team, shown before saving. */
export function useAvoidancePreview(teamId: string, cadreId: string | undefined) {
  return useQuery({
    queryKey: ['team-avoidance', teamId, cadreId],
    queryFn: () => api.get<z.infer<typeof AvoidanceList>>(`/api/teams/${teamId}/avoidance`, { cadreId }),
    enabled: Boolean(cadreId),
  });
}

export function useMyMemberships() {
  return useQuery({
    queryKey: ['my-team-memberships'],
    queryFn: () => api.get<z.infer<typeof MyTeamMemberships>>('/api/me/team-memberships'),
  });
}

export const addMember = (teamId: string, body: z.input<typeof TeamMemberAdd>) =>
  api.post<{ id: string }>(`/api/teams/${teamId}/members`, body);
export const leaveTeam = (memberId: string) => api.post<{ id: string }>(`/api/team-members/${memberId}/leave`, {});
export const pledge = (memberId: string) => api.post<{ id: string }>(`/api/team-members/${memberId}/pledge`, {});
export const createTeam = (roundId: string, name: string) =>
  api.post<{ id: string }>(`/api/rounds/${roundId}/teams`, { name });
