// 移交: hooks over /api/handovers (senders and recipients alike; the server scopes what each sees).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  ClueListItem,
  FindingPage,
  Handover,
  HandoverConclude,
  HandoverCreate,
  HandoverDetail,
  HandoverPage,
  HandoverProgress,
  HandoverSummary,
  InspectionDecision,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Handover, HandoverDetail };
export type HandoverCreateBody = z.input<typeof HandoverCreate>;
export type HandoverConcludeBody = z.input<typeof HandoverConclude>;
export type HandoverProgressBody = z.input<typeof HandoverProgress>;

export const HANDOVER_KEYS = [['handovers'], ['handover'], ['handover-summary'], ['clues'], ['results']];

export function useHandoverPage(params: QueryParams) {
  return useQuery({
    queryKey: ['handovers', params],
    queryFn: () => api.get<z.infer<typeof HandoverPage>>('/api/handovers', params),
    placeholderData: keepPreviousData,
  });
}

export function useHandoverSummary(enabled: boolean) {
  return useQuery({
    queryKey: ['handover-summary'],
    queryFn: () => api.get<HandoverSummary>('/api/handovers/summary'),
    enabled,
  });
}

export function useHandover(id: string) {
  return useQuery({ queryKey: ['handover', id], queryFn: () => api.get<HandoverDetail>(`/api/handovers/${id}`) });
}

/** What a handover can be made of: the inspection's clues the user may read, its findings, its decisions. */
export function useHandoverSources(inspectionId: string, kind: HandoverCreate['kind']) {
  const clues = useQuery({
    queryKey: ['clues', 'handover-picker', inspectionId],
    queryFn: () => api.get<{ items: ClueListItem[] }>(`/api/inspections/${inspectionId}/clues`, { pageSize: 100 }),
    enabled: kind === 'clue',
  });
  const findings = useQuery({
    queryKey: ['findings', 'handover-picker', inspectionId],
    // also for a clue: the finding it bears on is optional
    queryFn: () => api.get<z.infer<typeof FindingPage>>('/api/findings', { inspectionId, pageSize: 100 }),
  });
  const decisions = useQuery({
    queryKey: ['decisions', inspectionId],
    queryFn: () => api.get<{ items: InspectionDecision[] }>(`/api/inspections/${inspectionId}/decisions`),
  });
  return { clues, findings, decisions };
}

export const createHandover = (inspectionId: string, body: HandoverCreateBody) =>
  api.post<Handover>(`/api/inspections/${inspectionId}/handovers`, body);

export type HandoverStep =
  | { step: 'accept'; body: { handlerName?: string } }
  | { step: 'decline' | 'request-more'; body: { reason: string } }
  | { step: 'progress'; body: HandoverProgressBody }
  | { step: 'conclude'; body: HandoverConcludeBody }
  | { step: 'close'; body: Record<string, never> };

export const takeStep = (id: string, action: HandoverStep) =>
  api.post<Handover>(`/api/handovers/${id}/${action.step}`, action.body);
