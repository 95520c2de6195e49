// The realistic district on top of the core demo (seedDemo): ~60 departments and units, 12 townships
// with ~150 villages, a talent pool of ~120 cadres, past rounds for coverage, teams of the current round.
// Loaded by `npm start` on first run and by the browser journeys; the API tests use only the core demo,
// so each test file stays fast. Steps run in this order because each builds on the one before.
import type { Clock } from '../platform/clock.ts';
import { shanghaiToday } from '../platform/clock.ts';
import type { Keyring } from '../platform/crypto/sealed.ts';
import { type Db, withTransaction } from '../platform/db.ts';
import type { DemoIds } from './demo.ts';
import { seedDemoCadres } from './demo-cadres.ts';
import { seedDemoCommonProblems } from './demo-common-problems.ts';
import { seedDemoFinishedRound } from './demo-finished-round.ts';
import { seedDemoLinkage } from './demo-linkage.ts';
import { seedDemoOrg } from './demo-org.ts';
import { seedDemoPlanning } from './demo-planning.ts';
import { seedDemoPublicReports } from './demo-public-reports.ts';
import { seedDemoRectification } from './demo-rectification.ts';
import { seedDemoSignals } from './demo-signals.ts';
import { seedDemoTeams } from './demo-teams.ts';

export interface DistrictContext {
  ids: DemoIds;
  today: string;
}

export async function seedDemoDistrict(db: Db, clock: Clock, keyring: Keyring, ids: DemoIds): Promise<void> {
  const context: DistrictContext = { ids, today: shanghaiToday(clock) };
  await withTransaction(db, async (tx) => {
    await seedDemoOrg(tx, context); // 1. org tree, leading group and office
    await seedDemoCadres(tx, context); // 2. talent pool
    await seedDemoPlanning(tx, context); // 3. term plan, past rounds, 函询 and 巡察公告
    await seedDemoTeams(tx, context); // 4. teams of the current round
    await seedDemoFinishedRound(tx, keyring, context); // 5. a finished round from 进驻 to 整改
    await seedDemoRectification(tx, context); // 6. 区住建局's rectification: plan, tasks, 督办, 回访, 问责
    await seedDemoPublicReports(tx, keyring, context); // 7. 群众 reports through the public channel
    await seedDemoCommonProblems(tx, context); // 8. past rounds' findings across units (共性问题)
    await seedDemoSignals(tx, context); // 9. rectification that looks done but is not (整改不实)
    await seedDemoLinkage(tx, context); // 10. the city committee above the district, a second district
  });
}
