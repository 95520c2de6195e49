// 整改方案: hooks over /api/inspections/:id/rectification-plan and the office's /api/rectification-plans.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PlanApprove,
  PlanDiff,
  PlanPage,
  PlanReturn,
  PlanVersion,
  PlanVersionSummary,
  RectificationPlan,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type { PlanDiff, PlanVersionSummary, RectificationPlan };

export const planPath = (inspectionId: string) => `/api/inspections/${inspectionId}/rectification-plan`;
export const planKey = (inspectionId: string) => ['rectification-plan', inspectionId];
export const PLANS_KEY = ['rectification-plans'];

export function usePlan(inspectionId: string) {
  return useQuery({
    queryKey: planKey(inspectionId),
    queryFn: () => api.get<RectificationPlan>(planPath(inspectionId)),
  });
}

export function usePlanVersions(inspectionId: string) {
  return useQuery({
    queryKey: [...planKey(inspectionId), 'versions'],
    queryFn: () => api.get<{ items: PlanVersionSummary[] }>(`${planPath(inspectionId)}/versions`),
  });
}

export function usePlanDiff(inspectionId: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: [...planKey(inspectionId), 'diff', range],
    queryFn: () => api.get<PlanDiff>(`${planPath(inspectionId)}/diff`, range ?? {}),
    enabled: range !== null,
  });
}

export function usePlanPage(query: QueryParams) {
  return useQuery({
    queryKey: [...PLANS_KEY, query],
    queryFn: () => api.get<PlanPage>('/api/rectification-plans', query),
    placeholderData: keepPreviousData,
  });
}

export const fetchPlanVersion = (inspectionId: string, version: number) =>
  api.get<PlanVersion>(`${planPath(inspectionId)}/versions/${version}`);
export const savePlan = (inspectionId: string, body: { content: string; note?: string }) =>
  api.put<RectificationPlan>(planPath(inspectionId), body);
export const submitPlan = (inspectionId: string) => api.post<RectificationPlan>(`${planPath(inspectionId)}/submit`);
export const approvePlan = (inspectionId: string, body: PlanApprove) =>
  api.post<RectificationPlan>(`${planPath(inspectionId)}/approve`, body);
export const returnPlan = (inspectionId: string, body: PlanReturn) =>
  api.post<RectificationPlan>(`${planPath(inspectionId)}/return`, body);
