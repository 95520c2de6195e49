// 共性问题: refresh, clusters (list, members, .xlsx), 举一反三 notices and 专项巡察 proposals.
import {
  area,
  aspect,
  ClusterFilter,
  ClusterFindingPage,
  ClusterFindingQuery,
  ClusterPage,
  ClusterParams,
  ClusterQuery,
  CommonProblemRefresh,
  CommonProblemRun,
  discipline,
  NoticeCreate,
  NoticePage,
  NoticeParams,
  NoticeQuery,
  NoticeRow,
  ProposalCreate,
  ProposalDecision,
  ProposalPage,
  ProposalParams,
  ProposalQuery,
  ProposalRow,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as actions from './actions.service.ts';
import * as service from './common-problem.service.ts';

const CLUSTER_COLUMNS = [
  { header: '共性问题', key: 'label', width: 28 },
  { header: '关键词', key: 'terms', width: 36 },
  { header: '问题数', key: 'findingCount', type: 'number' as const },
  { header: '涉及单位数', key: 'unitCount', type: 'number' as const },
  { header: '涉及单位', key: 'unitNames', width: 48 },
  { header: '四个方面', key: 'aspect', labels: aspect.labels, width: 20 },
  { header: '六项纪律', key: 'discipline', labels: discipline.labels },
  { header: '领域', key: 'areas', labels: area.labels, width: 24 },
  { header: '相似度', key: 'cohesion', type: 'number' as const },
  { header: '典型问题', key: 'examples', width: 60 },
];

function clusterRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/common-problems/refresh',
    {
      config: { permission: 'common_problem.manage' },
      schema: { body: CommonProblemRefresh, response: { 200: CommonProblemRun } },
    },
    (req) => service.refresh(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/common-problems/clusters',
    { config: { permission: 'analytics.read' }, schema: { querystring: ClusterQuery, response: { 200: ClusterPage } } },
    (req) => service.clusters(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/common-problems/clusters/:clusterId/findings',
    {
      config: { permission: 'analytics.read' },
      schema: { params: ClusterParams, querystring: ClusterFindingQuery, response: { 200: ClusterFindingPage } },
    },
    (req) => service.clusterFindings(contextOf(deps, req), req.params.clusterId, req.query),
  );
  registerExport(app, deps, {
    path: '/api/common-problems/clusters/export',
    permission: 'analytics.read',
    entity: 'common_problem',
    querystring: ClusterFilter,
    sheetName: '共性问题',
    fileName: '共性问题',
    columns: CLUSTER_COLUMNS,
    rows: async function* (ctx, query) {
      for await (const c of service.allClusters(ctx, query)) {
        yield {
          ...c,
          terms: c.terms.join('、'),
          unitNames: c.units.map((u) => u.name).join('、') + (c.unitCount > c.units.length ? ' 等' : ''),
          examples: c.exampleTitles.join('；'),
        };
      }
    },
  });
}

function actionRoutes(app: App, deps: AppDeps) {
  const manage = { permission: 'common_problem.manage' as const };
  app.post(
    '/api/common-problems/clusters/:clusterId/notices',
    { config: manage, schema: { params: ClusterParams, body: NoticeCreate, response: { 200: NoticeRow } } },
    (req) => actions.createNotice(contextOf(deps, req), req.params.clusterId, req.body),
  );
  app.post(
    '/api/common-problems/notices/:noticeId/publish',
    { config: manage, schema: { params: NoticeParams, response: { 200: NoticeRow } } },
    (req) => actions.publishNotice(contextOf(deps, req), req.params.noticeId),
  );
  app.get(
    '/api/common-problems/notices',
    { config: { permission: 'analytics.read' }, schema: { querystring: NoticeQuery, response: { 200: NoticePage } } },
    (req) => actions.notices(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/common-problems/clusters/:clusterId/proposals',
    { config: manage, schema: { params: ClusterParams, body: ProposalCreate, response: { 200: ProposalRow } } },
    (req) => actions.createProposal(contextOf(deps, req), req.params.clusterId, req.body),
  );
  app.post(
    '/api/common-problems/proposals/:proposalId/decision',
    { config: manage, schema: { params: ProposalParams, body: ProposalDecision, response: { 200: ProposalRow } } },
    (req) => actions.decide(contextOf(deps, req), req.params.proposalId, req.body),
  );
  app.get(
    '/api/common-problems/proposals',
    {
      config: { permission: 'analytics.read' },
      schema: { querystring: ProposalQuery, response: { 200: ProposalPage } },
    },
    (req) => actions.proposals(contextOf(deps, req), req.query),
  );
}

export function commonProblemRoutes(app: App, deps: AppDeps): void {
  clusterRoutes(app, deps);
  actionRoutes(app, deps);
}
