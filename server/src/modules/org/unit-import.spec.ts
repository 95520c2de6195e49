// The columns of the org-tree import (and of the export, which uses the same headers).
import { unitKind, villageClass } from '@xuncha/contracts';
import type { ImportColumn, ImportSpec } from '../../documents/xlsx/import.ts';

const invert = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [v, k]));

/** Import columns in template order; `key` is the field of the parsed row. */
export const UNIT_IMPORT_COLUMNS = [
  { header: '单位代码', key: 'code', required: true, maxLength: 30 },
  { header: '单位名称', key: 'name', required: true, maxLength: 100 },
  { header: '单位类别', key: 'kind', required: true, labels: invert(unitKind.labels) },
  { header: '上级单位代码', key: 'parentCode', maxLength: 30 },
  { header: '主要负责人', key: 'headName', maxLength: 50 },
  { header: '书记', key: 'secretaryName', maxLength: 50 },
  { header: '社会关注度', key: 'socialAttention', type: 'number' },
  { header: '资金量（万元）', key: 'fundVolume', type: 'money' },
  { header: '工程项目数', key: 'projectCount', type: 'number' },
  { header: '有审批权', key: 'hasApprovalPower', type: 'bool' },
  { header: '有执法权', key: 'hasEnforcementPower', type: 'bool' },
  { header: '上次巡察日期（系统外）', key: 'lastInspectedOn', type: 'date' },
  { header: '村居分类', key: 'villageClass', labels: invert(villageClass.labels) },
  { header: '排序号', key: 'sortOrder', type: 'number' },
] as const satisfies readonly ImportColumn[];
export type UnitImportKey = (typeof UNIT_IMPORT_COLUMNS)[number]['key'];

export const unitImportSpec: ImportSpec = {
  sheetName: '单位',
  columns: [...UNIT_IMPORT_COLUMNS],
  uniqueKey: ['code'],
};
