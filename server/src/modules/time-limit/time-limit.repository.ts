// A committee's time limits: its own rows where set, the domain defaults otherwise.
import { DEFAULT_TIME_LIMITS, type TimeLimitCode, type TimeLimitUnit, type TimeLimitValue } from '@xuncha/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db.ts';

export async function timeLimitOf(db: Db, committeeId: string, code: TimeLimitCode): Promise<TimeLimitValue> {
  const row = await db
    .selectFrom('committee_time_limit')
    .select(['amount', 'unit'])
    .where('committee_id', '=', committeeId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? { amount: row.amount, unit: row.unit as TimeLimitUnit } : DEFAULT_TIME_LIMITS[code];
}

/** The committee's own rows (codes without a row use the default). */
export function committeeTimeLimits(db: Db, committeeId: string) {
  return db
    .selectFrom('committee_time_limit')
    .select(['code', 'amount', 'unit', 'updated_at as updatedAt'])
    .where('committee_id', '=', committeeId)
    .execute();
}

export async function saveTimeLimit(
  db: Db,
  row: { committeeId: string; code: TimeLimitCode; amount: number; unit: TimeLimitUnit; by: string },
) {
  await db
    .insertInto('committee_time_limit')
    .values({ committee_id: row.committeeId, code: row.code, amount: row.amount, unit: row.unit, updated_by: row.by })
    .onConflict((oc) =>
      oc
        .columns(['committee_id', 'code'])
        .doUpdateSet({ amount: row.amount, unit: row.unit, updated_by: row.by, updated_at: sql`now()` }),
    )
    .execute();
}
