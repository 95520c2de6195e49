// The public reporting channel in a real browser (issue 8 §6): an anonymous visitor opens the public page
// without logging in, files a 举报 to the on-site 区教育局 inspection and reads the receipt code; the team
// leader sees it in the inbox and replies; the visitor enters the code and reads the reply.
// Screenshots go to test-output/e2e/ (81-…).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialog, expectToast } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const TEXT = '城关二小食堂的蔬菜采购价比市场价高出一倍，供货商是学校总务主任的亲戚，请巡察组核实。';
const REPLY = '您反映的问题已收悉，巡察组已调阅相关采购台账，正在核实。感谢您的监督。';

describe.skipIf(!browserAvailable)('群众举报渠道（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
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

  it('匿名访客不登录即可提交举报并获得回执码', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/public/report`);
    await page.getByTestId('target-select').getByText('区教育局').click();
    await page.getByPlaceholder('请写明被反映人或单位').fill(TEXT);
    await page.getByTestId('anonymous-switch').click();
    await screenshot(page, '81-public-report-form');
    await page.getByTestId('submit-report').click();
    const receipt = page.getByTestId('receipt-code');
    await receipt.waitFor();
    code = (await receipt.textContent())?.trim() ?? '';
    expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect(page.url()).toContain('/public/report');
    await screenshot(page, '82-public-report-receipt');
  });

  it('组长在“群众举报”中看到并答复', async () => {
    await login(page, server.url, 'zuzhang');
    await page.goto(`${server.url}/public-reports?inspectionId=${server.demo.jiaoyuInspectionId}`);
    const rows = page.getByTestId('public-report-table').locator('tbody tr.ant-table-row');
    // the demo's two sample reports and ours, newest first
    await page.getByText('共 3 条').waitFor();
    await screenshot(page, '83-public-report-inbox');
    await rows.first().click();
    await expect(page.getByTestId('report-text').textContent()).resolves.toBe(TEXT);
    await page.getByTestId('reply-button').click();
    const modal = dialog(page, '答复群众');
    await modal.getByTestId('reply-modal').fill(REPLY);
    await modal.locator('.ant-btn-primary').click();
    await expectToast(page, '已答复');
    await screenshot(page, '84-public-report-replied');
  });

  it('访客凭回执码查到答复', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.url}/public/report/status`);
    await page.getByTestId('code-input').fill(code.toLowerCase());
    await page.getByTestId('lookup').click();
    const view = page.getByTestId('status-view');
    await view.waitFor();
    await expect(view.textContent()).resolves.toContain(REPLY);
    await expect(view.textContent()).resolves.toContain('已答复');
    expect(await view.textContent()).not.toContain(TEXT);
    await screenshot(page, '85-public-report-status');
  });
});
