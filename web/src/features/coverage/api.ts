// Term plans, coverage and forecast: hooks over /api/term-plans. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  CoverageForecast,
  CoverageSummary,
  CoverageUnitPage,
  TermPlan,
  TermPlanCreate,
  TermPlanPage,
  TermPlanUnitsChange,
  TermPlanUpdate,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { CoverageForecast, CoverageSummary, TermPlan };
export type CoverageUnitPageData = z.infer<typeof CoverageUnitPage>;
export type CoverageUnitRow = CoverageUnitPageData['items'][number];
export type TermPlanCreateBody = z.input<typeof TermPlanCreate>;
export type TermPlanUpdateBody = z.input<typeof TermPlanUpdate>;
export type TermPlanUnitsBody = z.input<typeof TermPlanUnitsChange>;

export function useTermPlans() {
  return useQuery({
    queryKey: ['term-plans'],
    queryFn: () => api.get<z.infer<typeof TermPlanPage>>('/api/term-plans', { pageSize: 100 }),
  });
}

export function useCoverage(planId: string | undefined) {
  return useQuery({
    queryKey: ['coverage', planId],
    queryFn: () => api.get<CoverageSummary>(`/api/term-plans/${planId}/coverage`),
    enabled: Boolean(planId),
  });
}

export function useForecast(planId: string | undefined) {
  return useQuery({
    queryKey: ['forecast', planId],
    queryFn: () => api.get<CoverageForecast>(`/api/term-plans/${planId}/forecast`),
    enabled: Boolean(planId),
  });
}

export function useCoverageUnits(planId: string | undefined, params: QueryParams) {
  return useQuery({
    queryKey: ['coverage-units', planId, params],
    queryFn: () => api.get<CoverageUnitPageData>(`/api/term-plans/${planId}/coverage/units`, params),
    enabled: Boolean(planId),
    placeholderData: keepPreviousData,
  });
}

export const createTermPlan = (body: TermPlanCreateBody) => api.post<TermPlan>('/api/term-plans', body);
export const updateTermPlan = (id: string, body: TermPlanUpdateBody) =>
  api.patch<TermPlan>(`/api/term-plans/${id}`, body);
export const changePlanUnits = (id: string, body: TermPlanUnitsBody) =>
  api.post<{ changed: number }>(`/api/term-plans/${id}/units`, body);

/** Everything a plan change can alter. */
export const PLAN_KEYS = [['term-plans'], ['coverage'], ['forecast'], ['coverage-units']];
