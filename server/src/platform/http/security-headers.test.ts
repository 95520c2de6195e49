// Security headers on every kind of answer: API data, errors, the web app's pages; HSTS and Secure
// cookies only behind TLS.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { createHarness, type Harness } from '../../test/harness.ts';
import { type App, buildApp } from './app.ts';

let h: Harness;
let webDist: string;
beforeAll(async () => {
  h = await createHarness();
  webDist = await mkdtemp(path.join(tmpdir(), 'xuncha-web-'));
  await mkdir(path.join(webDist, 'assets'));
  await writeFile(
    path.join(webDist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/a.js"></script>',
  );
  await writeFile(path.join(webDist, 'assets', 'a.js'), 'console.log(1)');
});
afterAll(async () => {
  await h.close();
  await rm(webDist, { recursive: true, force: true });
});

async function appWith(options: { secureCookies: boolean }): Promise<App> {
  const app = await buildApp(
    { db: h.database.db, dbKind: h.database.kind, config: { ...h.config, ...options }, clock: h.clock },
    { logger: false, webDist },
  );
  await app.ready();
  return app;
}

/** The policy as a map: directive → its sources. */
function cspOf(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function expectHardened(res: LightMyRequestResponse) {
  const csp = cspOf(res);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('same-origin');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers (plain HTTP)', () => {
  let app: App;
  beforeAll(async () => {
    app = await appWith({ secureCookies: false });
  });
  afterAll(() => app.close());

  it('are on API answers, errors included, with Cache-Control: no-store', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const answers = [
      login,
      await app.inject({ method: 'GET', url: '/api/health' }),
      await app.inject({ method: 'GET', url: '/api/tasks' }),
      await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } }),
      await app.inject({ method: 'GET', url: '/api/no-such-route', headers: { cookie } }),
      await app.inject({ method: 'POST', url: '/api/rounds', headers: { cookie }, payload: {} }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 200, 404, 403]);
    for (const res of answers) {
      expectHardened(res);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(cspOf(res).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('are on the web app: its pages and its scripts', async () => {
    for (const url of ['/', '/tasks/123', '/assets/a.js']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectHardened(res);
    }
  });
});

describe('behind TLS (SECURE_COOKIES=true)', () => {
  it('adds HSTS, upgrade-insecure-requests and the Secure flag on the session cookie', async () => {
    const app = await appWith({ secureCookies: true });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expectHardened(res);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(cspOf(res).has('upgrade-insecure-requests')).toBe(true);
    expect(res.cookies.find((c) => c.name === 'xuncha_sid')).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Strict',
    });
    await app.close();
  });
});
