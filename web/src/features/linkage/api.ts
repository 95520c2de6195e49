// 上下联动 hooks over /api/linkage and /api/guidance. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  LinkageFindingRow as FindingRow,
  GuidanceDetail,
  GuidanceSummary,
  Inspection,
  LinkageInspectionRow as InspectionRow,
  LinkageCommitteesView,
  LinkageLaunch,
  LinkageLaunchOptions,
  LinkageUnit as LowerUnit,
  GuidanceReceived as ReceivedRow,
  UpperInspectionRow as UpperRow,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type {
  FindingRow,
  GuidanceDetail,
  GuidanceSummary,
  InspectionRow,
  LinkageCommitteesView,
  LinkageLaunch,
  LinkageLaunchOptions,
  LowerUnit,
  ReceivedRow,
  UpperRow,
};

const paged = <T>(key: string, path: string, params: QueryParams | null) => ({
  queryKey: [key, path, params],
  queryFn: () => api.get<Page<T>>(path, params ?? {}),
  enabled: params !== null,
  placeholderData: keepPreviousData,
});

export function useLinkageCommittees(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: ['linkage-committees', params],
    queryFn: () => api.get<LinkageCommitteesView>('/api/linkage/committees', params),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const useDrillInspections = (committeeId: string | null, params: QueryParams) =>
  useQuery(
    paged<InspectionRow>(
      'linkage-drill',
      `/api/linkage/committees/${committeeId}/inspections`,
      committeeId ? params : null,
    ),
  );

export const useDrillFindings = (committeeId: string | null, params: QueryParams) =>
  useQuery(
    paged<FindingRow>('linkage-drill', `/api/linkage/committees/${committeeId}/findings`, committeeId ? params : null),
  );

export const useIssuedGuidance = (params: QueryParams) =>
  useQuery(paged<GuidanceSummary>('guidance', '/api/guidance', params));

export const useReceivedGuidance = (params: QueryParams) =>
  useQuery(paged<ReceivedRow>('guidance', '/api/guidance/received', params));

export function useGuidance(id: string | null) {
  return useQuery({
    queryKey: ['guidance', 'detail', id],
    queryFn: () => api.get<GuidanceDetail>(`/api/guidance/${id}`),
    enabled: id !== null,
  });
}

export const useUpperInspections = (params: QueryParams, enabled: boolean) =>
  useQuery(paged<UpperRow>('linkage-upper', '/api/linkage/upper-inspections', enabled ? params : null));

export function useLaunchOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['linkage-launch-options'],
    queryFn: () => api.get<LinkageLaunchOptions>('/api/linkage/launch-options'),
    enabled,
  });
}

export const useLowerUnits = (params: QueryParams | null) =>
  useQuery(paged<LowerUnit>('linkage-units', '/api/linkage/units', params));

export type GuidanceInput = {
  title: string;
  body: string;
  docNo?: string;
  targetAll: boolean;
  targetCommitteeIds: string[];
};

export const guidanceApi = {
  get: (id: string) => api.get<GuidanceDetail>(`/api/guidance/${id}`),
  create: (input: GuidanceInput) => api.post<GuidanceDetail>('/api/guidance', input),
  update: (id: string, input: GuidanceInput) => api.put<GuidanceDetail>(`/api/guidance/${id}`, input),
  publish: (id: string) => api.post<GuidanceDetail>(`/api/guidance/${id}/publish`, {}),
  ack: (id: string, status: 'read' | 'acted', note?: string) =>
    api.post<{ ok: true }>(`/api/guidance/${id}/ack`, { status, note }),
  launch: (input: LinkageLaunch) => api.post<Inspection>('/api/linkage/launch', input),
};
