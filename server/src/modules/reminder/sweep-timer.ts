// The server's reminder sweep: once at start, then every SWEEP_INTERVAL_MINUTES. Each process runs its
// own timer; the advisory lock in runSweep lets one of them sweep at a time. A failed sweep is logged
// and tried again at the next tick. Tests call runSweep directly instead.
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import type { NotificationChannel } from '../notification/channels.ts';
import { runSweep } from './sweep.ts';

export function startSweepTimer(
  db: Db,
  clock: Clock,
  options: { intervalMinutes: number; channels: readonly NotificationChannel[] },
) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runSweep(db, clock, { channels: options.channels }).then(
      (result) => {
        if (result.created > 0) console.log(`提醒扫描（${result.asOf}）：新建提醒 ${result.created} 条`);
      },
      (error: unknown) => console.error('提醒扫描失败：', error),
    );
  };
  tick();
  const timer = setInterval(tick, options.intervalMinutes * 60_000);
  timer.unref();
  return {
    /** stops the timer and waits for a sweep in progress, so the database is not closed under it */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
