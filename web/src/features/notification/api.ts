// The caller's own notices: the header bell polls the unread count; the page lists them.
import { useQuery } from '@tanstack/react-query';
import type { NotificationPage } from '@xuncha/contracts';
import { api } from '../../app/api.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';

const KEY = 'notifications';

export function useUnreadCount() {
  return useQuery({
    queryKey: [KEY, 'unread-count'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    // reminders arrive from the server's sweep; a minute is soon enough
    refetchInterval: 60_000,
  });
}

export function useNotifications(params: { page: number; pageSize: number; unread?: boolean }) {
  return useQuery({
    queryKey: [KEY, 'list', params],
    queryFn: () => api.get<NotificationPage>('/api/notifications', params),
  });
}

export function useMarkRead() {
  return useApiMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`),
    invalidate: [[KEY]],
  });
}

export function useMarkAllRead() {
  return useApiMutation({
    mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'),
    invalidate: [[KEY]],
    successMessage: '已全部标为已读',
  });
}
