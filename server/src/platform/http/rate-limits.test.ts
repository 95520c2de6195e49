// Rate limits, per group: sign-in (per address and per username), the public channel (per address),
// exports and downloads (per user, one bucket for the whole group). An app with low limits is built
// over the harness's database; the harness's own app has limits no test reaches.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import type { RateLimits } from '../config.ts';
import { type App, buildApp } from './app.ts';
import { rateLimitGroupOf } from './rate-limits.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const RELAXED: RateLimits = { loginPerIp: 1000, loginPerUser: 1000, public: 1000, export: 1000, download: 1000 };

/** A fresh app (fresh counters) with these limits; it also has a public probe route under /api/public/. */
async function limitedApp(limits: Partial<RateLimits>): Promise<App> {
  const config = { ...h.config, rateLimits: { ...RELAXED, ...limits } };
  const app = await buildApp(
    { db: h.database.db, dbKind: h.database.kind, config, clock: h.clock },
    { logger: false, webDist: null },
  );
  app.get('/api/public/probe', { config: { public: true } }, () => ({ ok: true }));
  await app.ready();
  return app;
}

const login = (app: App, username: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD }, remoteAddress });

async function cookieOf(app: App, username: string): Promise<string> {
  const res = await login(app, username);
  expect(res.statusCode, res.body).toBe(200);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function sendTimes(app: App, times: number, options: InjectOptions) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await app.inject(options)).statusCode);
  return statuses;
}

function expectLimited(res: Awaited<ReturnType<App['inject']>>, message: string) {
  expect(res.statusCode).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(res.json()).toEqual({
    code: 'rate_limited',
    message: expect.stringMatching(new RegExp(`^${message}，请 \\d+ 秒后再试$`)),
  });
}

describe('sign-in', () => {
  it('is limited per client address, whichever accounts are tried', async () => {
    const app = await limitedApp({ loginPerIp: 3 });
    for (const username of ['office', 'leader', 'zuzhang']) expect((await login(app, username)).statusCode).toBe(200);
    expectLimited(await login(app, 'banshi'), '登录尝试过于频繁');
    // another address is not affected
    expect((await login(app, 'banshi', '10.0.0.9')).statusCode).toBe(200);
    await app.close();
  });

  it('is limited per username, whatever the address (one account tried from many machines)', async () => {
    const app = await limitedApp({ loginPerUser: 2 });
    expect((await login(app, 'office', '10.0.0.1')).statusCode).toBe(200);
    expect((await login(app, 'Office ', '10.0.0.2')).statusCode).not.toBe(429);
    expectLimited(await login(app, 'office', '10.0.0.3'), '登录尝试过于频繁');
    expect((await login(app, 'leader', '10.0.0.3')).statusCode).toBe(200);
    await app.close();
  });
});

describe('public channel', () => {
  it('limits every route under /api/public/ per client address', async () => {
    const app = await limitedApp({ public: 2 });
    const probe = { method: 'GET', url: '/api/public/probe' } as const;
    expect(await sendTimes(app, 2, probe)).toEqual([200, 200]);
    expectLimited(await app.inject(probe), '提交或查询过于频繁');
    expect((await app.inject({ ...probe, remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
    await app.close();
  });
});

describe('exports and downloads', () => {
  it('counts all exports of a user together; other users keep their own allowance', async () => {
    const app = await limitedApp({ export: 2 });
    const office = await cookieOf(app, 'office');
    const exportAs = (cookie: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
    expect((await exportAs(office, '/api/tasks/export')).statusCode).toBe(200);
    expect((await exportAs(office, '/api/findings/export')).statusCode).toBe(200);
    expectLimited(await exportAs(office, '/api/inspections/export'), '导出过于频繁');
    expect((await exportAs(await cookieOf(app, 'zerenren2'), '/api/tasks/export')).statusCode).toBe(200);
    // ordinary reads are not limited
    expect(await sendTimes(app, 5, { method: 'GET', url: '/api/tasks', headers: { cookie: office } })).toEqual([
      200, 200, 200, 200, 200,
    ]);
    await app.close();
  });

  it('limits file and template downloads per user', async () => {
    const app = await limitedApp({ download: 2 });
    const get = {
      method: 'GET',
      url: '/api/units/import-template',
      headers: { cookie: await cookieOf(app, 'office') },
    };
    expect(await sendTimes(app, 2, get)).toEqual([200, 200]);
    expectLimited(await app.inject(get), '下载过于频繁');
    await app.close();
  });

  it('groups every file, 公文 and template download and every sign-in step by URL', () => {
    const routes = h.app.routeTable;
    const group = (method: string, url: string) =>
      rateLimitGroupOf({ method, url, config: url.startsWith('/api/auth/login') ? { public: true } : {} });
    // registerExport declares its group itself (the test above exports through three of them)
    expect(rateLimitGroupOf({ method: 'GET', url: '/api/any', config: { rateLimitGroup: 'export' } })).toBe('export');
    const downloads = routes.filter((r) => r.method === 'GET' && /(\/file|\.docx|-template)$/.test(r.url));
    expect(downloads.length).toBeGreaterThan(5);
    for (const r of downloads) expect(group(r.method, r.url), r.url).toBe('download');
    expect(group('POST', '/api/auth/login')).toBe('login');
    expect(group('GET', '/api/tasks')).toBeNull();
    expect(group('POST', '/api/public/reports')).toBe('public');
  });
});
