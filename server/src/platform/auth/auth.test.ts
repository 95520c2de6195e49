// Login, logout and session lifetime through the real HTTP API, with the clock moved by hand.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
afterEach(() => h.clock.set(TEST_NOW));

const login = (username: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

async function sessionCookie(username = 'office') {
  const res = await login(username, 'Xuncha@2026');
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'xuncha_sid');
  if (!cookie) throw new Error('no session cookie');
  return { header: `xuncha_sid=${cookie.value}`, token: cookie.value };
}

async function failedLogins(): Promise<number> {
  const rows = await h.database.db
    .selectFrom('audit_entry')
    .select('id')
    .where('action', '=', 'auth.login_failed')
    .execute();
  return rows.length;
}

describe('POST /api/auth/login', () => {
  it('returns the user and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const res = await login('office', 'Xuncha@2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'office', displayName: '王芳', committeeId: h.demo.committeeId });
    expect(res.cookies).toHaveLength(1);
    expect(res.cookies[0]).toMatchObject({
      name: 'xuncha_sid',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: 12 * 3600,
    });
    expect(res.cookies[0]?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong password and an unknown user alike, and audits both', async () => {
    const before = await failedLogins();
    const wrong = await login('office', 'Xuncha@2027');
    const unknown = await login('nobody', 'Xuncha@2026');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'unauthenticated', message: '用户名或密码错误' });
      expect(res.cookies).toHaveLength(0);
    }
    expect(await failedLogins()).toBe(before + 2);
    const entries = await h.database.db
      .selectFrom('audit_entry')
      .select(['actor_id', 'actor_name'])
      .where('action', '=', 'auth.login_failed')
      .orderBy('id')
      .execute();
    expect(entries.slice(-2)).toEqual([
      { actor_id: h.demo.users.office, actor_name: 'office' },
      { actor_id: null, actor_name: 'nobody' },
    ]);
  });

  it('is 400 with a Chinese field message when the password is missing', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation', details: [{ path: 'password', message: '请输入密码' }] });
  });
});

describe('session', () => {
  it('GET /api/auth/me returns the grants and the permissions they carry', async () => {
    const res = await me((await sessionCookie('lianluo')).header);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.grants).toEqual([
      { role: 'unit_liaison', scopeKind: 'unit', scopeId: h.demo.units.zhujian, scopeName: '区住房和城乡建设局' },
    ]);
    expect(body.permissions).toEqual([
      'evidence.read',
      'evidence.upload',
      'fieldwork.read',
      'fieldwork.self_check',
      'finding.ledger',
      'finding.read',
      'inspection.read',
      'plan.write',
      'rectification.read',
      'rectification_report.submit',
      'revisit.read',
      'supervision.answer',
      'supervision.read',
      'task.create',
      'task.read',
      'task.start',
      'task.submit',
      'task.update',
      'unit.read',
      'user.read',
    ]);
    expect((await h.anonymous.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logout ends the session: the same cookie is then refused', async () => {
    const { header } = await sessionCookie();
    expect((await me(header)).statusCode).toBe(200);
    const out = await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: header, 'x-xuncha-csrf': '1' },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'xuncha_sid')?.value).toBe('');
    const after = await me(header);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ code: 'unauthenticated', message: '登录已失效，请重新登录' });
  });

  it('expires after 30 idle minutes', async () => {
    const untouched = await sessionCookie();
    h.clock.set(minutes(31));
    expect((await me(untouched.header)).statusCode).toBe(401);
    h.clock.set(TEST_NOW);
    const { header } = await sessionCookie();
    h.clock.set(minutes(29));
    expect((await me(header)).statusCode).toBe(200);
    h.clock.set(minutes(29 + 31));
    expect((await me(header)).statusCode).toBe(401);
  });

  it('expires 12 hours after login even when kept busy', async () => {
    const { header } = await sessionCookie();
    for (let m = 20; m < 12 * 60; m += 20) {
      h.clock.set(minutes(m));
      expect((await me(header)).statusCode, `after ${m} minutes`).toBe(200);
    }
    h.clock.set(minutes(12 * 60 + 1));
    expect((await me(header)).statusCode).toBe(401);
  });

  it('stores only a digest of the token', async () => {
    const { token } = await sessionCookie();
    const rows = await h.database.db.selectFrom('session').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
    const digest = createHash('sm3').update(token).digest('hex');
    expect(rows.filter((r) => r.token_hash === digest)).toHaveLength(1);
  });
});
