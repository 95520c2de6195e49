// 账号安全: password rules and history, first-login change, expiry, sessions (limit, list, end one, end all)
// and the login history.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';
import { kit, minutes, PASSWORD } from './auth-test-kit.ts';
import { hashPassword } from './password.ts';
import { checkPasswordPolicy, setPassword } from './password-policy.ts';
import { defaultPolicy } from './policy.ts';

let h: Harness;
const { login, as, session, setPolicy } = kit(() => h);
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set(TEST_NOW);
  await setPolicy({});
});

const userId = (username: string) =>
  h.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();

describe('checkPasswordPolicy', () => {
  const policy = defaultPolicy();
  it.each([
    ['Short@1a', ['密码至少 10 位']],
    ['alllowercase1', ['密码须包含大写字母、小写字母、数字、其他符号中的至少 3 类']],
    ['Xx-banshi-2026', ['密码不能包含用户名']],
    ['Qingfeng@2026', []],
    ['清风正气廉洁奉公Ab1', []],
  ])('%s', async (password, problems) => {
    expect(await checkPasswordPolicy(policy, 'banshi', password, [])).toEqual(problems);
  });

  it('refuses any of the last five passwords', async () => {
    const history = await Promise.all(['Old@Pass0001', 'Old@Pass0002'].map(hashPassword));
    expect(await checkPasswordPolicy(policy, 'u', 'Old@Pass0002', history)).toEqual([
      '不能与最近 5 次使用过的密码相同',
    ]);
  });
});

describe('POST /api/auth/password', () => {
  it('changes the password under the rules and history, ending the other sessions only', async () => {
    const other = await session('zuzhang');
    const cookie = await session('zuzhang');
    const change = (currentPassword: string, newPassword: string) =>
      as(cookie).post('/api/auth/password', { currentPassword, newPassword });
    const weak = await change(PASSWORD, 'short');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details).toContainEqual({ path: 'newPassword', message: '密码至少 10 位' });
    expect((await change('Wrong@20261', 'Qingfeng@2026')).json().message).toBe('当前密码不正确');
    expect((await change(PASSWORD, PASSWORD)).json().message).toBe('不能与最近 5 次使用过的密码相同');
    expect((await change(PASSWORD, 'Qingfeng@2026')).statusCode).toBe(204);
    expect((await as(cookie).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(other).get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('zuzhang', 'Qingfeng@2026')).statusCode).toBe(200);
    // cycle through four more: the first is still among the last five until the sixth change
    for (const [i, next] of ['Qingfeng@2027', 'Qingfeng@2028', 'Qingfeng@2029', 'Qingfeng@2030'].entries()) {
      const prev = i === 0 ? 'Qingfeng@2026' : `Qingfeng@${2026 + i}`;
      expect((await change(prev, next)).statusCode).toBe(204);
    }
    expect((await change('Qingfeng@2030', PASSWORD)).statusCode).toBe(204);
    expect((await h.anonymous.post('/api/auth/password', {})).statusCode).toBe(401);
  });
});

