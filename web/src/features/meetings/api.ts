// 会议记录: hooks over /api/meetings. Types come from the contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Meeting, MeetingCreate, MeetingDetail, MeetingPage } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Meeting, MeetingDetail };
export type MeetingCreateBody = z.input<typeof MeetingCreate>;

export function useMeetingPage(params: QueryParams) {
  return useQuery({
    queryKey: ['meetings', params],
    queryFn: () => api.get<z.infer<typeof MeetingPage>>('/api/meetings', params),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: ['meeting', id],
    queryFn: () => api.get<MeetingDetail>(`/api/meetings/${id}`),
    enabled: id !== null,
  });
}

export const createMeeting = (body: MeetingCreateBody) => api.post<MeetingDetail>('/api/meetings', body);
