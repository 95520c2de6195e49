import { AppraisalFilter, AppraisalListQuery, AppraisalPage, appraisalGradeLabel } from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './appraisal.service.ts';

/** 综合鉴定 list for 组织部 and the office (creating one is under /api/cadres/:id/appraisals). */
export function appraisalRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/appraisals',
    {
      config: { permission: 'cadre.read' },
      schema: { querystring: AppraisalListQuery, response: { 200: AppraisalPage } },
    },
    (req) => service.listAppraisals(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/appraisals/export',
    permission: 'cadre.read',
    entity: 'cadre_appraisal',
    querystring: AppraisalFilter,
    sheetName: '综合鉴定',
    fileName: '巡察干部综合鉴定',
    columns: [
      { header: '姓名', key: 'cadreName', width: 10 },
      { header: '所在单位', key: 'homeUnitName', width: 28 },
      { header: '巡察轮次', key: 'roundName', width: 28 },
      { header: '巡察组', key: 'teamName', width: 18 },
      { header: '鉴定等次', key: 'grade', width: 10, labels: appraisalGradeLabel },
      { header: '鉴定意见', key: 'comment', width: 50 },
      { header: '鉴定人', key: 'appraisedByName', width: 10 },
      { header: '鉴定日期', key: 'appraisedOn', type: 'date' },
    ],
    rows: (ctx, query) => service.appraisalRows(ctx, query),
  });
}
