import {
  Accountability,
  AccountabilityDecide,
  AccountabilityDetail,
  AccountabilityListQuery,
  AccountabilityPage,
  AccountabilityPropose,
  AccountabilityWithdraw,
  accountabilityGround,
  accountabilityMeasure,
  accountabilityStatusLabel,
  IdParams,
} from '@xuncha/contracts';
import { registerDocument } from '../../documents/docx/register.ts';
import { accountabilityProposal } from '../../documents/templates/accountability.ts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import { committeeOf } from '../handover/handover-write.repository.ts';
import * as service from './accountability.service.ts';

const one = { 200: Accountability };

export function accountabilityRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/rectifications/:id/accountability',
    {
      config: { permission: 'accountability.propose' },
      schema: { params: IdParams, body: AccountabilityPropose, response: one },
    },
    (req) => service.proposeAccountability(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/accountability',
    {
      config: { permission: 'accountability.read' },
      schema: { querystring: AccountabilityListQuery, response: { 200: AccountabilityPage } },
    },
    (req) => service.listAccountability(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/accountability/:id',
    {
      config: { permission: 'accountability.read' },
      schema: { params: IdParams, response: { 200: AccountabilityDetail } },
    },
    (req) => service.getAccountability(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/accountability/:id/decide',
    {
      config: { permission: 'accountability.decide' },
      schema: { params: IdParams, body: AccountabilityDecide, response: one },
    },
    (req) => service.decideAccountability(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/accountability/:id/withdraw',
    // the proposer (accountability.propose) or 巡察办: the service decides which
    { config: { authenticated: true }, schema: { params: IdParams, body: AccountabilityWithdraw, response: one } },
    (req) => service.withdrawAccountability(contextOf(deps, req), req.params.id, req.body.reason),
  );
  registerExport(app, deps, {
    path: '/api/accountability/export',
    permission: 'accountability.read',
    querystring: AccountabilityListQuery,
    sheetName: '问责清单',
    fileName: '问责清单',
    columns: [
      { header: '单位', key: 'unitName', width: 24 },
      { header: '被问责人', key: 'personName' },
      { header: '职务', key: 'personPost', width: 24 },
      { header: '问责情形', key: 'ground', labels: accountabilityGround.labels },
      { header: '问责事实', key: 'facts', width: 40 },
      { header: '建议方式', key: 'proposedMeasure', labels: accountabilityMeasure.labels },
      { header: '状态', key: 'status', labels: accountabilityStatusLabel },
      { header: '决定方式', key: 'decidedMeasure', labels: accountabilityMeasure.labels },
      { header: '决定文号', key: 'decisionDocNo', width: 20 },
      { header: '决定日期', key: 'decidedOn', type: 'date' },
      { header: '提出人', key: 'proposedByName' },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        return (await service.accountabilityRows(ctx, { ...filter, page, pageSize: limit })).items;
      }),
  });
  registerDocument(app, deps, {
    path: '/api/accountability/:id/document',
    permission: 'accountability.read',
    fileName: async (ctx, id) => {
      const row = await service.loadAccountability(ctx.db, ctx, id);
      return `问责建议_${row.unitName}_${row.personName}.docx`;
    },
    build: async (ctx, id) => {
      const detail = await service.getAccountability(ctx, id);
      const row = await service.loadAccountability(ctx.db, ctx, id);
      const committee = await committeeOf(ctx.db, row.committeeId);
      return accountabilityProposal({
        committeeName: committee.name,
        unitName: detail.unitName,
        personName: detail.personName,
        personPost: detail.personPost,
        groundLabel: accountabilityGround.labels[detail.ground],
        facts: detail.facts,
        measureLabel: accountabilityMeasure.labels[detail.proposedMeasure],
        linked: [...detail.findings.map((f) => `问题：${f.title}`), ...detail.tasks.map((t) => `任务：${t.title}`)],
        date: detail.proposedAt.slice(0, 10),
      });
    },
  });
}
