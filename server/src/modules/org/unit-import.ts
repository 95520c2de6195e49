// Applies a checked org-tree import in the caller's transaction: new units are inserted, existing ones
// (same 单位代码) updated, parents set, then every path of the committee's tree recomputed in one
// statement. Any problem → 422 with every bad row, and nothing is written.
import type { UnitAttributes } from '@xuncha/contracts';
import { sql } from 'kysely';
import { can, committeeRecord } from '../../access/scope.ts';
import { type ImportRow, importInvalid } from '../../documents/xlsx/import.ts';
import type { Tx } from '../../platform/db.ts';
import { forbidden } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/context.ts';
import { insertUnitEvents } from './unit.repository.ts';
import { attributeColumns } from './unit.service.ts';
import { type ExistingUnit, type PlannedRow, planImport } from './unit-import.plan.ts';

const BATCH = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function existingUnits(tx: Tx, committeeId: string): Promise<ExistingUnit[]> {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'parent_id as parentId', 'active'])
    .where('committee_id', '=', committeeId)
    .execute();
}

/** The row's attributes as the API would take them (a blank cell clears the value). */
function attributesOf(row: ImportRow): UnitAttributes {
  return {
    kind: row.kind as UnitAttributes['kind'],
    code: row.code as string,
    headName: row.headName as string | null,
    secretaryName: row.secretaryName as string | null,
    socialAttention: row.socialAttention as number | null,
    fundVolume: row.fundVolume as number | null,
    projectCount: row.projectCount as number | null,
    hasApprovalPower: (row.hasApprovalPower as boolean | null) ?? false,
    hasEnforcementPower: (row.hasEnforcementPower as boolean | null) ?? false,
    lastInspectedOn: row.lastInspectedOn as string | null,
    villageClass: row.villageClass as UnitAttributes['villageClass'],
    sortOrder: (row.sortOrder as number | null) ?? 0,
  };
}

/** Every column an import row sets on an existing unit, with its SQL type for the VALUES list. */
const UPDATED_COLUMNS = [
  ['name', 'text'],
  ['kind', 'text'],
  ['code', 'text'],
  ['head_name', 'text'],
  ['secretary_name', 'text'],
  ['social_attention', 'int'],
  ['fund_volume', 'numeric'],
  ['project_count', 'int'],
  ['has_approval_power', 'boolean'],
  ['has_enforcement_power', 'boolean'],
  ['last_inspected_on', 'date'],
  ['village_class', 'text'],
  ['sort_order', 'int'],
] as const;

/** One UPDATE … FROM (VALUES …) per batch: a re-import of a whole province's tree stays a few statements. */
async function updateExisting(tx: Tx, batch: PlannedRow[]) {
  const tuples = batch.map((p) => {
    const values: Record<string, unknown> = { ...attributeColumns(attributesOf(p.row)), name: String(p.row.name) };
    const cells = UPDATED_COLUMNS.map(([column, type]) => sql`${values[column] ?? null}::${sql.raw(type)}`);
    return sql`(${p.id}::uuid, ${sql.join(cells)})`;
  });
  const names = sql.raw(['id', ...UPDATED_COLUMNS.map(([column]) => column)].join(', '));
  const assignments = sql.raw(UPDATED_COLUMNS.map(([column]) => `${column} = v.${column}`).join(', '));
  await sql`UPDATE org_unit o SET ${assignments} FROM (VALUES ${sql.join(tuples)}) AS v(${names})
    WHERE o.id = v.id`.execute(tx);
}

async function writeUnits(tx: Tx, committeeId: string, planned: PlannedRow[]) {
  const created = planned.filter((p) => !p.existing);
  for (const batch of chunks(created)) {
    await tx
      .insertInto('org_unit')
      .values(
        batch.map((p) => ({
          ...attributeColumns(attributesOf(p.row)),
          id: p.id,
          committee_id: committeeId,
          name: String(p.row.name),
          kind: String(p.row.kind),
          // parents may come later in the file: set below, then the paths of the whole tree
          parent_id: null,
          path: `/${p.id}/`,
        })),
      )
      .execute();
  }
  for (const batch of chunks(planned.filter((row) => row.existing))) await updateExisting(tx, batch);
  for (const batch of chunks(planned)) {
    const values = batch.map((p) => sql`(${p.id}::uuid, ${p.parentId}::uuid)`);
    await sql`UPDATE org_unit o SET parent_id = v.parent_id
      FROM (VALUES ${sql.join(values)}) AS v(id, parent_id) WHERE o.id = v.id`.execute(tx);
  }
}

/** Every path of the committee's tree from its parent links, touching only rows whose path changes. */
async function recomputePaths(tx: Tx, committeeId: string) {
  await sql`WITH RECURSIVE tree AS (
      SELECT id, '/' || id || '/' AS path FROM org_unit WHERE committee_id = ${committeeId} AND parent_id IS NULL
      UNION ALL
      SELECT u.id, t.path || u.id || '/' FROM org_unit u JOIN tree t ON u.parent_id = t.id
    )
    UPDATE org_unit o SET path = tree.path FROM tree WHERE o.id = tree.id AND o.path <> tree.path`.execute(tx);
}

export async function importUnits(tx: Tx, ctx: RequestContext, rows: ImportRow[]) {
  const committeeId = ctx.user.committeeId;
  if (!committeeId || !can(ctx.user, 'unit.create', committeeRecord(committeeId))) {
    throw forbidden('无权向本党委导入单位');
  }
  const { planned, errors } = planImport(rows, await existingUnits(tx, committeeId));
  if (errors.length > 0) {
    throw importInvalid(`导入文件有 ${errors.length} 处错误，请修改后重新导入；本次未导入任何数据`, errors);
  }
  await writeUnits(tx, committeeId, planned);
  await recomputePaths(tx, committeeId);
  const actor = { actorId: ctx.actor.userId, actorName: ctx.actor.userName };
  for (const batch of chunks(planned)) {
    await insertUnitEvents(
      tx,
      batch.map((p) => {
        const { rowNumber, ...after } = p.row;
        return { unitId: p.id, event: 'import', after: { ...after, created: !p.existing, row: rowNumber }, ...actor };
      }),
    );
  }
}
