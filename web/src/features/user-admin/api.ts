import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AdminUser,
  AdminUserCreate,
  AdminUserPage,
  AdminUserUpdate,
  PasswordReset,
  RoleGrantCreate,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { AdminUser };
export type AdminUserPageData = z.infer<typeof AdminUserPage>;
export const USERS_KEY = 'admin-users';

export function useAdminUsers(params: QueryParams) {
  return useQuery({
    queryKey: [USERS_KEY, params],
    queryFn: () => api.get<AdminUserPageData>('/api/admin/users', params),
    placeholderData: keepPreviousData,
  });
}

export function useAdminUser(id: string) {
  return useQuery({
    queryKey: [USERS_KEY, 'one', id],
    queryFn: () => api.get<AdminUser>(`/api/admin/users/${id}`),
  });
}

const base = (id: string) => `/api/admin/users/${id}`;
export const createUser = (body: z.input<typeof AdminUserCreate>) => api.post<AdminUser>('/api/admin/users', body);
export const updateUser = (id: string, body: z.input<typeof AdminUserUpdate>) => api.patch<AdminUser>(base(id), body);
export const userAction = (id: string, action: 'deactivate' | 'reactivate' | 'unlock') =>
  api.post<AdminUser>(`${base(id)}/${action}`);
export const resetPassword = (id: string, body: PasswordReset) =>
  api.post<AdminUser>(`${base(id)}/reset-password`, body);
export const grantRole = (id: string, body: z.input<typeof RoleGrantCreate>) =>
  api.post<AdminUser>(`${base(id)}/grants`, body);
export const revokeRole = (id: string, grantId: string) => api.delete<AdminUser>(`${base(id)}/grants/${grantId}`);
