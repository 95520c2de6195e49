// 三员分立 in the browser: the 系统管理员 creates an account on 用户管理, the 安全管理员 grants it a role on
// 角色授权, the 安全审计员 finds both changes on 审计日志 and verifies the chain. Each 三员 sees only their own
// settings page. The admins' TOTP enrolment is done over the API (e2e/two-factor.test.ts covers it in the UI).
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { dialog, expectToast, pick, selectByLabel } from './support/antd.ts';
import { browserAvailable, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const JSON_HEADERS = { 'content-type': 'application/json', 'x-xuncha-csrf': '1' };

/** Password, then TOTP enrolment with a code computed from the secret: the session cookie. */
async function adminSession(baseUrl: string, username: string): Promise<string> {
  const post = (url: string, body: object) =>
    fetch(`${baseUrl}${url}`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
  const first = (await (await post('/api/auth/login', { username, password: 'Xuncha@2026' })).json()) as {
    pendingToken: string;
  };
  const { secret } = (await (await post('/api/auth/login/enrolment', { pendingToken: first.pendingToken })).json()) as {
    secret: string;
  };
  const done = await post('/api/auth/login/enrolment/confirm', {
    pendingToken: first.pendingToken,
    code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) }),
  });
  const cookie = done.headers.getSetCookie().find((c) => c.startsWith('xuncha_sid='));
  if (!cookie) throw new Error(`${username}: no session (${done.status})`);
  return cookie.split(';')[0]?.slice('xuncha_sid='.length) ?? '';
}

describe.skipIf(!browserAvailable)('三员分立（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  async function as(username: string, path: string) {
    await page.context().clearCookies();
    const value = await adminSession(server.url, username);
    await page.context().addCookies([{ name: 'xuncha_sid', value, url: server.url }]);
    await page.goto(`${server.url}${path}`);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('系统管理员新建用户', async () => {
    await as('sysadmin', '/settings/users');
    await page.getByRole('cell', { name: 'banshi', exact: true }).waitFor();
    await page.getByRole('menuitem', { name: '角色授权' }).waitFor({ state: 'detached' });
    await page.getByTestId('user-create').click();
    const form = dialog(page, '新建用户');
    await form.getByLabel('用户名').fill('xinren');
    await form.getByLabel('姓名').fill('新同事');
    await form.getByLabel('初始密码').fill('Qiang#Mima2026');
    await form.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '用户已创建，首次登录须修改初始密码');
    await page.getByTestId('user-search').locator('input').fill('xinren');
    await page.getByTestId('user-search').locator('input').press('Enter');
    await page.getByText('待改密码').waitFor();
    await screenshot(page, 'admin-01-users');
  });

  it('安全管理员授予角色，三员互斥的授权被拒绝', async () => {
    await as('secadmin', '/settings/roles?q=xinren');
    await page.getByTestId('grants-xinren').click();
    await pick(page, selectByLabel(page, '角色'), '巡察办');
    await page.getByTestId('grant-submit').click();
    await expectToast(page, '已授予角色');
    await pick(page, selectByLabel(page, '角色'), '安全审计员');
    await page.getByTestId('grant-submit').click();
    await expectToast(page, '三员分立');
    await screenshot(page, 'admin-02-roles');
  });

  it('安全审计员查看审计日志并校验哈希链', async () => {
    await as('auditor', '/settings/audit-log');
    await page.getByRole('cell', { name: '角色授权 · 授权' }).first().waitFor();
    await page.getByRole('cell', { name: '用户 · 新建' }).first().click();
    await page.getByTestId('audit-json').first().waitFor();
    await screenshot(page, 'admin-03-audit-entry');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-result').getByText('校验通过').waitFor();
    await screenshot(page, 'admin-04-audit-log');
  });
});
