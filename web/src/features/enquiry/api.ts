// 函询/函调: hooks over /api/enquiries and /api/inspections/:id/enquiries. Types come from the contracts.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Enquiry, EnquiryCreate, EnquiryPage } from '@xuncha/contracts';
import type { z } from 'zod';
import { api, type QueryParams } from '../../app/api.ts';

export type { Enquiry };
export type EnquiryCreateBody = z.input<typeof EnquiryCreate>;
type EnquiryPageData = z.infer<typeof EnquiryPage>;

export function useInspectionEnquiries(inspectionId: string, params: QueryParams) {
  return useQuery({
    queryKey: ['enquiries', inspectionId, params],
    queryFn: () => api.get<EnquiryPageData>(`/api/inspections/${inspectionId}/enquiries`, params),
    placeholderData: keepPreviousData,
  });
}

/** 函询答复: the enquiries addressed to the user's unit (or all of the committee's, for the office). */
export function useEnquiryInbox(params: QueryParams) {
  return useQuery({
    queryKey: ['enquiries', 'inbox', params],
    queryFn: () => api.get<EnquiryPageData>('/api/enquiries', params),
    placeholderData: keepPreviousData,
  });
}

export const sendEnquiries = (inspectionId: string, body: EnquiryCreateBody) =>
  api.post<{ items: Enquiry[] }>(`/api/inspections/${inspectionId}/enquiries`, body);
export const answerEnquiry = (id: string, content: string) =>
  api.post<Enquiry>(`/api/enquiries/${id}/answer`, { content });
export const withdrawEnquiry = (id: string, reason: string) =>
  api.post<Enquiry>(`/api/enquiries/${id}/withdraw`, { reason });

export const ENQUIRY_KEYS = [['enquiries']];
