import {
  IdParams,
  SupervisionAnswer,
  SupervisionComment,
  SupervisionIssue,
  SupervisionListQuery,
  SupervisionOrder,
  SupervisionOrderDetail,
  SupervisionOrderPage,
  SupervisionReject,
  SupervisionSuggestionPage,
  SupervisionSuggestionQuery,
  supervisionReason,
  supervisionStatusLabel,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { supervisionDocumentRoutes } from './supervision.document.ts';
import * as service from './supervision.service.ts';
import * as steps from './supervision-step.service.ts';

const one = { 200: SupervisionOrder };

export function supervisionRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/rectifications/:id/supervision-orders',
    {
      config: { permission: 'supervision.issue' },
      schema: { params: IdParams, body: SupervisionIssue, response: one },
    },
    (req) => service.issueOrder(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/supervision-orders',
    {
      config: { permission: 'supervision.read' },
      schema: { querystring: SupervisionListQuery, response: { 200: SupervisionOrderPage } },
    },
    (req) => service.listOrders(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/supervision/suggestions',
    {
      config: { permission: 'supervision.issue' },
      schema: { querystring: SupervisionSuggestionQuery, response: { 200: SupervisionSuggestionPage } },
    },
    (req) => service.listSuggestions(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/supervision-orders/:id',
    {
      config: { permission: 'supervision.read' },
      schema: { params: IdParams, response: { 200: SupervisionOrderDetail } },
    },
    (req) => service.getOrder(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/supervision-orders/:id/answer',
    {
      config: { permission: 'supervision.answer' },
      schema: { params: IdParams, body: SupervisionAnswer, response: one },
    },
    (req) => steps.answerOrder(contextOf(deps, req), req.params.id, req.body.response),
  );
  app.post(
    '/api/supervision-orders/:id/reject',
    {
      config: { permission: 'supervision.close' },
      schema: { params: IdParams, body: SupervisionReject, response: one },
    },
    (req) => steps.rejectAnswer(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/supervision-orders/:id/close',
    {
      config: { permission: 'supervision.close' },
      schema: { params: IdParams, body: SupervisionComment, response: one },
    },
    (req) => steps.closeOrder(contextOf(deps, req), req.params.id, req.body.comment || null),
  );
  app.post(
    '/api/supervision-orders/:id/escalate',
    {
      config: { permission: 'supervision.close' },
      schema: { params: IdParams, body: SupervisionComment, response: one },
    },
    (req) => steps.escalateOrder(contextOf(deps, req), req.params.id, req.body.comment || null),
  );
  registerExport(app, deps, {
    path: '/api/supervision-orders/export',
    permission: 'supervision.read',
    querystring: SupervisionListQuery,
    sheetName: '督办台账',
    fileName: '督办台账',
    entity: 'supervision_order',
    columns: [
      { header: '督办编号', key: 'code', width: 18 },
      { header: '被督办单位', key: 'unitName', width: 24 },
      { header: '督办任务', key: 'taskTitle', width: 36 },
      { header: '督办事由', key: 'reason', labels: supervisionReason.labels },
      { header: '督办事项', key: 'content', width: 40 },
      { header: '答复期限', key: 'responseDue', type: 'date' },
      { header: '状态', key: 'status', labels: supervisionStatusLabel },
      { header: '逾期未答复', key: 'answerOverdue', type: 'bool' },
      { header: '逾期天数', key: 'overdueDays', type: 'number' },
      { header: '答复内容', key: 'response', width: 40 },
      { header: '下发人', key: 'issuedByName' },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.orderRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
  supervisionDocumentRoutes(app, deps);
}
