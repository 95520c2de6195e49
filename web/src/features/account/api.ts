import { useQuery } from '@tanstack/react-query';
import type { ActiveSession, LoginHistoryEntry, TwoFactorStatus } from '@xuncha/contracts';
import { api } from '../../app/api.ts';

export const ACCOUNT_KEY = ['account'] as const;

export const useSessions = () =>
  useQuery({ queryKey: [...ACCOUNT_KEY, 'sessions'], queryFn: () => api.get<ActiveSession[]>('/api/auth/sessions') });

export const useTwoFactor = () =>
  useQuery({
    queryKey: [...ACCOUNT_KEY, 'two-factor'],
    queryFn: () => api.get<TwoFactorStatus>('/api/auth/two-factor'),
  });

export interface HistoryPage {
  items: LoginHistoryEntry[];
  total: number;
}

export const useLoginHistory = (page: number, pageSize: number) =>
  useQuery({
    queryKey: [...ACCOUNT_KEY, 'history', page, pageSize],
    queryFn: () => api.get<HistoryPage>('/api/auth/login-history', { page, pageSize }),
  });
