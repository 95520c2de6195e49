// The org tree as .xlsx: export of the filtered list, the import template and the import. The export
// carries every import column under the same header, so an exported sheet can be edited and imported back.
import { UnitListQuery, unitKind, villageClass } from '@xuncha/contracts';
import { registerExport } from '../../documents/xlsx/export.ts';
import { registerImport, registerTemplate } from '../../documents/xlsx/import-routes.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { unitsForExport } from './unit.service.ts';
import { UNIT_IMPORT_COLUMNS, unitImportSpec } from './unit-import.spec.ts';
import { importUnits } from './unit-import.ts';

const exportColumns = UNIT_IMPORT_COLUMNS.map(({ header, key, ...column }) => ({
  header,
  // the export shows the manual date under the import header; the derived one gets its own column
  key: key === 'lastInspectedOn' ? 'manualLastInspectedOn' : key,
  ...('type' in column ? { type: column.type } : {}),
  ...('labels' in column ? { labels: key === 'kind' ? unitKind.labels : villageClass.labels } : {}),
}));

export function unitXlsxRoutes(app: App, deps: AppDeps) {
  registerExport(app, deps, {
    path: '/api/units/export',
    permission: 'unit.read',
    querystring: UnitListQuery,
    sheetName: '单位',
    fileName: '单位名册',
    entity: 'org_unit',
    columns: [
      ...exportColumns,
      { header: '上级单位', key: 'parentName', width: 28 },
      { header: '最近巡察日期', key: 'lastInspectedOn', type: 'date' },
      { header: '状态', key: 'status', labels: { active: '正常', inactive: '已撤销' } },
    ],
    rows: async function* (ctx, query) {
      for await (const unit of unitsForExport(ctx, { ...query, page: 1, pageSize: 1000 })) {
        yield { ...unit, status: unit.active ? 'active' : 'inactive' };
      }
    },
  });
  registerTemplate(app, deps, { path: '/api/units/import-template', permission: 'unit.create', spec: unitImportSpec });
  registerImport(app, deps, {
    path: '/api/units/import',
    permission: 'unit.create',
    entity: 'org_unit',
    spec: unitImportSpec,
    apply: (tx, ctx, rows) => importUnits(tx, ctx, rows),
  });
}
