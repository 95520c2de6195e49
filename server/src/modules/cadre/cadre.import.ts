// 人才库 import from .xlsx (all-or-nothing): the 人才库名册 columns, units matched by name to the tree.
// The export (cadre.export.ts) writes the same sheet and headers, so an exported 名册 imports into
// another committee's 人才库 unchanged; a person already in the 人才库 (same 姓名 and 所在单位) is refused.

import type { FieldError } from '@xuncha/contracts';
import { type CadreSkill, cadreSkillLabel, genderLabel } from '@xuncha/contracts';
import { type ImportRow, type ImportSpec, importInvalid } from '../../documents/xlsx/import.ts';
import { registerImport, registerTemplate } from '../../documents/xlsx/import-routes.ts';
import type { Tx } from '../../platform/db.ts';
import { forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app.ts';
import type { AppDeps, RequestContext } from '../../platform/http/context.ts';
import { mayManage } from './cadre.policy.ts';

const invert = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code]));
const skillByLabel = invert(cadreSkillLabel) as Record<string, CadreSkill>;
const SHEET = '人才库名册';

export const cadreImportSpec: ImportSpec = {
  sheetName: SHEET,
  columns: [
    { header: '姓名', key: 'name', required: true, maxLength: 30, width: 10 },
    { header: '性别', key: 'gender', labels: invert(genderLabel), width: 6 },
    { header: '出生年份', key: 'birthYear', type: 'number', width: 10 },
    { header: '所在单位', key: 'homeUnitName', required: true, maxLength: 100, width: 28 },
    { header: '职务', key: 'post', required: true, maxLength: 50, width: 20 },
    { header: '职级', key: 'rank', maxLength: 30, width: 12 },
    { header: '联系电话', key: 'phone', maxLength: 20, width: 16 },
    { header: '专长', key: 'skills', maxLength: 100, width: 24 },
    { header: '备注', key: 'notes', maxLength: 500, width: 30 },
  ],
  uniqueKey: ['name', 'homeUnitName'],
};

/** `审计、财务` (or commas) → codes; unknown labels are reported by cell. */
function skillsOf(row: ImportRow, errors: FieldError[]): CadreSkill[] {
  const labels = String(row.skills ?? '')
    .split(/[、,，\s]+/)
    .filter(Boolean);
  const unknown = labels.filter((label) => !skillByLabel[label]);
  if (unknown.length)
    errors.push({
      path: `${SHEET}!H${row.rowNumber}`,
      message: `专长“${unknown.join('、')}”不在可选范围内（${Object.values(cadreSkillLabel).join('、')}）`,
    });
  return labels.flatMap((label) => (skillByLabel[label] ? [skillByLabel[label]] : []));
}

/** Rows naming someone the 人才库 already holds: importing the same 名册 twice must not double it. */
async function alreadyInPool(tx: Tx, committeeId: string, rows: ImportRow[]): Promise<FieldError[]> {
  const existing = await tx
    .selectFrom('cadre')
    .select(['name', 'home_unit_name'])
    .where('committee_id', '=', committeeId)
    .where(
      'name',
      'in',
      rows.map((r) => String(r.name)),
    )
    .execute();
  const known = new Set(existing.map((c) => `${c.name}\u0000${c.home_unit_name}`));
  return rows
    .filter((r) => known.has(`${r.name}\u0000${r.homeUnitName}`))
    .map((r) => ({
      path: `${SHEET}!A${r.rowNumber}`,
      message: `人才库中已有“${r.homeUnitName}”的“${r.name}”，不能重复导入（如需修改请在系统中编辑）`,
    }));
}

async function applyImport(tx: Tx, ctx: RequestContext, rows: ImportRow[]) {
  const committeeId = ctx.user.committeeId;
  if (!committeeId || !mayManage(ctx.user, committeeId)) throw forbidden('无权维护人才库');
  const names = [...new Set(rows.map((r) => String(r.homeUnitName)))];
  const units = new Map(
    (
      await tx
        .selectFrom('org_unit')
        .select(['id', 'name'])
        .where('committee_id', '=', committeeId)
        .where('name', 'in', names)
        .execute()
    ).map((u) => [u.name, u.id]),
  );
  const errors: FieldError[] = [];
  const values = rows.map((row) => ({
    committee_id: committeeId,
    name: String(row.name),
    gender: row.gender === null ? null : String(row.gender),
    birth_year: typeof row.birthYear === 'number' ? Math.trunc(row.birthYear) : null,
    // a unit of the tree by exact name (回避 then applies); otherwise the typed name alone
    home_unit_id: units.get(String(row.homeUnitName)) ?? null,
    home_unit_name: String(row.homeUnitName),
    post: String(row.post),
    rank: row.rank === null ? null : String(row.rank),
    phone: row.phone === null ? null : String(row.phone),
    skills: skillsOf(row, errors),
    notes: row.notes === null ? null : String(row.notes),
  }));
  errors.push(...(await alreadyInPool(tx, committeeId, rows)));
  if (errors.length)
    throw importInvalid(`导入文件有 ${errors.length} 处错误，请修改后重新导入；本次未导入任何数据`, errors);
  await tx.insertInto('cadre').values(values).execute();
}

export function cadreImportRoutes(app: App, deps: AppDeps) {
  registerTemplate(app, deps, {
    path: '/api/cadres/import-template',
    permission: 'cadre.manage',
    spec: cadreImportSpec,
  });
  registerImport(app, deps, {
    path: '/api/cadres/import',
    permission: 'cadre.manage',
    spec: cadreImportSpec,
    apply: applyImport,
  });
}
