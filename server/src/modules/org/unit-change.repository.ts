// Structural changes of the org tree: rename, move a subtree, merge, deactivate, reactivate. SQL only.
// Each write is conditional on the state it expects; false means someone changed it first (→ 409).
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

const changed = (result: { numUpdatedRows: bigint }) => result.numUpdatedRows > 0n;

export async function renameUnit(db: Db, id: string, name: string): Promise<boolean> {
  return changed(
    await db.updateTable('org_unit').set({ name }).where('id', '=', id).where('active', '=', true).executeTakeFirst(),
  );
}

/**
 * Re-roots the subtree at `fromPath` to `toPath` in one statement, provided the unit is still active
 * at `fromPath` (a concurrent move or deactivation makes it touch nothing).
 */
export async function moveSubtree(
  db: Db,
  move: { id: string; fromPath: string; toPath: string; parentId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set({
      path: sql`${move.toPath} || substr(path, ${move.fromPath.length + 1})`,
      parent_id: sql`CASE WHEN id = ${move.id} THEN ${move.parentId}::uuid ELSE parent_id END`,
    })
    .where('path', 'like', `${move.fromPath}%`)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM org_unit g WHERE g.id = ${move.id} AND g.path = ${move.fromPath} AND g.active)`,
    )
    .executeTakeFirst();
  return changed(result);
}

/** Moves everything below `source` under `target`, keeping the shape of each child's subtree. */
export async function moveDescendants(
  db: Db,
  source: { id: string; path: string },
  target: { id: string; path: string },
) {
  await db
    .updateTable('org_unit')
    .set({
      path: sql`${target.path} || substr(path, ${source.path.length + 1})`,
      parent_id: sql`CASE WHEN parent_id = ${source.id} THEN ${target.id}::uuid ELSE parent_id END`,
    })
    .where('path', 'like', `${source.path}%`)
    .where('id', '<>', source.id)
    .execute();
}

export async function deactivateUnit(
  db: Db,
  id: string,
  values: { on: string; reason: string; mergedIntoId: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set({
      active: false,
      deactivated_on: values.on,
      deactivation_reason: values.reason,
      merged_into_id: values.mergedIntoId,
    })
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return changed(result);
}

export async function reactivateUnit(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('org_unit')
    .set({ active: true, deactivated_on: null, deactivation_reason: null })
    .where('id', '=', id)
    .where('active', '=', false)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return changed(result);
}

export function childrenOf(db: Db, id: string) {
  return db.selectFrom('org_unit').select(['id', 'active']).where('parent_id', '=', id).execute();
}

/** Inspections of the unit that are not archived yet: the unit is still being inspected or rectified. */
export async function openInspectionCount(db: Db, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('inspection')
    .select(sql<number>`count(*)`.as('n'))
    .where('unit_id', '=', unitId)
    .where('phase', '<>', 'archived')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
