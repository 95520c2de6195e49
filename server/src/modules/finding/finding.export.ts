// 问题清单 export: the same filters, order and scope as GET /api/findings, every row, classification in Chinese.
import {
  area,
  aspect,
  discipline,
  FindingListQuery,
  findingStatusLabel,
  focus,
  majorProblem,
  powerType,
} from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { findingExportBatch } from './finding.repository.ts';

const FINDING_COLUMNS = [
  { header: '单位', key: 'unitName', width: 24 },
  { header: '序号', key: 'seq', type: 'number' as const, width: 8 },
  { header: '问题', key: 'title', width: 36 },
  { header: '问题事实', key: 'facts', width: 60 },
  { header: '四个方面', key: 'aspect', labels: aspect.labels, width: 20 },
  { header: '六项纪律', key: 'discipline', labels: discipline.labels },
  { header: '三大问题', key: 'majorProblem', labels: majorProblem.labels, width: 18 },
  { header: '三个重点', key: 'focus', labels: focus.labels },
  { header: '权力类型', key: 'powerType', labels: powerType.labels, width: 14 },
  { header: '领域', key: 'areas', labels: area.labels, width: 24 },
  { header: '共性问题', key: 'isCommon', type: 'bool' as const },
  { header: '违反中央八项规定精神', key: 'eightRules', type: 'bool' as const },
  { header: '立行立改', key: 'immediate', type: 'bool' as const },
  { header: '立行立改完成时限', key: 'immediateTaskDueDate', type: 'date' as const },
  { header: '状态', key: 'status', labels: findingStatusLabel },
  { header: '整改任务数', key: 'taskCount', type: 'number' as const },
  { header: '已销号任务数', key: 'closedTaskCount', type: 'number' as const },
];

export function findingExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/findings/export',
    permission: 'finding.read',
    querystring: FindingListQuery,
    sheetName: '问题清单',
    fileName: '巡察发现问题清单',
    columns: FINDING_COLUMNS,
    rows: (ctx, query) =>
      exportBatches(({ offset, limit }) => findingExportBatch(ctx.db, ctx.user, query, { offset, limit })),
  });
}
