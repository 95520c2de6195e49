// 风险排序: the ranking, its .xlsx export, and the committee's weights (current, history, save).
import {
  RISK_FACTORS,
  RiskRankingFilter,
  RiskRankingPage,
  RiskRankingQuery,
  RiskWeightHistoryPage,
  RiskWeightHistoryQuery,
  RiskWeightsQuery,
  RiskWeightsUpdate,
  RiskWeightsView,
  riskFactorLabel,
  riskSelectionReason,
  unitKind,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './risk.service.ts';

const RISK_COLUMNS = [
  { header: '排名', key: 'rank', type: 'number' as const, width: 8 },
  { header: '单位', key: 'unitName', width: 28 },
  { header: '单位类别', key: 'unitKind', labels: unitKind.labels },
  { header: '风险分', key: 'score', type: 'number' as const, width: 10 },
  ...RISK_FACTORS.map((f) => ({ header: `${riskFactorLabel[f]}(加分)`, key: `c_${f}`, type: 'number' as const })),
  { header: '最近巡察日期', key: 'lastInspectedOn', type: 'date' as const },
  { header: '已反馈问题', key: 'findings', type: 'number' as const },
  { header: '问题线索', key: 'clues', type: 'number' as const },
  { header: '整改任务', key: 'tasks', type: 'number' as const },
  { header: '逾期任务', key: 'overdueTasks', type: 'number' as const },
  { header: '评分说明', key: 'reason', width: 80 },
];

export function riskRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/risk-ranking',
    {
      config: { permission: 'risk.read' },
      schema: { querystring: RiskRankingQuery, response: { 200: RiskRankingPage } },
    },
    (req) => service.ranking(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/risk-weights',
    {
      config: { permission: 'risk.read' },
      schema: { querystring: RiskWeightsQuery, response: { 200: RiskWeightsView } },
    },
    (req) => service.getWeights(contextOf(deps, req), req.query),
  );
  app.put(
    '/api/risk-weights',
    {
      config: { permission: 'risk.configure' },
      schema: { body: RiskWeightsUpdate, response: { 200: RiskWeightsView } },
    },
    (req) => service.updateWeights(contextOf(deps, req), req.body),
  );
  app.get(
    '/api/risk-weights/history',
    {
      config: { permission: 'risk.read' },
      schema: { querystring: RiskWeightHistoryQuery, response: { 200: RiskWeightHistoryPage } },
    },
    (req) => service.weightHistory(contextOf(deps, req), req.query),
  );
  registerExport(app, deps, {
    path: '/api/risk-ranking/export',
    permission: 'risk.read',
    entity: 'risk_ranking',
    querystring: RiskRankingFilter,
    sheetName: '风险排序',
    fileName: '单位风险排序',
    columns: RISK_COLUMNS,
    rows: async function* (ctx, query) {
      for (const row of await service.rankingForExport(ctx, query)) {
        yield {
          rank: row.rank,
          unitName: row.unitName,
          unitKind: row.unitKind,
          score: row.score,
          ...Object.fromEntries(RISK_FACTORS.map((f) => [`c_${f}`, row.factors[f].contribution])),
          lastInspectedOn: row.inputs.lastInspectedOn,
          findings: row.inputs.findings,
          clues: row.inputs.clues,
          tasks: row.inputs.tasks,
          overdueTasks: row.inputs.overdueTasks,
          reason: riskSelectionReason(row),
        };
      }
    },
  });
}