describe('must change password', () => {
  it('after an administrator set it: every API but change/logout/me is 403 until changed', async () => {
    const { id } = await userId('zuyuan');
    await h.database.db
      .transaction()
      .execute((tx) => setPassword(tx, id, 'Temp@Pass2026', { mustChange: true, now: h.clock.now() }));
    const res = await login('zuyuan', 'Temp@Pass2026');
    expect(res.json()).toMatchObject({ mustChangePassword: true });
    const cookie = `xuncha_sid=${res.cookies[0]?.value}`;
    const blocked = await as(cookie).get('/api/rounds');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toEqual({
      code: 'password_change_required',
      message: '请先修改密码：首次登录或密码已过期时须设置新密码',
    });
    expect((await as(cookie).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(cookie).get('/api/auth/sessions')).statusCode).toBe(403);
    expect(
      (
        await as(cookie).post('/api/auth/password', {
          currentPassword: 'Temp@Pass2026',
          newPassword: 'Qinglian#Own2026',
        })
      ).statusCode,
    ).toBe(204);
    expect((await as(cookie).get('/api/auth/sessions')).statusCode).toBe(200);
    expect((await as(cookie).get('/api/rounds')).json().code).not.toBe('password_change_required');
    expect((await as(cookie).get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('when the password is older than the policy allows, the login succeeds into the same state', async () => {
    await setPolicy({ passwordMaxAgeDays: 30 });
    const { id } = await userId('zuzhibu');
    await h.database.db
      .updateTable('app_user')
      .set({ password_changed_at: minutes(-31 * 24 * 60).toISOString() })
      .where('id', '=', id)
      .execute();
    const res = await login('zuzhibu');
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    await setPolicy({ passwordMaxAgeDays: 0 });
  });
});

describe('sessions', () => {
  it('keeps at most the policy limit (default 3): a fourth login ends the oldest', async () => {
    const cookies = [];
    for (let i = 0; i < 4; i++) cookies.push(await session('leader', `10.20.0.${i}`));
    expect((await as(cookies[0] ?? '').get('/api/auth/me')).statusCode).toBe(401);
    const list = await as(cookies[3] ?? '').get('/api/auth/sessions');
    expect(
      list.json().map((s: { ip: string; current: boolean; userAgent: string }) => [s.ip, s.current, s.userAgent]),
    ).toEqual([
      ['10.20.0.3', true, 'vitest'],
      ['10.20.0.2', false, 'vitest'],
      ['10.20.0.1', false, 'vitest'],
    ]);
  });

  it("ends one of my sessions by id; another user's id is 404", async () => {
    const mine = await session('banshi');
    const second = await session('banshi');
    const other = (await as(mine).get('/api/auth/sessions')).json().find((s: { current: boolean }) => !s.current);
    expect((await as(mine).del(`/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await as(second).get('/api/auth/me')).statusCode).toBe(401);
    expect((await as(mine).del(`/api/auth/sessions/${other.id}`)).statusCode).toBe(404);
    const stranger = await session('jiwei');
    const [strangerSession] = (await as(stranger).get('/api/auth/sessions')).json();
    expect((await as(mine).del(`/api/auth/sessions/${strangerSession.id}`)).statusCode).toBe(404);
    expect((await as(mine).del('/api/auth/sessions/not-a-uuid')).statusCode).toBe(400);
  });

  it('退出全部设备 ends every session, the current one too', async () => {
    const a = await session('danwei');
    const b = await session('danwei');
    const res = await as(a).post('/api/auth/logout-all');
    expect(res.statusCode).toBe(204);
    for (const c of [a, b]) expect((await as(c).get('/api/auth/me')).statusCode).toBe(401);
    expect((await h.anonymous.post('/api/auth/logout-all')).statusCode).toBe(401);
  });

  it('idle timeout and lifetime come from the policy in force at login', async () => {
    await setPolicy({ sessionIdleMinutes: 10, sessionMaxHours: 1 });
    const cookie = await session('zuzhang');
    h.clock.set(minutes(9));
    expect((await as(cookie).get('/api/auth/me')).statusCode).toBe(200);
    h.clock.set(minutes(18));
    expect((await as(cookie).get('/api/auth/me')).statusCode).toBe(200);
    h.clock.set(minutes(29));
    expect((await as(cookie).get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('GET /api/auth/login-history', () => {
  it('lists my attempts, newest first, with address, client and reason', async () => {
    await login('jiwei', 'Wrong@20261', '10.30.0.1');
    const cookie = await session('jiwei', '10.30.0.2');
    const res = await as(cookie).get('/api/auth/login-history?pageSize=2');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { at: TEST_NOW.toISOString(), ip: '10.30.0.2', userAgent: 'vitest', success: true, reason: 'password' },
      { at: TEST_NOW.toISOString(), ip: '10.30.0.1', userAgent: 'vitest', success: false, reason: 'bad_password' },
    ]);
    expect(res.json().total).toBeGreaterThanOrEqual(2);
    expect((await as(cookie).get('/api/auth/login-history?page=0')).statusCode).toBe(400);
    expect((await h.anonymous.get('/api/auth/login-history')).statusCode).toBe(401);
  });
});
