// 数据报送交换 hooks over /api/exchange. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ExchangeExportInput,
  ExchangeIdentity,
  ExchangeImportDetail,
  ExchangeImportRow,
  ExchangePackage,
  TrustedKey,
  TrustedKeyInput,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type { ExchangeIdentity, ExchangeImportDetail, ExchangeImportRow, ExchangePackage, TrustedKey };

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ExchangeExportRow = {
  id: string;
  committeeName: string;
  from: string;
  to: string;
  digest: string;
  fingerprint: string;
  rounds: number;
  exportedBy: string;
  exportedAt: string;
};

export const EXCHANGE_KEYS = {
  identity: ['exchange-identity'],
  exports: ['exchange-exports'],
  trusted: ['exchange-trusted-keys'],
  imports: ['exchange-imports'],
} as const;

export function useIdentity() {
  return useQuery({
    queryKey: EXCHANGE_KEYS.identity,
    queryFn: () => api.get<{ identity: ExchangeIdentity | null }>('/api/exchange/identity'),
  });
}

export function useExports(params: QueryParams) {
  return useQuery({
    queryKey: [...EXCHANGE_KEYS.exports, params],
    queryFn: () => api.get<Page<ExchangeExportRow>>('/api/exchange/packages', params),
    placeholderData: keepPreviousData,
  });
}

export function useTrustedKeys(params: QueryParams) {
  return useQuery({
    queryKey: [...EXCHANGE_KEYS.trusted, params],
    queryFn: () => api.get<Page<TrustedKey>>('/api/exchange/trusted-keys', params),
    placeholderData: keepPreviousData,
  });
}

export function useImports(params: QueryParams) {
  return useQuery({
    queryKey: [...EXCHANGE_KEYS.imports, params],
    queryFn: () => api.get<Page<ExchangeImportRow>>('/api/exchange/imports', params),
    placeholderData: keepPreviousData,
  });
}

export function useImportDetail(id: string | null) {
  return useQuery({
    queryKey: [...EXCHANGE_KEYS.imports, 'detail', id],
    queryFn: () => api.get<ExchangeImportDetail>(`/api/exchange/imports/${id}`),
    enabled: id !== null,
  });
}

export const exchangeApi = {
  makeIdentity: () => api.post<ExchangeIdentity>('/api/exchange/identity'),
  exportPackage: (input: ExchangeExportInput) => api.post<ExchangePackage>('/api/exchange/packages', input),
  trust: (input: TrustedKeyInput) => api.post<TrustedKey>('/api/exchange/trusted-keys', input),
  revoke: (id: string) => api.post<TrustedKey>(`/api/exchange/trusted-keys/${id}/revoke`),
  importPackage: (body: unknown) => api.post<ExchangeImportDetail>('/api/exchange/imports', body),
};

/** Saves a package the server just signed as a .json file (the content is what was signed, key order aside). */
export function saveJson(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
