// 巡察组名册 as .xlsx, same filters and scope as the list.
import { TeamListQuery } from '@xuncha/contracts';
import { exportBatches, registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { listTeams } from './team.repository.ts';

export function teamExport(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/teams/export',
    permission: 'team.read',
    querystring: TeamListQuery,
    sheetName: '巡察组',
    fileName: '巡察组名册',
    columns: [
      { header: '巡察轮次', key: 'roundName', width: 24 },
      { header: '巡察组', key: 'name', width: 20 },
      { header: '组长', key: 'leaderName' },
      { header: '在组人数', key: 'memberCount', type: 'number' },
      { header: '巡察对象数', key: 'targetCount', type: 'number' },
    ],
    rows: (ctx, query) =>
      exportBatches(async ({ offset, limit }) => {
        const page = await listTeams(ctx.db, ctx.user, { ...query, page: offset / limit + 1, pageSize: limit });
        return page.items;
      }),
  });
}
