// 巡察公告: hooks over /api/inspections/:id/announcement. Types come from the contracts.
import { useQuery } from '@tanstack/react-query';
import type { Announcement, AnnouncementSave } from '@xuncha/contracts';
import type { z } from 'zod';
import { api } from '../../app/api.ts';

export type { Announcement };
export type AnnouncementBody = z.input<typeof AnnouncementSave>;

export function useAnnouncement(inspectionId: string | undefined) {
  return useQuery({
    queryKey: ['announcement', inspectionId],
    queryFn: () => api.get<Announcement>(`/api/inspections/${inspectionId}/announcement`),
    enabled: Boolean(inspectionId),
  });
}

export const saveAnnouncement = (inspectionId: string, body: AnnouncementBody) =>
  api.put<Announcement>(`/api/inspections/${inspectionId}/announcement`, body);
export const publishAnnouncement = (inspectionId: string) =>
  api.post<Announcement>(`/api/inspections/${inspectionId}/announcement/publish`);

/** The public channel's address as users will print it: this site's origin plus the public path. */
export const publicUrl = (a: Announcement) => `${window.location.origin}${a.publicPath}`;
