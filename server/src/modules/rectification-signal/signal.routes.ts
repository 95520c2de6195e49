// 整改不实预警: the flagged tasks (list, export), the per-unit summary with the counts per rule, a new scan, and
// the office's decision on a signal.
import {
  SignalHandleInput,
  SignalHandleResult,
  SignalListQuery,
  SignalPage,
  SignalScanInput,
  SignalScanResult,
  SignalSummary,
  SignalSummaryQuery,
  SignalTaskParams,
  signalKind,
  signalStatus,
  taskStatusLabel,
  unitKind,
} from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import { type AppDeps, contextOf } from '../../platform/http/context.ts';
import * as service from './signal.service.ts';

const SIGNAL_COLUMNS = [
  { header: '单位', key: 'unitName', width: 26 },
  { header: '单位类别', key: 'unitKind', labels: unitKind.labels },
  { header: '巡察轮次', key: 'roundName', width: 22 },
  { header: '问题', key: 'findingTitle', width: 30 },
  { header: '任务序号', key: 'taskSeq', type: 'number' as const },
  { header: '整改任务', key: 'taskTitle', width: 30 },
  { header: '任务状态', key: 'taskStatus', labels: taskStatusLabel },
  { header: '完成时限', key: 'dueDate', width: 12 },
  { header: '销号日期', key: 'closedOn', width: 12 },
  { header: '预警类型', key: 'kindText', width: 20 },
  { header: '预警理由', key: 'reasonText', width: 60 },
  { header: '处理状态', key: 'status', labels: signalStatus.labels },
  { header: '核实情况', key: 'note', width: 30 },
  { header: '处理人', key: 'handledByName' },
];

export function signalRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/rectification-signals',
    {
      config: { permission: 'rectification_signal.read' },
      schema: { querystring: SignalListQuery, response: { 200: SignalPage } },
    },
    (req) => service.listSignals(contextOf(deps, req), req.query),
  );
  app.get(
    '/api/rectification-signals/summary',
    {
      config: { permission: 'rectification_signal.read' },
      schema: { querystring: SignalSummaryQuery, response: { 200: SignalSummary } },
    },
    (req) => service.signalSummary(contextOf(deps, req), req.query),
  );
  app.post(
    '/api/rectification-signals/scan',
    {
      config: { permission: 'supervision.issue' },
      schema: { body: SignalScanInput, response: { 200: SignalScanResult } },
    },
    (req) => service.scanSignals(contextOf(deps, req), req.body),
  );
  app.post(
    '/api/rectification-signals/:taskId/handle',
    {
      config: { permission: 'supervision.issue' },
      schema: { params: SignalTaskParams, body: SignalHandleInput, response: { 200: SignalHandleResult } },
    },
    (req) => service.handleSignal(contextOf(deps, req), req.params.taskId, req.body),
  );
  registerExport(app, deps, {
    path: '/api/rectification-signals/export',
    permission: 'rectification_signal.read',
    entity: 'rectification_signal',
    querystring: SignalListQuery,
    sheetName: '整改不实预警',
    fileName: '整改不实预警',
    columns: SIGNAL_COLUMNS,
    rows: async function* (ctx, query) {
      for await (const row of service.exportSignals(ctx, query)) {
        yield {
          ...row,
          kindText: row.kinds.map((k) => signalKind.labels[k]).join('、'),
          reasonText: row.reasons.join('；'),
        };
      }
    },
  });
}
