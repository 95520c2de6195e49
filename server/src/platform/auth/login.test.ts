// The login steps: lockout per account and per address (on the test clock), the IP allow-list, TOTP
// enrolment forced for the 三员, second factor with replay defence, and single-use recovery codes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness, TEST_NOW } from '../../test/harness.ts';
import { totpCode } from '../../test/two-factor.ts';
import { kit, minutes, PASSWORD } from './auth-test-kit.ts';

let h: Harness;
const { post, login, cookieOf, as, enrol, setPolicy } = kit(() => h);
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.clock.set(TEST_NOW);
  await setPolicy({});
});

const audits = async (action: string) =>
  h.database.db.selectFrom('audit_entry').select(['actor_name', 'after', 'ip']).where('action', '=', action).execute();

describe('lockout', () => {
  it('locks an account for 15 minutes after 5 failures in the window, alike for unknown names', async () => {
    for (const username of ['jiwei', 'no-such-user']) {
      for (let i = 0; i < 5; i++) expect((await login(username, 'Wrong@2026x', '10.1.0.1')).statusCode).toBe(401);
      const locked = await login(username, PASSWORD, '10.1.0.2');
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toEqual({
        code: 'rate_limited',
        message: '登录失败次数过多，已暂时锁定，请 15 分钟后再试',
      });
    }
    expect((await audits('auth.locked')).map((a) => (a.after as { username: string }).username)).toEqual([
      'jiwei',
      'no-such-user',
    ]);
    h.clock.set(minutes(14));
    expect((await login('jiwei', PASSWORD, '10.1.0.2')).statusCode).toBe(429);
    h.clock.set(minutes(15.1));
    expect((await login('jiwei', PASSWORD, '10.1.0.2')).statusCode).toBe(200);
  });

  it('counts only failures inside the window and since the last success', async () => {
    for (let i = 0; i < 4; i++) await login('lianluo', 'Wrong@2026x', '10.2.0.1');
    h.clock.set(minutes(16));
    // the four are outside the 15-minute window now
    for (let i = 0; i < 4; i++) expect((await login('lianluo', 'Wrong@2026x', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('lianluo', PASSWORD, '10.2.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('lianluo', 'Wrong@2026x', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('lianluo', PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('locks an address that fails across many accounts, with thresholds from the policy', async () => {
    await setPolicy({ ipLockoutThreshold: 6, lockoutThreshold: 3, lockoutMinutes: 20 });
    for (let i = 0; i < 6; i++) await login(`guess${i}`, 'Wrong@2026x', '10.3.0.9');
    const res = await login('office', PASSWORD, '10.3.0.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toContain('请 20 分钟后再试');
    // the account is not locked: another address gets in
    expect((await login('office', PASSWORD, '10.3.0.10')).statusCode).toBe(200);
  });
});

describe('IP allow-list', () => {
  it('refuses logins from outside the allowed networks with a clear message, and audits them', async () => {
    await setPolicy({ allowedNetworks: ['10.8.0.0/16', '192.168.1.7'] });
    expect((await login('office', PASSWORD, '10.8.3.4')).statusCode).toBe(200);
    expect((await login('office', PASSWORD, '::ffff:192.168.1.7')).statusCode).toBe(200);
    const outside = await login('office', PASSWORD, '172.16.0.1');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe(
      '当前网络地址（172.16.0.1）不在允许登录的范围内，请在单位内网登录或联系安全管理员',
    );
    expect(outside.cookies).toHaveLength(0);
    expect((await audits('auth.login_refused_network')).at(-1)).toMatchObject({ ip: '172.16.0.1' });
  });

  it('applies the admin list to the 三员 only', async () => {
    await setPolicy({ adminAllowedNetworks: ['10.9.0.0/24'] });
    expect((await login('secadmin', PASSWORD, '10.7.0.1')).statusCode).toBe(403);
    expect((await login('secadmin', PASSWORD, '10.9.0.1')).json()).toMatchObject({ needSecondFactor: true });
    expect((await login('office', PASSWORD, '10.7.0.1')).statusCode).toBe(200);
  });
});

describe('TOTP', () => {
  it('forces the 三员 to enrol, then asks for a code; codes are single use, recovery codes too', async () => {
    const first = await login('auditor');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ needSecondFactor: true, pendingToken: expect.any(String), enrolmentRequired: true });
    expect(first.cookies).toHaveLength(0);
    // the pending token is no session
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/auth/me',
          headers: { cookie: `xuncha_sid=${first.json().pendingToken}` },
        })
      ).statusCode,
    ).toBe(401);

    const { secret, recoveryCodes, cookie } = await enrol('auditor');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await as(cookie).get('/api/auth/me')).json()).toMatchObject({
      username: 'auditor',
      twoFactorEnabled: true,
    });
    const stored = await h.database.db
      .selectFrom('app_user')
      .select('totp_secret_sealed')
      .where('username', '=', 'auditor')
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret_sealed).toMatch(/^sm4:/);
    expect(stored.totp_secret_sealed).not.toContain(secret);
    const codes = await h.database.db.selectFrom('recovery_code').select('code_hash').execute();
    expect(JSON.stringify(codes)).not.toContain(recoveryCodes[0]);

    const step = async (code: string) => {
      const { pendingToken, enrolmentRequired } = (await login('auditor')).json();
      expect(enrolmentRequired).toBe(false);
      return post('/api/auth/login/second-factor', { pendingToken, code });
    };
    // the enrolment used the current step: the same code again is a replay
    expect((await step(await totpCode(secret, h.clock.now()))).statusCode).toBe(401);
    h.clock.set(minutes(1));
    const ok = await step(await totpCode(secret, h.clock.now()));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'auditor', mustChangePassword: false });
    cookieOf(ok);
    expect((await step(await totpCode(secret, h.clock.now()))).json()).toEqual({
      code: 'unauthenticated',
      message: '验证码错误或已使用，请输入动态验证码或恢复码',
    });
    const [recovery = ''] = recoveryCodes;
    expect((await step(recovery.toUpperCase())).statusCode).toBe(200);
    expect((await step(recovery)).statusCode).toBe(401);
    const history = await h.database.db
      .selectFrom('login_attempt')
      .select(['reason', 'success'])
      .where('username', '=', 'auditor')
      .orderBy('id')
      .execute();
    expect(history.map((r) => r.reason)).toEqual([
      'enrolled',
      'bad_code',
      'second_factor',
      'bad_code',
      'recovery_code',
      'bad_code',
    ]);
  });

  it('refuses a wrong enrolment code and an expired or reused pending token', async () => {
    const { pendingToken } = (await login('secadmin')).json();
    await post('/api/auth/login/enrolment', { pendingToken });
    const wrong = await post('/api/auth/login/enrolment/confirm', { pendingToken, code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(
      await h.database.db
        .selectFrom('app_user')
        .select('totp_secret_sealed')
        .where('username', '=', 'secadmin')
        .executeTakeFirst(),
    ).toEqual({ totp_secret_sealed: null });
    h.clock.set(minutes(6));
    const expired = await post('/api/auth/login/enrolment', { pendingToken });
    expect(expired.json()).toEqual({ code: 'unauthenticated', message: '登录已过期，请重新输入用户名和密码' });
    const bad = await post('/api/auth/login/second-factor', { pendingToken: 'x', code: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'code', message: '验证码为 6 位数字或恢复码' }]);
  });

  it('requires TOTP of every user when the policy says all', async () => {
    await setPolicy({ twoFactor: 'all' });
    expect((await login('lianluo')).json()).toMatchObject({ needSecondFactor: true, enrolmentRequired: true });
  });

  it('counts wrong codes towards the account lock', async () => {
    const { secret } = await enrol('sysadmin');
    h.clock.set(minutes(2));
    for (let i = 0; i < 5; i++) {
      const { pendingToken } = (await login('sysadmin')).json();
      expect((await post('/api/auth/login/second-factor', { pendingToken, code: '999999' })).statusCode).toBe(401);
    }
    expect((await login('sysadmin')).statusCode).toBe(429);
    expect(secret).toHaveLength(32);
  });
});
