// The thin journey of issue 3 in a real browser: 巡察办 records a finding, the team leader submits the
// 巡察报告 and the 领导小组 approves it (issue 5: no feedback before that), 巡察办 issues the feedback; the
// unit's liaison splits a finding into a task; the owner uploads evidence and applies for 销号;
// 巡察办 returns it once with a reason, then verifies it. Screenshots go to test-output/e2e/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialog, expectToast, pick, selectByLabel } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, logout, screenshot } from './support/browser.ts';
import { openInspection, submitAndApproveReport } from './support/report.ts';
import { type RunningServer, startServer } from './support/server.ts';

const TASK_TITLE = '完善“三会一课”记录并开展专项检查';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe.skipIf(!browserAvailable)('整改主流程（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  });
  // a failing step leaves a picture of what the user saw
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('巡察办登记问题、进入报告阶段，巡察报告经审定后下发反馈意见', async () => {
    await login(page, server.url, 'office');
    await page.getByText('待对账销号').first().waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    await screenshot(page, '01-office-dashboard');

    await openInspection(page, server.url, '区教育局');
    await page.getByTestId('create-finding').click();
    const form = dialog(page, '登记问题');
    await form.getByLabel('问题标题').fill('学校食堂经费管理不规范');
    await form.getByLabel('问题事实').fill('抽查 3 所学校，食堂采购未执行集中采购，账目不清。');
    await pick(page, selectByLabel(form, '四个方面'), '党风廉政建设和反腐败');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: '学校食堂经费管理不规范' }).waitFor();

    // 进驻 → 了解情况 → 报告 (the eight phases of issue 4)
    await page.getByTestId('inspection-investigate').click();
    await page.getByTestId('inspection-report').click();
    // the report has not been approved yet: the feedback dialog says so and cannot be confirmed
    await page.getByTestId('issue-feedback').click();
    const early = dialog(page, '下发反馈意见');
    await early.getByText('巡察报告尚未审定，不能下发反馈意见').waitFor();
    await expect(early.getByRole('button', { name: '确认下发' }).isDisabled()).resolves.toBe(true);
    await early.getByRole('button', { name: '取消' }).click();
    await early.waitFor({ state: 'hidden' });
    await logout(page);

    const report = await submitAndApproveReport(page, server.url, '区教育局');
    expect(report).toContain('学校食堂经费管理不规范');

    await login(page, server.url, 'office');
    await openInspection(page, server.url, '区教育局');
    await page.getByTestId('issue-feedback').click();
    const feedback = dialog(page, '下发反馈意见');
    await expect(feedback.getByTestId('feedback-content').inputValue()).resolves.toContain('学校食堂经费管理不规范');
    await screenshot(page, '02-office-feedback');
    await feedback.getByRole('button', { name: '确认下发' }).click();
    // the button goes once the inspection has moved to 反馈 (other '反馈' tags are on the page already)
    await page.getByTestId('issue-feedback').waitFor({ state: 'detached' });
    await expect(page.getByTestId('inspection-phase-steps').textContent()).resolves.toContain('反馈');
    await logout(page);
  });

  it('整改联络员把问题分解为整改任务并指定责任人', async () => {
    await login(page, server.url, 'lianluo');
    await page.goto(`${server.url}/findings`);
    await page.getByRole('link', { name: '基层党组织建设薄弱' }).click();
    await page.getByTestId('create-task').click();
    const form = dialog(page, '分解整改任务');
    await form.getByLabel('整改任务').fill(TASK_TITLE);
    await form.getByLabel('整改措施').fill('补齐 2025 年党课记录；每季度开展一次组织生活专项检查。');
    await form.getByLabel('责任领导').fill('吴建国');
    await form.getByLabel('责任部门').fill('机关党委');
    await pick(page, form.getByTestId('task-owner-select'), '冯伟');
    const due = form.getByTestId('task-due-date');
    await due.click();
    await page.keyboard.type(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: TASK_TITLE }).waitFor();
    await screenshot(page, '03-liaison-task-split');
    await logout(page);
  });

  async function openMyTask() {
    await page.goto(`${server.url}/my-tasks`);
    await page.getByRole('link', { name: TASK_TITLE }).click();
  }

  it('责任人上传佐证材料并申请销号', async () => {
    await login(page, server.url, 'zerenren');
    await openMyTask();
    await page.getByTestId('task-start').click();
    await expectToast(page, '已开始整改');
    await pick(page, page.getByTestId('evidence-kind'), '文件材料');
    await page.getByTestId('evidence-description').fill('2025 年党课记录补正件');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '党课记录.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('evidence-upload-submit').click();
    await page.getByRole('link', { name: '党课记录.pdf' }).waitFor();
    await expect(page.getByTestId('task-verify').count()).resolves.toBe(0);
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-submit-summary').fill('已补齐党课记录并完成首次专项检查。');
    await dialog(page, '申请销号').getByRole('button', { name: '提交申请' }).click();
    await page.locator('.ant-tag').filter({ hasText: '待销号' }).first().waitFor();
    await screenshot(page, '04-owner-submitted');
    await logout(page);
  });

  /** The ledger also holds last year's finished round (sorted by due date), so search it as a user would. */
  async function searchLedger() {
    await page.goto(`${server.url}/tasks`);
    await page.getByTestId('task-filter-q').locator('input').fill(TASK_TITLE);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: TASK_TITLE }).waitFor();
  }

  async function openSubmittedTaskAsOffice() {
    await login(page, server.url, 'office');
    await searchLedger();
    await page.getByRole('link', { name: TASK_TITLE }).click();
  }

  it('巡察办退回一次，责任人补充后再次申请，巡察办对账销号', async () => {
    await openSubmittedTaskAsOffice();
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-return-reason').fill('缺少专项检查记录，请补充。');
    await dialog(page, '退回整改').getByRole('button', { name: '确认退回' }).click();
    await page.locator('.ant-tag').filter({ hasText: '已退回' }).first().waitFor();
    await logout(page);

    await login(page, server.url, 'zerenren');
    await openMyTask();
    await page.getByText('缺少专项检查记录，请补充。').first().waitFor();
    await page.getByTestId('task-start').click();
    await expectToast(page, '已开始整改');
    await page.getByTestId('task-submit').click();
    await page.getByTestId('task-submit-summary').fill('已补充专项检查记录。');
    await dialog(page, '申请销号').getByRole('button', { name: '提交申请' }).click();
    await page.locator('.ant-tag').filter({ hasText: '待销号' }).first().waitFor();
    await logout(page);

    await openSubmittedTaskAsOffice();
    await page.getByTestId('task-verify').click();
    // 对账销号 is a check against the evidence, not a click: both checks must be ticked
    const verify = dialog(page, '对账销号');
    await verify.getByTestId('verify-evidence-matches').check();
    await verify.getByTestId('verify-measures-done').check();
    await verify.getByRole('button', { name: '确认销号' }).click();
    await page.locator('.ant-tag').filter({ hasText: '已销号' }).first().waitFor();
    await screenshot(page, '05-office-closed');
    await searchLedger();
    await screenshot(page, '06-office-ledger');
  });
});
