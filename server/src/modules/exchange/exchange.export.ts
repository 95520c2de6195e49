// The packages received, as a spreadsheet (the upper office's 下级报送汇总): one row per verified import, read
// page by page so the memory stays bounded however many packages the committee holds.
import { ExchangeListQuery } from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { listImports } from './exchange-import.service.ts';

const count = { type: 'number' as const };
const COLUMNS = [
  { header: '报送单位', key: 'sourceCommitteeName', width: 28 },
  { header: '层级', key: 'sourceCommitteeLevel' },
  { header: '起始日期', key: 'from' },
  { header: '截止日期', key: 'to' },
  { header: '轮次', key: 'rounds', ...count },
  { header: '被巡察单位', key: 'units', ...count },
  { header: '巡察数', key: 'inspections', ...count },
  { header: '问题数', key: 'findings', ...count },
  { header: '整改任务', key: 'tasks', ...count },
  { header: '已销号', key: 'closed', ...count },
  { header: '逾期', key: 'overdue', ...count },
  { header: '整改完成率(%)', key: 'rectificationPercent', ...count },
  { header: '移交', key: 'handovers', ...count },
  { header: '签名人指纹', key: 'fingerprint', width: 40 },
  { header: '核验状态', key: 'verified' },
  { header: '导入时间', key: 'importedAt', width: 22 },
];

const PAGE_SIZE = 100;

export function exchangeExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/exchange/imports/export',
    permission: 'exchange.import',
    entity: 'exchange_import',
    querystring: ExchangeListQuery,
    sheetName: '下级报送汇总',
    fileName: '下级报送汇总',
    columns: COLUMNS,
    rows: async function* (ctx, query) {
      for (let page = 1; ; page++) {
        const { items } = await listImports(ctx, { ...query, page, pageSize: PAGE_SIZE });
        for (const row of items) {
          const s = row.statistics;
          yield {
            ...row,
            ...s,
            rectificationPercent: s.rectificationRate === null ? null : Math.round(s.rectificationRate * 1000) / 10,
            verified: '已核验',
          };
        }
        if (items.length < PAGE_SIZE) return;
      }
    },
  });
}
