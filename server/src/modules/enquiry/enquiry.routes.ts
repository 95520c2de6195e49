import {
  Enquiry,
  EnquiryAnswer,
  EnquiryCreate,
  EnquiryCreated,
  EnquiryListQuery,
  EnquiryPage,
  EnquiryWithdraw,
  enquiryRecipientKindLabel,
  enquiryStatusLabel,
  Id,
  IdParams,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './enquiry.service.ts';

const InboxQuery = EnquiryListQuery.extend({ inspectionId: Id.optional() });

export function enquiryRoutes(app: App, deps: AppDeps) {
  const one = { 200: Enquiry };
  app.get(
    '/api/enquiries',
    { config: { permission: 'enquiry.read' }, schema: { querystring: InboxQuery, response: { 200: EnquiryPage } } },
    (req) => service.listEnquiries(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/inspections/:id/enquiries',
    {
      config: { permission: 'enquiry.read' },
      schema: { params: IdParams, querystring: EnquiryListQuery, response: { 200: EnquiryPage } },
    },
    (req) => service.listInspectionEnquiries(contextOf(deps, req), req.params.id, req.query),
  );
  app.post(
    '/api/inspections/:id/enquiries',
    {
      config: { permission: 'enquiry.create' },
      schema: { params: IdParams, body: EnquiryCreate, response: { 200: EnquiryCreated } },
    },
    (req) => service.sendEnquiries(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/enquiries/:id/answer',
    { config: { permission: 'enquiry.answer' }, schema: { params: IdParams, body: EnquiryAnswer, response: one } },
    (req) => service.answerEnquiry(contextOf(deps, req), req.params.id, req.body.content),
  );
  app.post(
    '/api/enquiries/:id/withdraw',
    { config: { permission: 'enquiry.create' }, schema: { params: IdParams, body: EnquiryWithdraw, response: one } },
    (req) => service.withdrawEnquiry(contextOf(deps, req), req.params.id, req.body.reason),
  );
  registerExport(app, deps, {
    path: '/api/enquiries/export',
    permission: 'enquiry.read',
    querystring: InboxQuery,
    sheetName: '函询台账',
    fileName: '函询台账',
    columns: [
      { header: '被巡察单位', key: 'targetUnitName', width: 24 },
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '函询对象', key: 'recipientUnitName', width: 20 },
      { header: '类别', key: 'recipientKind', labels: enquiryRecipientKindLabel },
      { header: '函询事项', key: 'subject', width: 40 },
      { header: '答复期限', key: 'dueDate', type: 'date' },
      { header: '状态', key: 'status', labels: enquiryStatusLabel },
      { header: '逾期', key: 'overdue', type: 'bool' },
      { header: '发函人', key: 'sentByName' },
      { header: '答复内容', key: 'answer', width: 50 },
      { header: '答复人', key: 'answeredByName' },
      { header: '撤回理由', key: 'withdrawReason', width: 24 },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.enquiryRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
}
