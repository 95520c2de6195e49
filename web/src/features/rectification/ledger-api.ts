// API of the 三张清单 (ledger grid, edits, lifecycle with checklist).

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  FindingLedgerInput,
  LedgerPage,
  TaskBulkUpdate,
  TaskUpdate,
  TaskVerifyInput,
  TaskVerifyPartlyInput,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';
import type { TaskDetail } from '../../app/types.ts';

export function useLedger(inspectionId: string, params: QueryParams) {
  return useQuery({
    queryKey: ['task-lists', inspectionId, params],
    queryFn: () => api.get<LedgerPage>(`/api/inspections/${inspectionId}/lists`, params),
    placeholderData: keepPreviousData,
  });
}

export const updateTask = (id: string, body: TaskUpdate) => api.patch<TaskDetail>(`/api/tasks/${id}`, body);
export const bulkUpdateTasks = (body: TaskBulkUpdate) => api.patch<{ updated: number }>('/api/tasks/bulk', body);
export const updateFindingLedger = (id: string, body: FindingLedgerInput) =>
  api.patch<unknown>(`/api/findings/${id}/ledger`, body);
export const verifyTask = (id: string, body: TaskVerifyInput) => api.post<TaskDetail>(`/api/tasks/${id}/verify`, body);
export const verifyTaskPartly = (id: string, body: TaskVerifyPartlyInput) =>
  api.post<TaskDetail>(`/api/tasks/${id}/verify-partly`, body);

export const LEDGER_KEYS = [['task-lists'], ['tasks'], ['task'], ['findings'], ['finding']];
