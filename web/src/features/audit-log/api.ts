import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditChainReport, AuditEntry, AuditPage } from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type AuditFilters = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
};

export function useAuditPage(filters: AuditFilters, after: string | undefined, limit: number) {
  const params: QueryParams = { ...filters, after, limit };
  return useQuery({
    queryKey: ['audit-log', params],
    queryFn: () => api.get<AuditPage>('/api/audit-log', params),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEntry(id: string) {
  return useQuery({ queryKey: ['audit-log', 'one', id], queryFn: () => api.get<AuditEntry>(`/api/audit-log/${id}`) });
}

/** The SM3 chain check (the audit chain's own route); slow on a large log, so only on request. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditChainReport>('/api/audit/verify') });
}
