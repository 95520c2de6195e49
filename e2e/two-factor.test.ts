// Two-factor login in a real browser (issue 8 §2): the 安全管理员 signs in for the first time and is made to
// bind an authenticator (QR code; the test reads the secret shown beside it and computes the code as the
// phone app would), saves the recovery codes, opens 安全策略 and 账号安全, logs out, and signs in again with
// password + a fresh code. Screenshots: two-factor-*.
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, logout, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** The code an authenticator shows `steps` periods from now (the enrolment spent the current one). */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

describe.skipIf(!browserAvailable)('双因素认证登录（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let secret = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  });
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const submitPassword = async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('secadmin');
    await page.getByTestId('login-password').fill('Xuncha@2026');
    await page.getByTestId('login-submit').click();
  };

  it('安全管理员首次登录须绑定动态验证码，保存恢复码后进入系统', async () => {
    await submitPassword();
    await page.getByText('您的账号必须启用双因素认证').first().waitFor();
    await page.getByTestId('totp-qr').waitFor();
    secret = ((await page.getByTestId('totp-secret').locator('code').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'two-factor-1-enrol');
    await page.getByTestId('totp-code').fill(await codeFor(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await screenshot(page, 'two-factor-2-recovery-codes');
    await page.getByTestId('recovery-done').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });

  it('安全管理员查看安全策略与账号安全', async () => {
    await page.goto(`${server.url}/settings/security-policy`);
    await page.getByTestId('policy-save').waitFor();
    await expect.poll(() => page.getByTestId('policy-passwordMinLength').inputValue()).toBe('10');
    await screenshot(page, 'two-factor-3-security-policy');
    await page.goto(`${server.url}/account/security`);
    await page.getByText('已启用', { exact: true }).first().waitFor();
    await page.getByText('当前会话').first().waitFor();
    await page.getByText('密码 + 绑定动态验证码').first().waitFor();
    await screenshot(page, 'two-factor-4-account-security');
    await logout(page);
  });

  it('再次登录：密码之后输入动态验证码', async () => {
    await submitPassword();
    await page.getByTestId('login-code').waitFor();
    await screenshot(page, 'two-factor-5-code');
    await page.getByTestId('login-code').fill('000000');
    await page.getByTestId('login-code-submit').click();
    await page.getByText('验证码错误或已使用').first().waitFor();
    await page.getByTestId('login-code').fill(await codeFor(secret, 1));
    await page.getByTestId('login-code-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/account/security`);
    await page.getByText('密码 + 动态验证码', { exact: true }).first().waitFor();
  });
});
