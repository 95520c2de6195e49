// The security policy API: secadmin reads and edits it, every change audited before/after; bad values are
// refused in Chinese with nothing written; nobody else may touch it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kit } from '../../platform/auth/auth-test-kit.ts';
import { createHarness, type Harness } from '../../test/harness.ts';

let h: Harness;
const { as, enrol } = kit(() => h);
let secadmin: ReturnType<typeof as>;
beforeAll(async () => {
  h = await createHarness();
  secadmin = as((await enrol('secadmin')).cookie);
});
afterAll(() => h.close());

const audits = () =>
  h.database.db
    .selectFrom('audit_entry')
    .select(['before', 'after'])
    .where('action', '=', 'security_policy.updated')
    .execute();

describe('/api/security-policy', () => {
  it('shows the policy in force (defaults at first) and saves a stricter one, audited with before and after', async () => {
    const res = await secadmin.get('/api/security-policy');
    expect(res.statusCode).toBe(200);
    const { policy } = res.json();
    expect(policy).toMatchObject({
      passwordMinLength: 10,
      passwordHistory: 5,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      twoFactor: 'admins',
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      allowedNetworks: [],
    });
    const next = { ...policy, passwordMinLength: 12, twoFactor: 'all', allowedNetworks: ['127.0.0.0/8', '10.0.0.0/8'] };
    const saved = await secadmin.put('/api/security-policy', next);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ policy: next, updatedByName: expect.any(String) });
    expect((await audits()).at(-1)).toEqual({ before: policy, after: next });
  });

  it('refuses values below the floors and malformed or self-locking networks, writing nothing', async () => {
    const { policy } = (await secadmin.get('/api/security-policy')).json();
    const before = (await audits()).length;
    const weak = await secadmin.put('/api/security-policy', { ...policy, passwordMinLength: 6 });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details).toEqual([{ path: 'passwordMinLength', message: '密码最小长度不能小于 10' }]);
    const cidr = await secadmin.put('/api/security-policy', { ...policy, allowedNetworks: ['10.0.0.0/33'] });
    expect(cidr.json().details[0].message).toBe('网段格式不正确，应为如 10.0.0.0/8 或 192.168.1.10');
    const self = await secadmin.put('/api/security-policy', { ...policy, adminAllowedNetworks: ['10.9.0.0/16'] });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toBe('保存后您当前的地址（127.0.0.1）将无法登录，请把它包含在允许的网段中');
    expect(await audits()).toHaveLength(before);
  });

  it('is 401 anonymous and 403 for everyone without security.manage', async () => {
    expect((await h.anonymous.get('/api/security-policy')).statusCode).toBe(401);
    for (const username of ['office', 'sysadmin', 'auditor']) {
      const client = await h.as(username);
      expect((await client.get('/api/security-policy')).statusCode, username).toBe(403);
    }
  });
});

describe('voluntary TOTP from the account page', () => {
  it('a business user enrols, sees the status, renews recovery codes; the next login asks for a code', async () => {
    const { policy } = (await secadmin.get('/api/security-policy')).json();
    await secadmin.put('/api/security-policy', { ...policy, twoFactor: 'admins' });
    const { session, post } = kit(() => h);
    const cookie = await session('banshi');
    const me = as(cookie);
    expect((await me.get('/api/auth/two-factor')).json()).toEqual({
      enabled: false,
      required: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
    });
    expect((await me.post('/api/auth/two-factor/confirm', { code: '123456' })).statusCode).toBe(409);
    const setup = (await me.post('/api/auth/two-factor/setup')).json();
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*banshi\?.*secret=/);
    expect((await me.post('/api/auth/two-factor/setup')).json().secret).toBe(setup.secret);
    expect((await me.post('/api/auth/two-factor/confirm', { code: '000000' })).statusCode).toBe(400);
    const { totpCode } = await import('../../test/two-factor.ts');
    const confirmed = await me.post('/api/auth/two-factor/confirm', {
      code: await totpCode(setup.secret, h.clock.now()),
    });
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    expect((await me.post('/api/auth/two-factor/setup')).statusCode).toBe(409);
    const renewed = await me.post('/api/auth/two-factor/recovery-codes', { code: confirmed.json().recoveryCodes[0] });
    expect(renewed.statusCode).toBe(200);
    expect((await me.get('/api/auth/two-factor')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    const first = await post('/api/auth/login', { username: 'banshi', password: 'Xuncha@2026' });
    expect(first.json()).toMatchObject({ needSecondFactor: true, enrolmentRequired: false });
  });
});
