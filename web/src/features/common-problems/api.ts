// 共性问题 hooks over /api/common-problems. Types come from the shared contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AnalyticsFilter,
  ClusterFindingPage,
  ClusterPage,
  CommonProblemRun,
  NoticeCreate,
  NoticeRow,
  ProposalCreate,
  ProposalDecision,
  ProposalRow,
} from '@xuncha/contracts';
import { api, type QueryParams } from '../../app/api.ts';
import { useApiMutation } from '../../shared/useApiMutation.ts';

export type { ClusterPage, NoticeRow, ProposalRow };
export type ClusterRow = ClusterPage['items'][number];
export type ClusterFinding = ClusterFindingPage['items'][number];
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const KEY = 'common-problems';

export function useClusters(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, 'clusters', params],
    queryFn: () => api.get<ClusterPage>('/api/common-problems/clusters', params),
    placeholderData: keepPreviousData,
  });
}

export function useClusterFindings(clusterId: string | null, params: QueryParams) {
  return useQuery({
    queryKey: [KEY, 'findings', clusterId, params],
    queryFn: () => api.get<ClusterFindingPage>(`/api/common-problems/clusters/${clusterId}/findings`, params),
    enabled: clusterId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useNotices(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, 'notices', params],
    queryFn: () => api.get<Page<NoticeRow>>('/api/common-problems/notices', params),
    placeholderData: keepPreviousData,
  });
}

export function useProposals(params: QueryParams) {
  return useQuery({
    queryKey: [KEY, 'proposals', params],
    queryFn: () => api.get<Page<ProposalRow>>('/api/common-problems/proposals', params),
    placeholderData: keepPreviousData,
  });
}

export function useRefresh() {
  return useApiMutation({
    mutationFn: (body: { committeeId?: string; threshold?: number }) =>
      api.post<CommonProblemRun>('/api/common-problems/refresh', body),
    invalidate: [[KEY]],
    successMessage: '已重新研判共性问题',
  });
}

export function useCreateNotice(clusterId: string) {
  return useApiMutation({
    mutationFn: (body: NoticeCreate) => api.post<NoticeRow>(`/api/common-problems/clusters/${clusterId}/notices`, body),
    invalidate: [[KEY, 'notices']],
    successMessage: '已生成举一反三通知（草稿）',
  });
}

export function usePublishNotice() {
  return useApiMutation({
    mutationFn: (id: string) => api.post<NoticeRow>(`/api/common-problems/notices/${id}/publish`),
    invalidate: [[KEY, 'notices']],
    successMessage: '通知已发布',
  });
}

export function useCreateProposal(clusterId: string) {
  return useApiMutation({
    mutationFn: (body: ProposalCreate) =>
      api.post<ProposalRow>(`/api/common-problems/clusters/${clusterId}/proposals`, body),
    invalidate: [[KEY, 'proposals']],
    successMessage: '已提出专项巡察建议',
  });
}

export function useDecideProposal() {
  return useApiMutation({
    mutationFn: ({ id, ...body }: ProposalDecision & { id: string }) =>
      api.post<ProposalRow>(`/api/common-problems/proposals/${id}/decision`, body),
    invalidate: [[KEY, 'proposals']],
    successMessage: (v) => (v.decision === 'adopt' ? '已采纳' : '已决定不采纳'),
  });
}

export type { AnalyticsFilter };
