// 人才库名册 (.xlsx): the import columns first, under the import's sheet name and headers (so a 名册
// imports into another 人才库 unchanged), then the record the system keeps (参加巡察, 培训, 表彰).
import { CadreFilter, cadreSkillLabel, genderLabel } from '@xuncha/contracts';
import type { XlsxColumn } from '../../documents/xlsx/columns.ts';
import { registerExport } from '../../documents/xlsx/export.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { cadreImportSpec } from './cadre.import.ts';
import * as service from './cadre.service.ts';

// the import reads labels back to codes; the export writes codes as these labels
const exportLabels: Record<string, Record<string, string>> = { gender: genderLabel, skills: cadreSkillLabel };

export const CADRE_ROSTER_COLUMNS: XlsxColumn[] = [
  ...cadreImportSpec.columns.map(({ header, key, type, width }) => ({
    header,
    key,
    ...(type ? { type } : {}),
    ...(width ? { width } : {}),
    ...(exportLabels[key] ? { labels: exportLabels[key] } : {}),
  })),
  { header: '参加巡察次数', key: 'participationCount', type: 'number' },
  { header: '最近参加轮次', key: 'lastRoundName', width: 28 },
  { header: '培训次数', key: 'trainingCount', type: 'number' },
  { header: '表彰次数', key: 'commendationCount', type: 'number' },
  { header: '在库', key: 'active', type: 'bool', width: 6 },
];

export function cadreExportRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/cadres/export',
    permission: 'cadre.read',
    querystring: CadreFilter,
    sheetName: cadreImportSpec.sheetName,
    fileName: '人才库名册',
    columns: CADRE_ROSTER_COLUMNS,
    rows: (ctx, query) => service.cadreRows(ctx, query),
  });
}
