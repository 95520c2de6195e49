// Confidentiality of the logs: the real app with its real logger configuration, its output captured
// in memory, must never write a password, a session cookie or a search keyword from the query string.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clueBody, clueUrl } from '../../modules/clue/clue.test-support.ts';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../../seed/demo.ts';
import { TEST_NOW } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { keyringFor } from '../crypto/keyring.ts';
import { type App, buildApp } from './app.ts';

const captured = { lines: [] as string[] };

let database: TestDatabase;
let app: App;
let dataDir: string;
let demo: DemoIds;
beforeAll(async () => {
  database = await createTestDatabase();
  const clock = fixedClock(TEST_NOW);
  dataDir = await mkdtemp(path.join(tmpdir(), 'xuncha-log-'));
  const config = loadConfig({ dataDir, filesDir: path.join(dataDir, 'files'), seedDemo: false, logLevel: 'info' });
  demo = await seedDemo(database.db, clock, keyringFor(config));
  // the real logger configuration, writing to memory; the API alone, whether or not web/dist was built
  const logStream = { write: (line: string) => captured.lines.push(line) };
  app = await buildApp({ db: database.db, dbKind: database.kind, config, clock }, { logStream, webDist: null });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const WRONG_PASSWORD = 'Wrong-密码-31415';
const logText = () => captured.lines.join('');
/** The forms a secret could take in a log line: as typed, URL-encoded, JSON-escaped. */
const forms = (secret: string) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];

async function loginCookie(username = 'lianluo') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const token = res.cookies.find((c) => c.name === 'xuncha_sid')?.value ?? '';
  expect(token).not.toBe('');
  return token;
}

describe('logs', () => {
  it('never contain a password, the session cookie or a search keyword', async () => {
    captured.lines.length = 0;
    const token = await loginCookie();
    const cookie = `xuncha_sid=${token}`;
    const failed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'lianluo', password: WRONG_PASSWORD },
    });
    expect(failed.statusCode).toBe(401);
    const keyword = '举报人张某某受贿';
    const search = await app.inject({
      method: 'GET',
      url: `/api/tasks?q=${encodeURIComponent(keyword)}&status=open`,
      headers: { cookie },
    });
    expect(search.statusCode).toBe(200);
    const tooLong = await app.inject({
      method: 'GET',
      url: `/api/units?q=${encodeURIComponent(keyword.repeat(10))}`,
      headers: { cookie },
    });
    expect(tooLong.statusCode).toBe(400);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-xuncha-csrf': '1' } });

    // the requests were logged (so the checks below are not vacuous), by path only
    const entries = captured.lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    const urls = entries.flatMap((e) => (e.req ? [e.req.url] : []));
    expect(urls).toEqual(expect.arrayContaining(['/api/auth/login', '/api/tasks', '/api/units', '/api/auth/logout']));
    const text = logText();
    for (const secret of [DEMO_PASSWORD, WRONG_PASSWORD, token, keyword]) {
      for (const form of forms(secret)) expect(text).not.toContain(form);
    }
  });

  it('do not contain the query string of an unknown API route either', async () => {
    captured.lines.length = 0;
    const cookie = `xuncha_sid=${await loginCookie()}`;
    const keyword = '被反映人李某';
    const res = await app.inject({
      method: 'GET',
      url: `/api/no-such-route?q=${encodeURIComponent(keyword)}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(captured.lines.length).toBeGreaterThan(0);
    for (const form of forms(keyword)) {
      expect(logText()).not.toContain(form);
      expect(res.body).not.toContain(form);
    }
  });

  it('never contain clue content, a whistleblower, an upload (name or bytes), nor secrets logged by hand', async () => {
    captured.lines.length = 0;
    const marker = `机密${Date.now().toString(36)}`;
    const headers = (cookie: string) => ({ cookie, 'x-xuncha-csrf': '1' });
    const clue = await app.inject({
      method: 'POST',
      url: clueUrl(demo.jiaoyuInspectionId),
      headers: headers(`xuncha_sid=${await loginCookie('zuzhang')}`),
      payload: clueBody({
        allegation: `反映其收受${marker}好处费`,
        whistleblower: { name: `反映人${marker}`, contact: '13912345678', note: '要求保密' },
      }),
    });
    expect(clue.statusCode, clue.body).toBe(200);
    const form = multipart(
      { kind: 'document', description: `说明${marker}` },
      { filename: `举报材料${marker}.pdf`, content: Buffer.from(`%PDF-1.4 ${marker}`) },
    );
    const upload = await app.inject({
      method: 'POST',
      url: `/api/tasks/${demo.tasks.overdue}/evidence`,
      headers: { ...headers(`xuncha_sid=${await loginCookie('zerenren')}`), ...form.headers },
      payload: form.payload,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    // what a developer might log by hand: a body with a password and a TOTP code, a driver error's detail
    app.log.info({ body: { password: WRONG_PASSWORD, code: '493817' }, user: { totpCode: '493817' } }, 'debug');
    const driverError = Object.assign(new Error('duplicate key'), { detail: `Key (name)=(${marker}) already exists` });
    app.log.error({ err: driverError }, 'insert failed');

    expect(captured.lines.length).toBeGreaterThan(4);
    const text = logText();
    for (const secret of [marker, WRONG_PASSWORD, '493817', '13912345678']) {
      for (const form of forms(secret)) expect(text, secret).not.toContain(form);
    }
    expect(text).toContain('[已隐藏]');
  });
});
