// The two servers under test, both on 127.0.0.1 with a random port: the real app (buildApp: auth,
// scoping, zod validation and serialisation, abilities) and a bare Fastify that runs the same
// captured SQL with none of that.
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../server/src/platform/auth/session.service.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import type { Database } from '../server/src/platform/db.ts';
import { buildApp } from '../server/src/platform/http/app.ts';
import { type LedgerQueries, runLedgerQueries, type Scenario } from './ledger.ts';

export interface Running {
  origin: string;
  close(): Promise<void>;
}

async function listen(app: Pick<FastifyInstance, 'listen' | 'close' | 'server'>): Promise<Running> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

export async function startApp(database: Database, scratchDir: string): Promise<Running> {
  // dataDir/filesDir point at the scratch dir so nothing the app might write lands in ./data.
  // every benchmark session signs in from this one address (the office, the province and 50 liaisons): more
  // than the per-address sign-in limit allows in a minute, which is not what is measured here
  process.env.RATE_LIMIT_LOGIN_IP ??= '1000';
  const config = loadConfig({ dataDir: scratchDir, filesDir: path.join(scratchDir, 'files'), databaseUrl: undefined });
  // Request logging off, like the baseline: the benchmark compares the request path, not log I/O.
  const app = await buildApp({ db: database.db, dbKind: database.kind, config, clock: systemClock }, { logger: false });
  return listen(app);
}

export const baselinePath = (scenario: string, variant: number) => `/baseline/${scenario}/${variant}`;

export async function startBaseline(database: Database, scenarios: Scenario[]): Promise<Running> {
  const byName = new Map<string, LedgerQueries[]>(scenarios.map((s) => [s.name, s.variants.map((v) => v.queries)]));
  const app = Fastify({ logger: false });
  app.get<{ Params: { scenario: string; variant: string } }>('/baseline/:scenario/:variant', async (req, reply) => {
    const queries = byName.get(req.params.scenario)?.[Number(req.params.variant)];
    if (!queries) return reply.status(404).send({ code: 'not_found' });
    return runLedgerQueries(database.db, queries);
  });
  return listen(app);
}

/** Logs in through the real endpoint and returns the session cookie (`name=value`). */
export async function login(origin: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200)
    throw new Error(`login ${username} → HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`login ${username} set no session cookie`);
  return cookie;
}
