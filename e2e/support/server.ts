// Starts the real app on a free port for a browser journey: an isolated database (in-memory PGlite,
// or a fresh schema under DATABASE_URL) with the demo world, serving the built web app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../server/src/platform/clock.ts';
import { loadConfig } from '../../server/src/platform/config.ts';
import { keyringFor } from '../../server/src/platform/crypto/keyring.ts';
import type { Db } from '../../server/src/platform/db.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type DemoIds, seedDemo } from '../../server/src/seed/demo.ts';
import { seedDemoDistrict } from '../../server/src/seed/demo-district.ts';
import { createTestDatabase } from '../../server/src/test/test-db.ts';

export interface RunningServer {
  url: string;
  demo: DemoIds;
  close(): Promise<void>;
}

/**
 * `prepare` adds to the demo world before the server starts: accounts the demo lacks (there is no
 * account administration in the app yet), e.g. a head and a liaison for a unit other than 区住建局.
 */
export async function startServer(prepare?: (db: Db, demo: DemoIds) => Promise<void>): Promise<RunningServer> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-e2e-'));
  const config = loadConfig({ dataDir, filesDir: path.join(dataDir, 'files'), seedDemo: false, logLevel: 'silent' });
  // the demo's sealed text must open with the key of the server that serves it
  const keyring = keyringFor(config);
  const demo = await seedDemo(database.db, systemClock, keyring);
  await seedDemoDistrict(database.db, systemClock, keyring, demo);
  await prepare?.(database.db, demo);
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock: systemClock }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    demo,
    async close() {
      await app.close();
      await database.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
