// The issue-5 journey in a real browser, on the stationed 区教育局 inspection: a team member records a 个别谈话;
// the team leader registers a 问题线索 from it, which the member may count but never read; a finding is
// registered and classified; the 巡察报告 is submitted and approved and 巡察办 issues the 反馈意见; the clue is
// handed to 纪委监委, who accepts it and answers 第二种形态 with the person handled; 巡察办 then follows the
// finding in 成果运用台账 and the clue in 线索处置台账. Screenshots go to test-output/e2e/ (21-…).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialog, expectToast, pick, selectByLabel } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, logout, screenshot } from './support/browser.ts';
import { openInspection, submitAndApproveReport } from './support/report.ts';
import { type RunningServer, startServer } from './support/server.ts';

const UNIT = '区教育局';
const INTERVIEW = '与计财科科长周强个别谈话';
// the interview only hints; the names and the allegation live in the clue, which is need-to-know
const INTERVIEW_SUMMARY = '谈话对象反映学校食堂食材采购存在指定供应商的情况，建议进一步核实。';
const SUBJECT = '马国华';
const ALLEGATION = '反映马国华利用分管后勤的职务便利，指定其亲属经营的公司为学校食堂供货，涉嫌利益输送。';
const FINDING = '学校食堂食材采购指定供应商';

