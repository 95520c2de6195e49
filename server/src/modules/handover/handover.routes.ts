import {
  clueCategory,
  disposition,
  Handover,
  HandoverAccept,
  HandoverConclude,
  HandoverCreate,
  HandoverDetail,
  HandoverListQuery,
  HandoverPage,
  HandoverProgress,
  HandoverReason,
  HandoverSummary,
  handoverKind,
  handoverStatusLabel,
  IdParams,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './handover.service.ts';
import * as steps from './handover-step.service.ts';

// The list, the summary and the recipient steps serve senders and recipients alike: the route only needs a
// session, the service refuses users with no handover permission (403) and the SQL scope does the rest.
const sessionOnly = { authenticated: true } as const;
const one = { 200: Handover };

export function handoverRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/inspections/:id/handovers',
    { config: { permission: 'handover.create' }, schema: { params: IdParams, body: HandoverCreate, response: one } },
    (req) => service.createHandover(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/handovers',
    { config: sessionOnly, schema: { querystring: HandoverListQuery, response: { 200: HandoverPage } } },
    (req) => service.listHandovers(contextOf(deps, req), req.query),
  );
  app.get('/api/handovers/summary', { config: sessionOnly, schema: { response: { 200: HandoverSummary } } }, (req) =>
    service.handoverSummary(contextOf(deps, req)),
  );
  app.get(
    '/api/handovers/:id',
    { config: sessionOnly, schema: { params: IdParams, response: { 200: HandoverDetail } } },
    (req) => service.getHandover(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/handovers/:id/accept',
    { config: sessionOnly, schema: { params: IdParams, body: HandoverAccept, response: one } },
    (req) => steps.acceptHandover(contextOf(deps, req), req.params.id, req.body.handlerName),
  );
  app.post(
    '/api/handovers/:id/decline',
    { config: sessionOnly, schema: { params: IdParams, body: HandoverReason, response: one } },
    (req) => steps.declineHandover(contextOf(deps, req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/handovers/:id/progress',
    { config: sessionOnly, schema: { params: IdParams, body: HandoverProgress, response: one } },
    (req) => steps.progressHandover(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/handovers/:id/conclude',
    { config: sessionOnly, schema: { params: IdParams, body: HandoverConclude, response: one } },
    (req) => steps.concludeHandover(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/handovers/:id/close',
    { config: { permission: 'handover.close' }, schema: { params: IdParams, response: one } },
    (req) => steps.closeHandover(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/handovers/:id/request-more',
    { config: { permission: 'handover.close' }, schema: { params: IdParams, body: HandoverReason, response: one } },
    (req) => steps.requestMoreResult(contextOf(deps, req), req.params.id, req.body.reason),
  );
  registerExport(app, deps, {
    path: '/api/handovers/export',
    permission: 'handover.read',
    querystring: HandoverListQuery,
    sheetName: '移交台账',
    fileName: '移交台账',
    columns: [
      { header: '移交编号', key: 'code', width: 18 },
      { header: '被巡察单位', key: 'unitName', width: 24 },
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '类别', key: 'kind', labels: handoverKind.labels },
      { header: '线索编号', key: 'clueCode' },
      { header: '线索类别', key: 'clueCategory', labels: clueCategory.labels },
      { header: '问题', key: 'findingTitle', width: 40 },
      { header: '接收单位', key: 'recipientName', width: 24 },
      { header: '移交日期', key: 'sentOn', type: 'date' },
      { header: '反馈期限', key: 'dueDate', type: 'date' },
      { header: '状态', key: 'status', labels: handoverStatusLabel },
      { header: '逾期', key: 'overdue', type: 'bool' },
      { header: '逾期天数', key: 'overdueDays', type: 'number' },
      { header: '处置结果', key: 'disposition', labels: disposition.labels, width: 30 },
      { header: '办结日期', key: 'concludedOn', type: 'date' },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.handoverRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
}
