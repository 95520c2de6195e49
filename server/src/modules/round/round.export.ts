// 巡察轮次表 as .xlsx, same filters and scope as the list.
import { RoundListQuery } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { listRounds } from './round.repository.ts';

export function roundExport(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/rounds/export',
    permission: 'round.read',
    querystring: RoundListQuery,
    sheetName: '巡察轮次',
    fileName: '巡察轮次表',
    columns: [
      { header: '轮次名称', key: 'name', width: 28 },
      { header: '年度', key: 'year', type: 'number' },
      { header: '轮次', key: 'seq', type: 'number' },
      { header: '开始日期', key: 'startDate', type: 'date' },
      { header: '结束日期', key: 'endDate', type: 'date' },
      { header: '动员部署会', key: 'mobilisedOn', type: 'date' },
      { header: '巡察组数', key: 'teamCount', type: 'number' },
      { header: '巡察对象数', key: 'inspectionCount', type: 'number' },
    ],
    rows: (ctx, query) =>
      exportBatches(async ({ offset, limit }) => {
        const page = await listRounds(ctx.db, ctx.user, { ...query, page: offset / limit + 1, pageSize: limit });
        return page.items;
      }),
  });
}
