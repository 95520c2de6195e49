// 巡察报告 and 反馈意见 drafts: hooks over /api/inspections/:id/report and /feedback-draft. Types come from
// the contracts; one set of calls serves both kinds.
import { useQuery } from '@tanstack/react-query';
import type {
  Inspection,
  InspectionDecision,
  Report,
  ReportDiff,
  ReportKind,
  ReportVersion,
  ReportVersionSummary,
} from '@xuncha/contracts';
import { api } from '../../app/api.ts';

export type { Report, ReportDiff, ReportKind, ReportVersionSummary };

const PATH: Record<ReportKind, string> = { report: 'report', feedback: 'feedback-draft' };
export const reportPath = (inspectionId: string, kind: ReportKind) => `/api/inspections/${inspectionId}/${PATH[kind]}`;

export const reportKey = (inspectionId: string, kind: ReportKind) => ['report', inspectionId, kind];

export function useReport(inspectionId: string, kind: ReportKind) {
  return useQuery({
    queryKey: reportKey(inspectionId, kind),
    queryFn: () => api.get<Report>(reportPath(inspectionId, kind)),
  });
}

export function useReportVersions(inspectionId: string, kind: ReportKind) {
  return useQuery({
    queryKey: [...reportKey(inspectionId, kind), 'versions'],
    queryFn: () => api.get<{ items: ReportVersionSummary[] }>(`${reportPath(inspectionId, kind)}/versions`),
  });
}

export function useReportDiff(inspectionId: string, kind: ReportKind, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: [...reportKey(inspectionId, kind), 'diff', range],
    queryFn: () => api.get<ReportDiff>(`${reportPath(inspectionId, kind)}/diff`, range ?? {}),
    enabled: range !== null,
  });
}

/** 领导小组 decisions about the inspection, for the approve and feedback pickers. */
export function useInspectionDecisions(inspectionId: string) {
  return useQuery({
    queryKey: ['decisions', inspectionId],
    queryFn: () => api.get<{ items: InspectionDecision[] }>(`/api/inspections/${inspectionId}/decisions`),
  });
}

export const fetchVersion = (inspectionId: string, kind: ReportKind, version: number) =>
  api.get<ReportVersion>(`${reportPath(inspectionId, kind)}/versions/${version}`);
export const assembleText = (inspectionId: string, kind: ReportKind) =>
  api.get<{ content: string }>(`${reportPath(inspectionId, kind)}/assemble`);
export const saveVersion = (inspectionId: string, kind: ReportKind, body: { content: string; note?: string }) =>
  api.put<Report>(reportPath(inspectionId, kind), body);
export const submitReport = (inspectionId: string) =>
  api.post<Report>(`/api/inspections/${inspectionId}/report/submit`);
export const decideReport = (
  inspectionId: string,
  event: 'approve' | 'return',
  body: { comment?: string; decisionId?: string },
) => api.post<Report>(`/api/inspections/${inspectionId}/report/${event}`, body);
/** The inspection's feedback step (needs the approved report); lives here beside the draft it issues. */
export const issueFeedback = (
  inspectionId: string,
  body: { issuedOn: string; content?: string; decisionId?: string },
) => api.post<Inspection>(`/api/inspections/${inspectionId}/feedback`, body);
