// Routes of the rectification case: list/export, overview, sign-off, evaluations, publications and the
// public (no login) list of a round's publications. Reports (multipart) are in rectification-report.routes.ts.
import {
  EvaluationInput,
  evaluationResult,
  IdParams,
  Publication,
  PublicationInput,
  PublicationList,
  PublicationParams,
  PublicRoundParams,
  PublicRoundPublications,
  planStatusLabel,
  RectificationDetail,
  RectificationEvaluation,
  RectificationEvaluationList,
  RectificationListQuery,
  RectificationPage,
  rectificationStatusLabel,
  SignOffInput,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as evaluations from './evaluation.service.ts';
import * as publications from './publication.service.ts';
import * as service from './rectification.service.ts';

const read = { permission: 'rectification.read' } as const;

export function rectificationRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/rectifications',
    { config: read, schema: { querystring: RectificationListQuery, response: { 200: RectificationPage } } },
    (req) => service.listCases(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/rectifications/:id',
    { config: read, schema: { params: IdParams, response: { 200: RectificationDetail } } },
    (req) => service.getCase(contextOf(deps, req), req.params.id),
  );
  app.get(
    '/api/inspections/:id/rectification',
    { config: read, schema: { params: IdParams, response: { 200: RectificationDetail } } },
    (req) => service.getCaseOfInspection(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/rectifications/:id/sign-off',
    {
      config: { permission: 'rectification.sign_off' },
      schema: { params: IdParams, body: SignOffInput, response: { 200: RectificationDetail } },
    },
    (req) => service.signOff(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/rectifications/:id/evaluations',
    { config: read, schema: { params: IdParams, response: { 200: RectificationEvaluationList } } },
    (req) => evaluations.listEvaluations(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/rectifications/:id/evaluations',
    {
      config: { permission: 'evaluation.manage' },
      schema: { params: IdParams, body: EvaluationInput, response: { 200: RectificationEvaluation } },
    },
    (req) => evaluations.evaluate(contextOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/rectifications/:id/publications',
    { config: read, schema: { params: IdParams, response: { 200: PublicationList } } },
    (req) => publications.listPublications(contextOf(deps, req), req.params.id),
  );
  app.post(
    '/api/rectifications/:id/publications',
    {
      config: { permission: 'publication.manage' },
      schema: { params: IdParams, body: PublicationInput, response: { 200: Publication } },
    },
    (req) => publications.publish(contextOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/rectifications/:id/publications/:pid/withdraw',
    {
      config: { permission: 'publication.manage' },
      schema: { params: PublicationParams, response: { 200: Publication } },
    },
    (req) => publications.withdraw(contextOf(deps, req), req.params.id, req.params.pid),
  );
  // Outside the login: only what was written for publication (no ids, no people). The app has no rate
  // limiter for anonymous routes yet; the answer is one bounded, indexed query.
  app.get(
    '/api/public/rounds/:roundId/publications',
    { config: { public: true }, schema: { params: PublicRoundParams, response: { 200: PublicRoundPublications } } },
    (req) => publications.publicRoundPublications(deps.db, deps.clock, req.params.roundId),
  );
  registerExport(app, deps, {
    path: '/api/rectifications/export',
    permission: 'rectification.read',
    querystring: RectificationListQuery,
    sheetName: '整改监督',
    fileName: '整改监督台账',
    columns: [
      { header: '被巡察单位', key: 'unitName', width: 24 },
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '巡察组', key: 'teamName', width: 18 },
      { header: '反馈日期', key: 'feedbackDate', type: 'date' },
      { header: '整改方案', key: 'planStatus', labels: planStatusLabel },
      { header: '方案报送期限', key: 'planDue', type: 'date' },
      { header: '整改报告期限', key: 'reportDue', type: 'date' },
      { header: '整改报告已报送', key: 'reportSubmitted', type: 'bool' },
      { header: '问题数', key: 'findings', type: 'number' },
      { header: '任务数', key: 'tasksTotal', type: 'number' },
      { header: '已销号', key: 'tasksClosed', type: 'number' },
      { header: '逾期任务', key: 'tasksOverdue', type: 'number' },
      { header: '被退回任务', key: 'tasksReturned', type: 'number' },
      { header: '最近评估', key: 'evaluation', labels: evaluationResult.labels },
      { header: '状态', key: 'status', labels: rectificationStatusLabel },
    ],
    rows: (ctx, filter) =>
      exportBatches(async ({ offset, limit }) => {
        const page = Math.floor(offset / limit) + 1;
        const { items } = await service.caseRows(ctx, { ...filter, page, pageSize: limit });
        return items.map((c) => ({ ...c, evaluation: c.latestEvaluation?.result ?? null }));
      }),
  });
}
