// 整改进度 hooks over /api/rectification-progress. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MyUnitView, ProgressDashboard, ProgressTask } from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type { MyUnitView, ProgressDashboard, ProgressTask };
export type ProgressTaskPageData = { items: ProgressTask[]; total: number; page: number; pageSize: number };

export function useProgress(params: QueryParams) {
  return useQuery({
    queryKey: ['rectification-progress', params],
    queryFn: () => api.get<ProgressDashboard>('/api/rectification-progress', params),
    placeholderData: keepPreviousData,
  });
}

export function useProgressTasks(params: QueryParams | null) {
  return useQuery({
    queryKey: ['rectification-progress-tasks', params],
    queryFn: () => api.get<ProgressTaskPageData>('/api/rectification-progress/tasks', params ?? {}),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useMyUnit() {
  return useQuery({
    queryKey: ['my-unit-rectification'],
    queryFn: () => api.get<MyUnitView>('/api/my-unit/rectification'),
  });
}