describe.skipIf(!browserAvailable)('了解情况、问题线索、报告与移交（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let clue = { id: '', code: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // the server dates everything in Asia/Shanghai; a browser elsewhere would default 办结日期 to "yesterday"
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

  /**
   * The row of our clue in a list. Clue codes are numbered per inspection (线索〔年〕轮-序号), so the 区住建局
   * inspection of the same round has a 线索〔…〕3-01 too: across inspections the unit tells them apart.
   */
  function clueRow(table: string) {
    return page.getByTestId(table).locator('tbody tr').filter({ hasText: clue.code }).filter({ hasText: UNIT });
  }

  it('组员登记个别谈话', async () => {
    await login(page, server.url, 'zuyuan');
    await openInspection(page, server.url, UNIT, '了解情况');
    await page.getByTestId('fieldwork-create').click();
    const form = dialog(page, '登记了解情况');
    // 个别谈话 is the first kind and is sensitive by default
    await expect(form.getByTestId('fieldwork-kind').textContent()).resolves.toContain('个别谈话');
    await form.getByLabel('标题', { exact: true }).fill(INTERVIEW);
    await form.getByLabel('时间', { exact: true }).fill('09:30');
    await form.getByLabel('地点', { exact: true }).fill('巡察组谈话室');
    await form.getByLabel('谈话对象', { exact: true }).fill('周强');
    await form.getByLabel('职务', { exact: true }).fill('计财科科长');
    await form.getByLabel('谈话人', { exact: true }).fill('赵刚、钱进');
    await form.getByLabel('情况摘要', { exact: true }).fill(INTERVIEW_SUMMARY);
    await screenshot(page, '21-member-interview-form');
    await form.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '记录已登记');
    const row = page.getByTestId('fieldwork-table').locator('tbody tr').filter({ hasText: INTERVIEW });
    await row.getByText('敏感', { exact: true }).waitFor();
    await logout(page);
  });

  it('组长根据谈话登记问题线索', async () => {
    await login(page, server.url, 'zuzhang');
    await openInspection(page, server.url, UNIT, '问题线索');
    await page.getByTestId('clue-create').click();
    const form = dialog(page, '登记问题线索');
    await form.getByTestId('clue-subject-name').fill(SUBJECT);
    await form.getByTestId('clue-subject-post').fill('区教育局副局长');
    await pick(page, form.getByTestId('clue-category'), '违反廉洁纪律');
    await pick(page, form.getByTestId('clue-source'), '个别谈话');
    await pick(page, form.getByTestId('clue-source-record'), INTERVIEW);
    await form.getByTestId('clue-allegation').fill(ALLEGATION);
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/clues'));
    await form.getByRole('button', { name: '登记', exact: true }).click();
    clue = (await (await created).json()) as typeof clue;
    await expectToast(page, '问题线索已登记');
    await page.getByTestId('clue-table').getByText(clue.code).waitFor();
    await screenshot(page, '22-leader-clue-registered');
    await logout(page);
  });

  it('组员只能看到线索数量，看不到线索内容', async () => {
    await login(page, server.url, 'zuyuan');
    await openInspection(page, server.url, UNIT, '问题线索');
    const counts = page.getByTestId('clue-counts');
    await counts.getByText('线索内容仅限组长、巡察办主任及授权人员查看').waitFor();
    // the figure renders after its title: poll until it is there
    await expect.poll(() => counts.locator('.ant-statistic').first().textContent()).toContain('1');
    await expect(page.getByTestId('clue-table').count()).resolves.toBe(0);
    await screenshot(page, '23-member-clue-counts-only');
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain(SUBJECT);
    expect(body).not.toContain(ALLEGATION);

    // nor does the server hand it over when asked directly
    const direct = await page.request.get(`${server.url}/api/clues/${clue.id}`);
    expect([403, 404]).toContain(direct.status());
    expect(await direct.text()).not.toContain(SUBJECT);
    const listed = await page.request.get(`${server.url}/api/inspections/${server.demo.jiaoyuInspectionId}/clues`);
    expect(await listed.text()).not.toContain(SUBJECT);
    // and the committee-wide 线索处置台账 is not in the menu nor open to a member
    await expect(page.getByRole('menuitem', { name: '线索处置台账' }).count()).resolves.toBe(0);
    await logout(page);
  });

  it('组长登记问题并按六项纪律等分类', async () => {
    await login(page, server.url, 'zuzhang');
    await openInspection(page, server.url, UNIT);
    await page.getByTestId('create-finding').click();
    const form = dialog(page, '登记问题');
    await form.getByTestId('finding-title').fill(FINDING);
    await form.getByLabel('问题事实').fill('3 所学校食堂食材由同一公司供货，未经集中采购程序，单价高于市场价 15%。');
    await pick(page, form.getByTestId('finding-aspect'), '党风廉政建设和反腐败');
    await pick(page, selectByLabel(form, '佐证记录'), INTERVIEW);
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '问题已登记');

    // classified after the team's discussion, on the finding's own page
    await page.getByRole('link', { name: FINDING }).click();
    await page.getByTestId('edit-finding').click();
    const edit = dialog(page, '修改问题');
    await pick(page, selectByLabel(edit, '六项纪律'), '廉洁纪律');
    await pick(page, selectByLabel(edit, '三个重点'), '重点人');
    await pick(page, selectByLabel(edit, '权力类型'), '资金资源分配');
    await pick(page, selectByLabel(edit, '领域'), '政府采购');
    await page.keyboard.press('Escape');
    await edit.getByText('共性问题（多个单位普遍存在）').click();
    await edit.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '问题已修改');
    const tags = page.locator('.ant-descriptions-row').filter({ hasText: '问题分类' });
    for (const tag of ['党风廉政建设和反腐败', '廉洁纪律', '重点人', '资金资源分配', '政府采购', '共性问题']) {
      await tags.locator('.ant-tag').filter({ hasText: tag }).waitFor();
    }
    await page.locator('.ant-card').filter({ hasText: '佐证记录（了解情况）' }).getByText(INTERVIEW).waitFor();
    await screenshot(page, '24-leader-finding-classified');
    await logout(page);
  });

  it('巡察报告经领导小组审定后，巡察办下发反馈意见', async () => {
    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT);
    await page.getByTestId('inspection-investigate').click();
    await page.getByTestId('inspection-report').click();
    await page.getByTestId('issue-feedback').waitFor();
    await logout(page);

    const report = await submitAndApproveReport(page, server.url, UNIT, {
      submitted: '25-leader-report-submitted',
      approved: '26-leading-group-report-approved',
    });
    expect(report).toContain(FINDING);
    // the draft counts clues and never names them
    expect(report).not.toContain(SUBJECT);

    await login(page, server.url, 'office');
    await openInspection(page, server.url, UNIT, '反馈意见');
    await page.getByTestId('feedback-issue').click();
    const feedback = dialog(page, '下发反馈意见');
    await expect(feedback.getByTestId('feedback-content').inputValue()).resolves.toContain(FINDING);
    await feedback.getByRole('button', { name: '确认下发' }).click();
    await expectToast(page, '反馈意见已下发');
    await page.locator('.ant-tag').filter({ hasText: '已下发' }).waitFor();
    await expect(page.getByTestId('inspection-phase-steps').textContent()).resolves.toContain('反馈');
    await screenshot(page, '27-office-feedback-issued');
    await logout(page);
  });

  it('组长把问题线索移交纪委监委', async () => {
    await login(page, server.url, 'zuzhang');
    await openInspection(page, server.url, UNIT, '移交');
    await page.getByTestId('handover-create').click();
    const form = dialog(page, '移交问题线索或问题');
    await pick(page, form.getByTestId('handover-clue'), clue.code);
    // the clue bears on the classified finding: the 成果运用台账 row of that finding follows the handover
    await pick(page, form.getByTestId('handover-finding'), FINDING);
    await form.getByLabel('移交说明').fill('经巡察工作领导小组研究同意，移交区纪委监委处置。');
    await form.getByRole('button', { name: '移交', exact: true }).click();
    await expectToast(page, '已移交');
    const row = page.getByTestId('handover-table').locator('tbody tr').filter({ hasText: clue.code });
    await row.getByText('区纪委监委').waitFor();
    await row.locator('.ant-tag').filter({ hasText: '已移交' }).waitFor();
    await screenshot(page, '28-leader-clue-handed-over');
    await logout(page);
  });

  it('纪委监委接收线索并反馈第二种形态', async () => {
    await login(page, server.url, 'jiwei');
    await page.getByRole('menuitem', { name: '移交办理' }).click();
    await page.getByRole('tab', { name: '待接收' }).click();
    const row = clueRow('handover-table');
    await row.getByTestId('handover-accept').click();
    const accept = dialog(page, '接收移交');
    await accept.getByTestId('handover-handler').fill('孙立');
    await accept.getByTestId('handover-step-ok').click();
    await expectToast(page, '接收移交成功');

    // the receiving handler now reads what was handed over
    await page.getByRole('tab', { name: '办理中' }).click();
    await row.getByTestId('handover-open').click();
    const drawer = page.getByTestId('handover-drawer');
    await drawer.getByTestId('handover-clue-content').getByText(ALLEGATION).waitFor();
    // let the drawer finish sliding in before the picture
    await page.locator('[class*="ant-drawer-panel-motion"]').waitFor({ state: 'detached' });
    await screenshot(page, '29-discipline-clue-content');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await row.getByTestId('handover-conclude').click();
    const conclude = dialog(page, '反馈处置结果');
    // the person's 形态 first: afterwards the 处置结果 select also reads "…形态…"
    await conclude.getByTestId('handover-person-name').fill(SUBJECT);
    await conclude.getByPlaceholder('职务').fill('区教育局副局长');
    await pick(page, conclude.locator('.ant-select').filter({ hasText: /^形态$/ }), '第二种形态');
    await conclude.getByPlaceholder('处理措施，如党内警告').fill('党内警告');
    await pick(page, conclude.getByTestId('handover-disposition'), '第二种形态（轻处分、组织调整）');
    await conclude
      .getByTestId('handover-summary')
      .fill('经初步核实，反映问题基本属实，给予马国华党内警告处分，责令退还多付货款。');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await screenshot(page, '30-discipline-conclude-form');
    await conclude.getByTestId('handover-step-ok').click();
    await expectToast(page, '反馈处置结果成功');
    await page.getByRole('tab', { name: '已办结' }).click();
    await row.locator('.ant-tag').filter({ hasText: '已反馈结果' }).waitFor();
    await logout(page);
  });

  it('巡察办在成果运用台账和线索处置台账看到全链条', async () => {
    await login(page, server.url, 'office');
    await page.getByRole('menuitem', { name: '成果运用台账' }).click();
    await page.getByPlaceholder('搜索问题标题').fill(FINDING);
    await page.keyboard.press('Enter');
    const row = page.getByTestId('results-table').locator('tbody tr').filter({ hasText: FINDING });
    await row.locator('.ant-tag').filter({ hasText: '报告 ✓' }).waitFor();
    await row.locator('.ant-tag').filter({ hasText: '反馈 ✓' }).waitFor();
    // the clue was handed over as bearing on this finding: its result shows in the finding's chain
    await row.locator('.ant-tag').filter({ hasText: '移交 区纪委监委 已反馈结果 · 第二种形态' }).waitFor();
    await screenshot(page, '31-office-results-ledger');

    await page.getByRole('menuitem', { name: '线索处置台账' }).click();
    const ledgerRow = clueRow('clue-table');
    await ledgerRow.getByText('区纪委监委').waitFor();
    await ledgerRow.locator('.ant-tag').filter({ hasText: '已反馈结果' }).waitFor();
    await ledgerRow.locator('.ant-tag').filter({ hasText: '第二种形态' }).waitFor();
    await screenshot(page, '32-office-clue-ledger');
  });
});
