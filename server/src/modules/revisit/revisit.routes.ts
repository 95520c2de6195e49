import {
  IdParams,
  Revisit,
  RevisitCancel,
  RevisitConduct,
  RevisitCreate,
  RevisitDetail,
  RevisitListQuery,
  RevisitPage,
  revisitKind,
  revisitOutcome,
  revisitStatusLabel,
} from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { revisitReport } from '../../documents/templates/revisit.ts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import { shanghaiToday } from '../../platform/clock.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { committeeOf } from '../handover/handover-write.repository.ts';
import * as service from './revisit.service.ts';
import { conductRevisit } from './revisit-conduct.service.ts';

const one = { 200: Revisit };

export function revisitRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/rectifications/:id/revisits',
    { config: { permission: 'revisit.manage' }, schema: { params: IdParams, body: RevisitCreate, response: one } },
    (req) => service.planRevisit(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/revisits',
    {
      config: { permission: 'revisit.read' },
      schema: { querystring: RevisitListQuery, response: { 200: RevisitPage } },
    },
    (req) => service.listRevisits(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/revisits/:id',
    { config: { permission: 'revisit.read' }, schema: { params: IdParams, response: { 200: RevisitDetail } } },
    (req) => service.getRevisit(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/revisits/:id/conduct',
    { config: { permission: 'revisit.manage' }, schema: { params: IdParams, body: RevisitConduct, response: one } },
    (req) => conductRevisit(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/revisits/:id/cancel',
    { config: { permission: 'revisit.manage' }, schema: { params: IdParams, body: RevisitCancel, response: one } },
    (req) => service.cancelRevisit(contextOf(deps, req), req.params.id, req.body.reason),
  );
  registerExport(app, deps, {
    path: '/api/revisits/export',
    permission: 'revisit.read',
    querystring: RevisitListQuery,
    sheetName: '回访台账',
    fileName: '回访台账',
    columns: [
      { header: '被回访单位', key: 'unitName', width: 24 },
      { header: '类别', key: 'kind', labels: revisitKind.labels },
      { header: '计划日期', key: 'plannedOn', type: 'date' },
      { header: '状态', key: 'status', labels: revisitStatusLabel },
      { header: '逾期未开展', key: 'late', type: 'bool' },
      { header: '回访日期', key: 'conductedOn', type: 'date' },
      { header: '稳固', key: 'stableCount', type: 'number' },
      { header: '反弹', key: 'reboundCount', type: 'number' },
      { header: '回访情况', key: 'summary', width: 40 },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.revisitRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
  registerDocument(app, deps, {
    path: '/api/revisits/:id/document',
    permission: 'revisit.read',
    fileName: async (ctx, id) => `回访报告_${(await service.loadRevisit(ctx.db, ctx, id)).unitName}.docx`,
    build: async (ctx, id) => {
      const detail = await service.getRevisit(ctx, id);
      const row = await service.loadRevisit(ctx.db, ctx, id);
      const committee = await committeeOf(ctx.db, row.committeeId);
      return revisitReport({
        committeeName: committee.name,
        unitName: detail.unitName,
        kindLabel: revisitKind.labels[detail.kind],
        conductedOn: detail.conductedOn,
        plannedOn: detail.plannedOn,
        summary: detail.summary,
        outcomes: detail.outcomes.map((o) => ({
          taskTitle: o.taskTitle,
          outcomeLabel: revisitOutcome.labels[o.outcome],
          note: o.note,
          handling: o.reopened
            ? '已重新打开任务'
            : o.newFindingTitle
              ? `已作为新问题“${o.newFindingTitle}”立项`
              : o.outcome === 'rebound'
                ? '反弹'
                : null,
        })),
        date: detail.conductedOn ?? shanghaiToday(ctx.clock),
      });
    },
  });
}
