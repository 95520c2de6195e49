// A real app on a real database for API tests: demo world + an outsider committee, a fixed clock,
// and `as(username)` to call the API as a demo user through app.inject (real HTTP semantics).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { fixedClock, shanghaiToday } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { keyringFor } from '../platform/crypto/keyring.ts';
import { type App, buildApp } from '../platform/http/app.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { CSRF_HEADER } from '../platform/http/request-guards.ts';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../seed/demo.ts';
import { type OutsiderIds, seedOutsider } from './outsider.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';
import { needsSecondFactor, secondFactorClient } from './two-factor.ts';

/** 2026-06-15 12:00 in Shanghai. */
export const TEST_NOW = new Date('2026-06-15T04:00:00Z');

export interface Harness {
  app: App;
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  today: string;
  demo: DemoIds;
  outsider: OutsiderIds;
  filesDir: string;
  config: Config;
  /** An API client logged in as this user (cached per username). */
  as(username: string): Promise<Client>;
  /** A fresh session, not cached (e.g. after moving the clock past the idle timeout). */
  login(username: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** The same session without the CSRF header the web app sends (tests of the CSRF check). */
  withoutCsrf(): Client;
}

function client(app: App, cookie: string | undefined, csrf = true): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { [CSRF_HEADER]: '1' } : {}), ...options.headers },
    });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    withoutCsrf: () => client(app, cookie, false),
  };
}

/** Limits no test file reaches by accident (each file logs in and exports many times); rate-limits.test.ts sets low ones. */
const TEST_RATE_LIMITS = { loginPerIp: 10_000, loginPerUser: 10_000, public: 10_000, export: 10_000, download: 10_000 };

export interface HarnessOptions {
  /** Extra routes registered before the app is ready (tests of shared infrastructure such as imports). */
  routes?: (app: App, deps: AppDeps) => void;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const clock = fixedClock(TEST_NOW);
  const today = shanghaiToday(clock);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-test-'));
  const config = loadConfig({
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    seedDemo: false,
    logLevel: 'silent',
    rateLimits: TEST_RATE_LIMITS,
  });
  // the config first: its keyring seals the demo's sensitive text so that the app can open it
  const demo = await seedDemo(database.db, clock, keyringFor(config));
  const outsider = await seedOutsider(database.db, today);
  // the API alone: tests behave the same whether or not web/dist has been built
  const deps: AppDeps = { db: database.db, dbKind: database.kind, config, clock };
  const app = await buildApp(deps, { logger: false, webDist: null });
  options.routes?.(app, deps);
  await app.ready();
  const sessions = new Map<string, Client>();
  // tests sign in as one user many times over on a clock that stands still: the default limit of 3
  // concurrent sessions would end the cached ones (the limit itself is tested in platform/auth)
  await database.db
    .insertInto('security_policy')
    .values({ settings: JSON.stringify({ maxConcurrentSessions: 10 }), updated_at: TEST_NOW.toISOString() })
    .execute();
  const completeSecondFactor = secondFactorClient(app, clock);
  const login = async (username: string) => {
    const password = username === 'outsider' ? 'Outsider@2026' : DEMO_PASSWORD;
    const first = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const res = needsSecondFactor(first) ? await completeSecondFactor(username, first) : first;
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    return client(app, res.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
  };
  return {
    app,
    database,
    clock,
    today,
    demo,
    outsider,
    filesDir: config.filesDir,
    config,
    anonymous: client(app, undefined),
    login,
    async as(username) {
      const cached = sessions.get(username);
      if (cached) return cached;
      const logged = await login(username);
      sessions.set(username, logged);
      return logged;
    },
    async close() {
      await app.close();
      await database.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Row count of a table: the "nothing was written" check after a refused request. */
export async function countRows(
  h: Harness,
  table: 'task' | 'finding' | 'inspection' | 'round' | 'org_unit' | 'evidence' | 'task_event' | 'audit_entry',
) {
  const rows = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(rows.n);
}
