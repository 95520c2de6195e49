// One reminder sweep (ARCHITECTURE "jobs"): every registered sweeper inside ONE transaction that first
// takes a transaction-scoped advisory lock. Another process already sweeping → this one skips instead of
// waiting; the dedupe keys would make a second sweep harmless anyway, the lock only saves the work.
// The lock is released with the transaction, so a crashed sweep cannot leave it held.
import type { SweepResult } from '@xuncha/contracts';
import { sql } from 'kysely';
import { type Clock, shanghaiToday } from '../../platform/clock.ts';
import { type Db, withTransaction } from '../../platform/db.ts';
import { deliverPending, type NotificationChannel } from '../notification/channels.ts';
import { sweepers as registered, type Sweeper } from './sweepers.ts';

/** Any constant shared by all processes of one deployment; 'XCSW' in ASCII. */
export const SWEEP_LOCK = 0x58435357;

export interface SweepOptions {
  /** outside channels to hand the new notices to after the sweep commits */
  channels?: readonly NotificationChannel[];
  /** tests replace the registry */
  sweepers?: readonly Sweeper[];
}

export async function runSweep(db: Db, clock: Clock, options: SweepOptions = {}): Promise<SweepResult> {
  const asOf = shanghaiToday(clock);
  const result = await withTransaction(db, async (tx): Promise<SweepResult> => {
    const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK}) AS locked`.execute(tx);
    if (!lock.rows[0]?.locked) return { skipped: true, asOf, created: 0, counts: {} };
    const run = await tx
      .insertInto('sweep_run')
      .values({ as_of: asOf, started_at: clock.now().toISOString(), details: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const counts: Record<string, number> = {};
    // one after another: they share the transaction's connection
    for (const sweeper of options.sweepers ?? registered) counts[sweeper.name] = await sweeper.run(tx, asOf);
    const created = Object.values(counts).reduce((a, b) => a + b, 0);
    await tx
      .updateTable('sweep_run')
      .set({ finished_at: clock.now().toISOString(), created, details: JSON.stringify(counts) })
      .where('id', '=', run.id)
      .execute();
    return { skipped: false, asOf, created, counts };
  });
  if (!result.skipped && options.channels?.length) await deliverPending(db, options.channels);
  return result;
}
