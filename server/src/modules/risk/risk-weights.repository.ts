// 风险排序权重: SQL only. Versions are inserted, never updated or deleted; the current one is the highest.
import { RISK_FACTORS, type RiskWeightValues } from '@xuncha/contracts';
import type { Db, Tx } from '../../platform/db.ts';

const COLUMNS = [
  'version',
  'since',
  'findings',
  'clues',
  'rectification',
  'integrity',
  'attention',
  'reason',
  'set_by_name as setByName',
  'set_at as setAt',
] as const;

export interface WeightsRecord extends RiskWeightValues {
  version: number;
  reason: string | null;
  setByName: string | null;
  setAt: string;
}

export function currentWeights(db: Db | Tx, committeeId: string): Promise<WeightsRecord | undefined> {
  return db
    .selectFrom('risk_weight')
    .select(COLUMNS)
    .where('committee_id', '=', committeeId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function weightHistory(db: Db, committeeId: string, window: { limit: number; offset: number }) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('risk_weight')
      .select(COLUMNS)
      .where('committee_id', '=', committeeId)
      .orderBy('version', 'desc')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('risk_weight')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('committee_id', '=', committeeId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The next version; a concurrent save of the same version violates UNIQUE (committee_id, version). */
export async function insertWeights(
  tx: Tx,
  row: { committeeId: string; version: number; weights: RiskWeightValues; reason: string | null },
  actor: { userId: string | null; userName: string | null },
): Promise<WeightsRecord> {
  const values = Object.fromEntries(RISK_FACTORS.map((f) => [f, row.weights[f]])) as RiskWeightValues;
  return tx
    .insertInto('risk_weight')
    .values({
      committee_id: row.committeeId,
      version: row.version,
      ...values,
      reason: row.reason,
      set_by: actor.userId,
      set_by_name: actor.userName,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}
