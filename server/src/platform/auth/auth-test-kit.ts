// Shared steps of the authentication tests: raw logins from a chosen address, cookies, and calls as a session.
import type { LightMyRequestResponse } from 'fastify';
import { type Harness, TEST_NOW } from '../../test/harness.ts';
import { totpCode } from '../../test/two-factor.ts';

// The tests below sign in far more often than D's per-minute login rate limit allows (real time, not the
// test clock); lockout, which they test, counts on the test clock.
process.env.RATE_LIMIT_LOGIN_IP = '100000';
process.env.RATE_LIMIT_LOGIN_USER = '100000';

export const PASSWORD = 'Xuncha@2026';
export const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

export function kit(h: () => Harness) {
  const post = (url: string, payload: object, remoteAddress = '127.0.0.1', cookie?: string) =>
    h().app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress,
      headers: { 'user-agent': 'vitest', 'x-xuncha-csrf': '1', ...(cookie ? { cookie } : {}) },
    });
  const login = (username: string, password = PASSWORD, remoteAddress = '127.0.0.1') =>
    post('/api/auth/login', { username, password }, remoteAddress);
  const cookieOf = (res: LightMyRequestResponse) => {
    const c = res.cookies.find((x) => x.name === 'xuncha_sid');
    if (!c?.value) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
    return `xuncha_sid=${c.value}`;
  };
  const as = (cookie: string) => ({
    get: (url: string) => h().app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object = {}) => post(url, payload, '127.0.0.1', cookie),
    put: (url: string, payload: object) =>
      h().app.inject({ method: 'PUT', url, payload, headers: { cookie, 'x-xuncha-csrf': '1' } }),
    del: (url: string) => h().app.inject({ method: 'DELETE', url, headers: { cookie, 'x-xuncha-csrf': '1' } }),
  });
  const session = async (username: string, remoteAddress = '127.0.0.1') => {
    const res = await login(username, PASSWORD, remoteAddress);
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    return cookieOf(res);
  };
  /** Signs in an account that must enrol: returns the cookie, the secret and the recovery codes. */
  const enrol = async (username: string) => {
    const first = await login(username);
    const { pendingToken } = first.json();
    const setup = (await post('/api/auth/login/enrolment', { pendingToken })).json();
    const res = await post('/api/auth/login/enrolment/confirm', {
      pendingToken,
      code: await totpCode(setup.secret, h().clock.now()),
    });
    if (res.statusCode !== 200) throw new Error(`enrol ${username}: ${res.statusCode} ${res.body}`);
    return {
      cookie: cookieOf(res),
      secret: setup.secret as string,
      recoveryCodes: res.json().recoveryCodes as string[],
    };
  };
  const setPolicy = (values: Record<string, unknown>) =>
    h()
      .database.db.updateTable('security_policy')
      .set({ settings: JSON.stringify(values) })
      .execute();
  return { post, login, cookieOf, as, session, enrol, setPolicy };
}
