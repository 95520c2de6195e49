// 群众举报/意见: the public side (targets, filing, status by code) and the team's inbox. Report content is
// fetched only while its drawer is open and not kept in the cache afterwards (gcTime 0).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  PublicReportConvert,
  PublicReportDetail,
  PublicReportGrant,
  PublicReportInbox,
  PublicReportListItem,
  PublicReportReceipt,
  PublicReportStatusView,
  PublicReportTarget,
} from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type {
  PublicReportDetail,
  PublicReportListItem,
  PublicReportReceipt,
  PublicReportStatusView,
  PublicReportTarget,
};

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Inbox = PublicReportInbox;
export type ConvertBody = z.input<typeof PublicReportConvert>;

const PRIVATE = { gcTime: 0 } as const;
export const REPORT_KEYS = [['public-reports']];

export const useTargets = () =>
  useQuery({
    queryKey: ['public-report-targets'],
    queryFn: () => api.get<Page<PublicReportTarget>>('/api/public/report-targets', { pageSize: 100 }),
  });

export const fileReport = (form: FormData) => api.upload<PublicReportReceipt>('/api/public/reports', form);
export const lookupStatus = (code: string) => api.post<PublicReportStatusView>('/api/public/reports/status', { code });

export const useInboxes = () =>
  useQuery({
    queryKey: ['public-reports', 'inboxes'],
    queryFn: () => api.get<{ items: Inbox[] }>('/api/public-report-inboxes'),
  });

export function useInbox(inspectionId: string | undefined, params: QueryParams) {
  return useQuery({
    queryKey: ['public-reports', inspectionId, params],
    queryFn: () => api.get<Page<PublicReportListItem>>(`/api/inspections/${inspectionId}/public-reports`, params),
    enabled: inspectionId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export const useReport = (id: string) =>
  useQuery({
    queryKey: ['public-reports', 'detail', id],
    queryFn: () => api.get<PublicReportDetail>(`/api/public-reports/${id}`),
    ...PRIVATE,
  });

export type ReportStep = 'start' | 'reopen';
export const stepReport = (id: string, step: ReportStep) =>
  api.post<PublicReportDetail>(`/api/public-reports/${id}/${step}`);
export const replyReport = (id: string, text: string) =>
  api.post<PublicReportDetail>(`/api/public-reports/${id}/reply`, { text });
export const convertReport = (id: string, body: ConvertBody) =>
  api.post<PublicReportDetail>(`/api/public-reports/${id}/convert`, body);

const grantsUrl = (inspectionId: string) => `/api/inspections/${inspectionId}/public-report-grants`;
export const useGrants = (inspectionId: string) =>
  useQuery({
    queryKey: ['public-reports', 'grants', inspectionId],
    queryFn: () => api.get<{ items: PublicReportGrant[] }>(grantsUrl(inspectionId)),
  });
export const useGrantCandidates = (inspectionId: string) =>
  useQuery({
    queryKey: ['public-reports', 'grant-candidates', inspectionId],
    queryFn: () =>
      api.get<{ items: { userId: string; displayName: string }[] }>(
        `/api/inspections/${inspectionId}/public-report-grant-candidates`,
      ),
  });
export const grantReader = (inspectionId: string, userId: string) => api.post(grantsUrl(inspectionId), { userId });
export const revokeReader = (inspectionId: string, grantId: string) =>
  api.post(`${grantsUrl(inspectionId)}/${grantId}/revoke`);
