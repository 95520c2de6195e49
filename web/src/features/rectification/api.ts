import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type QueryParams } from '../../app/api.ts';
import type { Evidence, Task, TaskCreateBody, TaskDetail, TaskPageData } from '../../app/types.ts';

export function useTaskPage(params: QueryParams) {
  return useQuery({
    queryKey: ['tasks', params],
    queryFn: () => api.get<TaskPageData>('/api/tasks', params),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: ['task', id],
    queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`),
    enabled: Boolean(id),
  });
}

export const createTask = (findingId: string, body: TaskCreateBody) =>
  api.post<Task>(`/api/findings/${findingId}/tasks`, body);

/** The task state changes and the body each one takes. */
export type TaskTransition =
  | { action: 'start' }
  | { action: 'submit'; summary: string }
  | { action: 'return'; reason: string };

export function transitionTask(id: string, { action, ...body }: TaskTransition) {
  return api.post<TaskDetail>(`/api/tasks/${id}/${action}`, body);
}

export const uploadEvidence = (taskId: string, form: FormData) =>
  api.upload<Evidence>(`/api/tasks/${taskId}/evidence`, form);

export const evidenceFileUrl = (evidenceId: string) => `/api/evidence/${evidenceId}/file`;

/** What a change to one task can alter elsewhere: lists, counts, the finding's progress. */
export const TASK_RELATED_KEYS = [['tasks'], ['task'], ['findings'], ['finding']];
