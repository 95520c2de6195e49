// Checks an org-tree import against itself and the committee's existing units, pure: which rows
// create a unit, which update one, every unit's parent afterwards, and every row's problems.
import { randomUUID } from 'node:crypto';
import type { FieldError } from '@xuncha/contracts';
import { columnLetter } from '../../documents/xlsx/columns.ts';
import type { ImportRow } from '../../documents/xlsx/import.ts';
import { villageClassError } from './unit.service.ts';
import { UNIT_IMPORT_COLUMNS, type UnitImportKey, unitImportSpec } from './unit-import.spec.ts';

export interface ExistingUnit {
  id: string;
  code: string | null;
  name: string;
  parentId: string | null;
  active: boolean;
}

export interface PlannedRow {
  id: string;
  row: ImportRow;
  existing: ExistingUnit | undefined;
  parentId: string | null;
}

const CODE = /^[0-9A-Za-z-]{1,30}$/;

function cell(key: UnitImportKey, rowNumber: number): string {
  const index = UNIT_IMPORT_COLUMNS.findIndex((c) => c.key === key);
  return `${unitImportSpec.sheetName}!${columnLetter(index + 1)}${rowNumber}`;
}

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Problems of one row on its own (ranges and combinations the column types cannot express). */
function rowProblems(row: ImportRow): [UnitImportKey, string][] {
  const problems: [UnitImportKey, string][] = [];
  if (!CODE.test(String(row.code))) problems.push(['code', '单位代码只能由字母、数字和“-”组成，最多 30 位']);
  const village = villageClassError(String(row.kind), row.villageClass as string | null);
  if (village) problems.push(['villageClass', village]);
  if (row.socialAttention !== null && !isInt(row.socialAttention, 1, 5)) {
    problems.push(['socialAttention', '社会关注度应为 1–5 的整数']);
  }
  if (row.projectCount !== null && !isInt(row.projectCount, 0, 100_000)) {
    problems.push(['projectCount', '工程项目数应为不小于 0 的整数']);
  }
  if (row.fundVolume !== null && Number(row.fundVolume) < 0) problems.push(['fundVolume', '资金量不能为负数']);
  if (row.sortOrder !== null && !isInt(row.sortOrder, 0, 100_000))
    problems.push(['sortOrder', '排序号应为不小于 0 的整数']);
  return problems;
}

/** Walks up from `start`; true when it comes back to it (the file would make a unit its own ancestor). */
function inCycle(start: string, parentOf: (id: string) => string | null, limit: number): boolean {
  let current = parentOf(start);
  for (let steps = 0; current !== null && steps <= limit; steps += 1) {
    if (current === start) return true;
    current = parentOf(current);
  }
  return false;
}

export function planImport(rows: ImportRow[], existing: ExistingUnit[]) {
  const errors: FieldError[] = [];
  const fail = (key: UnitImportKey, rowNumber: number, message: string) =>
    errors.push({ path: cell(key, rowNumber), message: `第 ${rowNumber} 行：${message}` });
  const byCode = new Map(existing.filter((u) => u.code).map((u) => [u.code as string, u]));
  const byId = new Map(existing.map((u) => [u.id, u]));
  const planned = rows.map((row) => {
    const current = byCode.get(String(row.code));
    return { id: current?.id ?? randomUUID(), row, existing: current, parentId: null as string | null };
  });
  const fileByCode = new Map(planned.map((p) => [String(p.row.code), p]));

  for (const p of planned) {
    for (const [key, message] of rowProblems(p.row)) fail(key, p.row.rowNumber, message);
    if (p.existing && !p.existing.active)
      fail('code', p.row.rowNumber, `单位“${p.existing.name}”已撤销或合并，不能通过导入修改`);
    const parentCode = p.row.parentCode === null ? null : String(p.row.parentCode);
    if (parentCode === null) continue;
    if (parentCode === p.row.code) {
      fail('parentCode', p.row.rowNumber, '上级单位不能是本单位');
      continue;
    }
    const parent = fileByCode.get(parentCode)?.id ?? byCode.get(parentCode)?.id;
    if (!parent) fail('parentCode', p.row.rowNumber, `上级单位代码“${parentCode}”在本文件和本党委的单位中都不存在`);
    else if (!fileByCode.has(parentCode) && byCode.get(parentCode)?.active === false) {
      fail('parentCode', p.row.rowNumber, `上级单位“${byCode.get(parentCode)?.name}”已撤销`);
    } else p.parentId = parent;
  }

  const plannedById = new Map(planned.map((p) => [p.id, p]));
  const parentOf = (id: string) => {
    const p = plannedById.get(id);
    return p ? p.parentId : (byId.get(id)?.parentId ?? null);
  };
  for (const p of planned) {
    if (p.parentId && inCycle(p.id, parentOf, planned.length + existing.length)) {
      fail('parentCode', p.row.rowNumber, '上级单位关系形成循环（单位不能成为自己的下级）');
    }
  }
  return { planned, errors };
}
