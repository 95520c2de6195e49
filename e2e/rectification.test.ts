// The issue-6 journey in a real browser, on 区教育局 (its feedback is issued here, so the 整改方案 starts empty): the
// liaison splits the findings into tasks with owners in the 三张清单 grid and drafts the plan; the head's submit
// is refused while a finding has no task, then goes through; 巡察办 returns it once (退回重来), then approves the
// revision. A task is returned once, then closed by 对账销号; a 回访 finds 反弹回潮, which reopens it; 见底清零 is
// refused while tasks are open. 督办 of an overdue task: e2e/supervision.test.ts. Screenshots: 41-50.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialog, expectToast, pick } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, logout, screenshot } from './support/browser.ts';
import {
  addJiaoyuPeople,
  applyForClosure,
  FINDING_1,
  FINDING_2,
  findTask,
  ledgerFindingRow,
  ledgerRows,
  ledgerTaskRow,
  openTask,
  PLAN_V1,
  PLAN_V2,
  planStatus,
  RETURN_REASONS,
  SPLITS,
  searchPick,
  shanghaiDay,
  splitTask,
  statusTag,
  submitPlanAsHead,
  TASK_1,
  TASK_2,
  TASK_3,
  UNIT,
  uploadEvidence,
} from './support/rectification.ts';
import { openInspection, submitAndApproveReport } from './support/report.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe.skipIf(!browserAvailable)('整改方案、三张清单、对账销号、回访与见底清零（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(addJiaoyuPeople);
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

  it('巡察办登记问题，巡察报告审定后下发反馈意见', async () => {
    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT);
    await page.getByTestId('create-finding').click();
    const form = dialog(page, '登记问题');
    await form.getByTestId('finding-title').fill(FINDING_2);
    await form.getByLabel('问题事实').fill('2025 年以来审批的 12 家校外培训机构中，4 家未经现场核查即发放办学许可。');
    await pick(page, form.getByTestId('finding-aspect'), '党风廉政建设和反腐败');
    await form.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '问题已登记');
    await page.getByTestId('inspection-investigate').click();
    await page.getByTestId('inspection-report').click();
    await page.getByTestId('issue-feedback').waitFor();
    await logout(page);

    await submitAndApproveReport(page, server.url, UNIT);

    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT, '反馈意见');
    await page.getByTestId('feedback-issue').click();
    await dialog(page, '下发反馈意见').getByRole('button', { name: '确认下发' }).click();
    await expectToast(page, '反馈意见已下发');
    await expect(page.getByTestId('inspection-phase-steps').textContent()).resolves.toContain('反馈');
    await logout(page);
  });

  it('整改联络员在三张清单中分解任务、指定责任人，并起草整改方案', async () => {
    await login(page, server.url, 'jyll');
    await openInspection(page, server.url, UNIT, '三张清单');
    // the 问题清单 is the feedback's findings; neither has a task yet
    await ledgerFindingRow(page, FINDING_1).getByText('未分解任务').waitFor();
    await ledgerFindingRow(page, FINDING_2).getByText('未分解任务').waitFor();
    await splitTask(page, FINDING_1, SPLITS.fees);
    await splitTask(page, FINDING_1, SPLITS.canteen);
    // the grid edits in place: Enter saves the cell
    const department = ledgerTaskRow(page, TASK_2).getByTestId('ledger-cell-responsibleDepartment');
    await department.fill('后勤管理科、计财科');
    await department.press('Enter');
    await expectToast(page, '已保存');
    await expect(ledgerRows(page).count()).resolves.toBe(3);
    await screenshot(page, '41-liaison-ledger-split');

    await page.getByRole('tab', { name: '整改方案', exact: true }).click();
    await planStatus(page, '起草中').waitFor();
    // finding 2 still has no task: the plan says so before anyone submits
    await page.getByTestId('plan-unaddressed').getByText(FINDING_2).waitFor();
    await page.getByTestId('plan-content').fill(PLAN_V1);
    await page.getByTestId('plan-note').fill('初稿');
    await page.getByTestId('plan-save').click();
    await expectToast(page, '已保存为新版本');
    await page.getByText('当前第 1 版').waitFor();
    await screenshot(page, '42-liaison-plan-draft');
    await logout(page);
  });

  it('主要负责人报送：有问题未分解任务时被拒绝，补齐后报送', async () => {
    await login(page, server.url, 'jyjz');
    await openInspection(page, server.url, UNIT, '整改方案');
    await submitPlanAsHead(page);
    // completeness is checked by the server: every finding of the feedback needs a task
    await expectToast(page, '以下问题尚未制定整改任务');
    await planStatus(page, '起草中').waitFor();
    await screenshot(page, '43-head-submit-refused');

    await page.getByRole('tab', { name: '三张清单', exact: true }).click();
    await splitTask(page, FINDING_2, SPLITS.training);
    await page.getByRole('tab', { name: '整改方案', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-unaddressed').count()).toBe(0);
    await submitPlanAsHead(page);
    await expectToast(page, '整改方案已报送巡察办审核');
    await planStatus(page, '待审核').waitFor();
    await logout(page);
  });

  it('巡察办审核整改方案，退回重来并写明理由', async () => {
    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT, '整改方案');
    await page.getByTestId('plan-text').getByText('（二）校外培训机构审批监管不到位').waitFor();
    await page.getByTestId('plan-return').click();
    const review = dialog(page, '退回重来');
    await review.getByTestId('plan-review-completeness').getByText('符合要求', { exact: true }).click();
    await review.getByTestId('plan-review-pertinence').getByText('不符合要求', { exact: true }).click();
    await review.getByPlaceholder('针对性意见（选填）').fill('措施笼统，“加强审批监管”没有具体办法。');
    await review.getByTestId('plan-review-feasibility').getByText('不符合要求', { exact: true }).click();
    await review.getByTestId('plan-review-text').fill(RETURN_REASONS);
    await screenshot(page, '44-office-plan-return-form');
    await review.getByTestId('plan-review-ok').click();
    await expectToast(page, '整改方案已退回重来');
    await planStatus(page, '退回重来').waitFor();
    await logout(page);
  });

  it('单位按退回理由修改后重新报送，巡察办审核通过', async () => {
    await login(page, server.url, 'jyll');
    // the return reaches the unit as a notice, which opens the plan
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-bell-item').filter({ hasText: '整改方案被退回重来' }).click();
    await page.getByText(`巡察办退回理由：${RETURN_REASONS}`).waitFor();
    await page.getByTestId('plan-content').fill(PLAN_V2);
    await page.getByTestId('plan-note').fill('按巡察办审核意见逐条细化');
    await page.getByTestId('plan-save').click();
    await expectToast(page, '已保存为新版本');
    await page.getByText('当前第 2 版').waitFor();
    await page.getByRole('tab', { name: '版本记录', exact: true }).click();
    await page.getByText('按巡察办审核意见逐条细化').first().waitFor();
    await screenshot(page, '45-liaison-plan-versions');
    await logout(page);

    await login(page, server.url, 'jyjz');
    await openInspection(page, server.url, UNIT, '整改方案');
    await submitPlanAsHead(page);
    await expectToast(page, '整改方案已报送巡察办审核');
    await planStatus(page, '待审核').waitFor();
    await logout(page);

    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT, '整改方案');
    await page.getByTestId('plan-text').getByText('（修改稿）', { exact: false }).waitFor();
    await page.getByTestId('plan-approve').click();
    const review = dialog(page, '审核通过整改方案');
    await review.getByTestId('plan-review-text').fill('同意该整改方案，请严格按照三张清单抓好落实。');
    await review.getByTestId('plan-review-ok').click();
    await expectToast(page, '整改方案已审核通过');
    await planStatus(page, '审核通过').waitFor();
    await page.getByRole('tab', { name: '审核记录', exact: true }).click();
    const history = page.getByTestId('plan-history');
    await history.getByText(`退回理由：${RETURN_REASONS}`).waitFor();
    await history.getByText('意见：同意该整改方案，请严格按照三张清单抓好落实。').waitFor();
    await screenshot(page, '46-office-plan-approved');
    await logout(page);
  });

  it('责任人申请销号，巡察办退回一次，补充后对账销号', async () => {
    await openTask(page, server.url, 'jyzr', TASK_1);
    await page.getByTestId('task-start').click();
    await expectToast(page, '已开始整改');
    await uploadEvidence(page, '各校资料费退费清单', '退费清单.pdf');
    await applyForClosure(page, '已逐校清退资料费，退费清单附后。');
    await logout(page);

    await openTask(page, server.url, 'office', TASK_1);
    await page.getByTestId('task-return').click();
    await page.getByTestId('task-return-reason').fill('缺少向家长退费的银行转账凭证，请补充。');
    await dialog(page, '退回整改').getByRole('button', { name: '确认退回' }).click();
    await statusTag(page, '已退回').waitFor();
    await logout(page);

    await openTask(page, server.url, 'jyzr', TASK_1);
    await page.getByText('缺少向家长退费的银行转账凭证，请补充。').first().waitFor();
    await page.getByTestId('task-start').click();
    await expectToast(page, '已开始整改');
    await uploadEvidence(page, '退费银行转账凭证', '转账凭证.pdf');
    await applyForClosure(page, '已补充退费银行转账凭证。');
    await logout(page);

    await openTask(page, server.url, 'office', TASK_1);
    await page.getByTestId('task-verify').click();
    const verify = dialog(page, '对账销号');
    // both pieces of evidence are ticked as checked; the two confirmations are the reviewer's own
    await expect(verify.getByTestId('verify-evidence').locator('input:checked').count()).resolves.toBe(2);
    await verify.getByTestId('verify-evidence-matches').check();
    await verify.getByTestId('verify-measures-done').check();
    await verify.getByTestId('task-verify-comment').fill('退费凭证与清单核对一致，同意销号。');
    await screenshot(page, '47-office-verify-checklist');
    await verify.getByRole('button', { name: '确认销号' }).click();
    await expectToast(page, '已对账销号');
    await statusTag(page, '已销号').waitFor();
    await logout(page);
  });

  it('回访发现反弹回潮，已销号任务重新整改', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/revisits`);
    await page.getByTestId('revisit-plan').click();
    const plan = dialog(page, '安排回访');
    await searchPick(page, plan.getByTestId('revisit-plan-case'), UNIT);
    await plan.locator('.ant-picker').click();
    await page.keyboard.type(shanghaiDay());
    await page.keyboard.press('Enter');
    await plan.getByTestId('revisit-plan-submit').click();
    await expectToast(page, '回访已安排');

    await page.getByTestId('revisit-table').locator('tbody tr').filter({ hasText: UNIT }).click();
    const drawer = page.getByTestId('revisit-drawer');
    await drawer.getByTestId('revisit-conduct').click();
    await drawer.getByTestId('revisit-summary').fill('抽查 3 所学校：1 所学校本学期又以“教辅资料费”名义收费。');
    const row = drawer.locator('tbody tr').filter({ hasText: TASK_1 });
    await pick(page, row.locator('.ant-select').first(), '反弹回潮');
    await pick(page, row.locator('.ant-select').nth(1), '重新打开任务');
    await row.getByPlaceholder('情况说明').fill('区实验小学本学期又收取教辅资料费 80 元/生。');
    await pick(
      page,
      drawer.locator('tbody tr').filter({ hasText: TASK_2 }).locator('.ant-select').first(),
      '整改成果稳固',
    );
    await drawer.getByTestId('revisit-conduct-submit').click();
    await expectToast(page, '回访结果已记录');
    const outcome = drawer.locator('tbody tr').filter({ hasText: TASK_1 });
    await outcome.getByText('反弹回潮').waitFor();
    await outcome.getByText('已重新打开任务').waitFor();
    await page.locator('[class*="ant-drawer-panel-motion"]').waitFor({ state: 'detached' });
    await screenshot(page, '48-office-revisit-rebound');

    // the task is worked on again, with the 回访 in its history
    await findTask(page, server.url, TASK_1);
    await statusTag(page, '整改中').waitFor();
    await page.getByText('区实验小学本学期又收取教辅资料费 80 元/生。').first().waitFor();
    await screenshot(page, '49-task-reopened');
    await logout(page);
  });

  it('仍有未销号任务时不能见底清零', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/rectifications`);
    await page.getByTestId('rectification-filter-q').locator('input').fill(UNIT);
    await page.keyboard.press('Enter');
    await page.getByTestId('rectification-table').getByRole('link', { name: UNIT, exact: true }).click();
    // the reopened task and the two still being worked on
    const blockers = page.getByTestId('sign-off-blockers');
    await blockers.getByText('还有 3 项整改任务未销号').waitFor();
    await blockers.getByRole('link', { name: TASK_1 }).waitFor();
    await blockers.getByRole('link', { name: TASK_3 }).waitFor();
    await expect(page.getByTestId('sign-off').isDisabled()).resolves.toBe(true);
    await screenshot(page, '50-office-sign-off-blocked');

    // nor does the server sign off when asked directly
    const caseId = new URL(page.url()).pathname.split('/').at(-1);
    const refused = await page.request.post(`${server.url}/api/rectifications/${caseId}/sign-off`, {
      data: { comment: '见底清零' },
      headers: { 'X-Xuncha-Csrf': '1' },
    });
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain('尚不能见底清零：还有 3 项整改任务未销号');
    await page.reload();
    await page.getByTestId('sign-off-blockers').waitFor();
    await expect(page.locator('.ant-tag').filter({ hasText: '已见底清零' }).count()).resolves.toBe(0);
    await logout(page);
  });
});
