import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ResultsLedgerPage, ResultsLedgerSummary } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type LedgerPage = z.infer<typeof ResultsLedgerPage>;
export type LedgerRow = LedgerPage['items'][number];

export function useResultsLedger(params: QueryParams) {
  return useQuery({
    queryKey: ['results-ledger', params],
    queryFn: () => api.get<LedgerPage>('/api/results-ledger', params),
    placeholderData: keepPreviousData,
  });
}

/** Findings reaching each stage, under the same filters as the list. */
export function useResultsSummary(params: QueryParams) {
  return useQuery({
    queryKey: ['results-ledger', 'summary', params],
    queryFn: () => api.get<ResultsLedgerSummary>('/api/results-ledger/summary', params),
    placeholderData: keepPreviousData,
  });
}
