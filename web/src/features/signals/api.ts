// 整改不实预警 hooks over /api/rectification-signals. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  SignalHandleInput,
  SignalHandleResult,
  SignalPage,
  SignalRow,
  SignalScanResult,
  SignalSummary,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type { SignalRow, SignalSummary };

export const SIGNAL_KEYS = [['rectification-signals'], ['rectification-signal-summary']];

export function useSignals(params: QueryParams) {
  return useQuery({
    queryKey: ['rectification-signals', params],
    queryFn: () => api.get<SignalPage>('/api/rectification-signals', params),
    placeholderData: keepPreviousData,
  });
}

export function useSignalSummary(params: QueryParams) {
  return useQuery({
    queryKey: ['rectification-signal-summary', params],
    queryFn: () => api.get<SignalSummary>('/api/rectification-signals/summary', params),
    placeholderData: keepPreviousData,
  });
}

export const scanSignals = (committeeId: string | undefined) =>
  api.post<SignalScanResult>('/api/rectification-signals/scan', committeeId ? { committeeId } : {});

export const handleSignal = (taskId: string, input: SignalHandleInput) =>
  api.post<SignalHandleResult>(`/api/rectification-signals/${taskId}/handle`, input);
