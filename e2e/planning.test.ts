// The planning journey of issue 4 in a real browser, on the demo district: 巡察办 builds the next term's plan,
// schedules a round with a team and a target, meets a 回避 refusal when adding a cadre who works in the target
// unit, a leader approves the exception with a reason, and the coverage view counts the newly scheduled unit.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dialog, expectToast, pick, selectByLabel } from './support/antd.ts';
import { browserAvailable, launchBrowser, login, logout, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

// The demo term runs to the end of next year; the plan built here is the one after it.
const NEXT_TERM_YEAR = new Date().getFullYear() + 2;
const PLAN_NAME = '十六届区委巡察工作规划';
const ROUND_NAME = '十六届区委第一轮巡察';
const TEAM_NAME = '区委第一巡察组';
const TARGET = '区卫生健康局';
// demo-cadres.ts: 张伟 is 副局长 of 区卫生健康局, so he must 回避 an inspection of it
const CONFLICTED_CADRE = '张伟';

/** Types both ends of an antd RangePicker the way a user would, replacing any suggested dates. */
async function fillRange(page: Page, picker: Locator, start: string, end: string) {
  await picker.locator('input').first().click();
  for (const date of [start, end]) {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(date);
    await page.keyboard.press('Enter');
  }
}

/** Searches an antd Select by typing, then takes the option with this text. */
async function searchAndPick(page: Page, trigger: Locator, text: string) {
  await trigger.click();
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });
  await option.first().waitFor();
  await page.keyboard.press('Enter');
}

async function scheduledCount(page: Page): Promise<string> {
  const stat = page.getByTestId('coverage-summary').locator('.ant-statistic').filter({ hasText: '已安排待进驻' });
  return ((await stat.locator('.ant-statistic-content-value').textContent()) ?? '').trim();
}

describe.skipIf(!browserAvailable)('届内规划与组建巡察组（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let teamUrl = '';

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

  it('巡察办新建下一届的届内规划，覆盖情况从零开始', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/term-plans`);
    await page.getByTestId('coverage-summary').waitFor();
    await page.getByTestId('term-plan-create').click();
    const form = dialog(page, '新建届内规划');
    await form.getByTestId('term-plan-name').fill(PLAN_NAME);
    await fillRange(
      page,
      form.locator('.ant-form-item').filter({ hasText: '届期' }).first(),
      `${NEXT_TERM_YEAR}-01-01`,
      `${NEXT_TERM_YEAR + 4}-12-31`,
    );
    await form.getByRole('button', { name: '保存' }).click();
    await expectToast(page, '已');
    await page.getByText(PLAN_NAME).first().waitFor();
    await page.getByTestId('coverage-chart').waitFor();
    await expect(scheduledCount(page)).resolves.toBe('0');
    await screenshot(page, '11-office-new-term-plan');
  });

  it('巡察办安排轮次、组建巡察组并确定巡察对象', async () => {
    await page.goto(`${server.url}/rounds`);
    await page.getByRole('button', { name: '新建轮次' }).click();
    const round = dialog(page, '新建巡察轮次');
    await round.getByLabel('轮次名称').fill(ROUND_NAME);
    await round.getByLabel('年度').fill(String(NEXT_TERM_YEAR));
    await round.getByLabel('轮次序号').fill('1');
    await fillRange(
      page,
      round.locator('.ant-form-item').filter({ hasText: '起止日期' }).first(),
      `${NEXT_TERM_YEAR}-03-02`,
      `${NEXT_TERM_YEAR}-05-29`,
    );
    await round.getByRole('button', { name: '保存' }).click();
    await page.getByRole('link', { name: ROUND_NAME }).click();

    await page.getByTestId('team-create').click();
    const team = dialog(page, '组建巡察组');
    await team.getByTestId('team-name-input').fill(TEAM_NAME);
    await team.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('round-teams').getByRole('link', { name: TEAM_NAME }).click();
    await page.waitForURL(/\/teams\//);
    teamUrl = page.url();

    await page.goto(`${server.url}/inspections`);
    await page.getByRole('button', { name: '新建巡察' }).click();
    const inspection = dialog(page, '新建巡察');
    await searchAndPick(page, selectByLabel(inspection, '巡察轮次'), ROUND_NAME);
    await pick(page, inspection.getByTestId('inspection-type-select'), '常规巡察');
    await searchAndPick(page, inspection.getByTestId('inspection-unit-select'), TARGET);
    await pick(page, inspection.getByTestId('inspection-team-select'), TEAM_NAME);
    await fillRange(
      page,
      inspection.locator('.ant-form-item').filter({ hasText: '巡察起止日期' }).first(),
      `${NEXT_TERM_YEAR}-03-09`,
      `${NEXT_TERM_YEAR}-04-30`,
    );
    await inspection.getByLabel('选定理由').fill('医疗卫生领域廉政风险高，群众反映集中，上届以来未巡察');
    await inspection.getByRole('button', { name: '保存' }).click();
    // saving opens the new inspection's page
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}/);
    await page.getByRole('heading', { name: TARGET }).waitFor();
  });

  it('添加须回避的干部被拒绝，并看到具体原因', async () => {
    await page.goto(teamUrl);
    await page.getByTestId('team-member-add').click();
    const form = dialog(page, '添加组员');
    await searchAndPick(page, form.getByTestId('member-cadre-select'), CONFLICTED_CADRE);
    const alert = form.getByTestId('avoidance-alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(TARGET);
    await expect(form.getByTestId('avoidance-override-reason').count()).resolves.toBe(0);
    await screenshot(page, '12-office-avoidance-warning');
    await form.getByTestId('member-save').click();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: TARGET }).first().waitFor();
    await form.getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('team-members').getByText(CONFLICTED_CADRE).count()).resolves.toBe(0);
    await logout(page);
  });

  it('领导小组填写理由批准回避例外，干部加入巡察组', async () => {
    await login(page, server.url, 'leader');
    await page.goto(teamUrl);
    await page.getByTestId('team-member-add').click();
    const form = dialog(page, '添加组员');
    await searchAndPick(page, form.getByTestId('member-cadre-select'), CONFLICTED_CADRE);
    await form.getByTestId('avoidance-alert').waitFor();
    await form
      .getByTestId('avoidance-override-reason')
      .fill('该同志为全区唯一具备医疗审计资质的干部，经领导小组研究同意，不参与对本单位的个别谈话');
    await screenshot(page, '13-leader-override');
    await form.getByTestId('member-save').click();
    await expectToast(page, '已加入巡察组');
    await page.getByTestId('team-members').getByText(CONFLICTED_CADRE).first().waitFor();
    await logout(page);
  });

  it('覆盖情况把新安排的单位计入“已安排待进驻”', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/term-plans`);
    await pick(page, page.getByTestId('term-plan-select'), PLAN_NAME);
    await page.getByTestId('coverage-chart').waitFor();
    await expect.poll(() => scheduledCount(page), { timeout: 10_000 }).toBe('1');
    await screenshot(page, '14-office-coverage-after');
    await logout(page);
  });
});
