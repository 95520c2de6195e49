// The 督查督办 part of issue 6 in a real browser, on the demo's 区住建局 case, whose long-term task is past
// its 完成时限: 巡察办 finds it among the suggestions and issues a 督办单; the unit's head (吴建国) learns of
// it from the bell, opens it from the notice and answers; 巡察办 then reads the 整改进度 of the round.
// (The plan, the three lists, 销号, 回访 and 见底清零: e2e/rectification.test.ts.) Screenshots: 51-55.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LONG_TERM_TASK } from '../server/src/seed/demo-rectification-data.ts';
import { dialog, expectToast, pick } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, logout, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ZHUJIAN = '区住房和城乡建设局';
const CONTENT = '你局“建立工程项目招投标全过程监管长效机制”任务已超过完成时限，请说明原因并明确完成时间。';
const ANSWER = '长效机制三项制度已印发，第二次季度抽查因汛期推迟，定于本月 20 日前完成并报送抽查报告。';

describe.skipIf(!browserAvailable)('督查督办与整改进度（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let code = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  });
  // a failing step leaves a picture of what the user saw
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const orderRow = () =>
    page.getByTestId('supervision-table').locator('tbody tr').filter({ hasText: LONG_TERM_TASK.title });

  it('巡察办从建议督办中对逾期任务下发督办单', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/supervision`);
    await page.getByRole('tab', { name: '建议督办' }).click();
    const suggestion = page.locator('tbody tr').filter({ hasText: LONG_TERM_TASK.title }).filter({ hasText: ZHUJIAN });
    await suggestion
      .locator('.ant-tag')
      .filter({ hasText: /^逾期 \d+ 天$/ })
      .waitFor();
    await suggestion.getByText('逾期未完成').waitFor();
    await suggestion.getByRole('button', { name: '下发督办单' }).click();
    const form = dialog(page, `督办任务：${LONG_TERM_TASK.title}`);
    await expect(form.getByTestId('supervision-issue-reason').textContent()).resolves.toContain('逾期未完成');
    await form.getByTestId('supervision-issue-content').fill(CONTENT);
    await screenshot(page, '51-office-supervision-issue');
    const issued = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/supervision-orders'),
    );
    await form.getByTestId('supervision-issue-submit').click();
    code = ((await (await issued).json()) as { code: string }).code;
    await expectToast(page, '督办单已下发');
    await page.getByRole('tab', { name: '督办单' }).click();
    await orderRow().getByText(code).waitFor();
    await orderRow().getByText('待答复').waitFor();
    // no longer suggested: the task has an open order
    await page.getByRole('tab', { name: '建议督办' }).click();
    await page.locator('[data-testid^="supervision-suggest-"]').first().waitFor();
    await expect(page.locator('tbody tr').filter({ hasText: LONG_TERM_TASK.title }).count()).resolves.toBe(0);
    await logout(page);
  });

  it('被巡察单位主要负责人从消息提醒打开督办单并答复', async () => {
    await login(page, server.url, 'danwei');
    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification-bell-item').filter({ hasText: `${code}：逾期未完成` });
    await notice.waitFor();
    await screenshot(page, '52-head-notification-bell');
    await notice.click();
    const drawer = page.getByTestId('supervision-drawer');
    await drawer.getByText(CONTENT).waitFor();
    await drawer.getByTestId('supervision-answer').click();
    await page.getByTestId('supervision-step-text').fill(ANSWER);
    await page.getByTestId('supervision-step-ok').click();
    await expectToast(page, '已答复督办单');
    await drawer.locator('.ant-descriptions-row').filter({ hasText: '状态' }).getByText('已答复').waitFor();
    await page.locator('[class*="ant-drawer-panel-motion"]').waitFor({ state: 'detached' });
    await screenshot(page, '53-head-supervision-answered');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await orderRow().getByText('已答复').waitFor();

    await page.goto(`${server.url}/notifications`);
    await page.getByTestId('notifications-table').getByText(`${code}：逾期未完成`).waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await screenshot(page, '54-head-notifications');
    await logout(page);
  });

  it('巡察办查看本轮整改进度', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/rectification-progress`);
    await pick(page, page.getByTestId('progress-round'), '十五届区委第三轮巡察');
    const row = page.getByTestId('progress-units').locator('tbody tr').filter({ hasText: ZHUJIAN });
    await row.getByTestId('progress-unit-overdue').waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await screenshot(page, '55-office-progress');
  });
});
