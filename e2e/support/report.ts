// The 巡察报告 of issue 5 as its users handle it in the browser: the team leader (赵刚) generates the draft
// from the findings, saves it as a version and submits it; the 领导小组 leader (李明) approves it. Only then
// may 巡察办 issue the 反馈意见. Each helper starts logged out and ends logged out.
import type { Page } from 'playwright-core';
import { dialog, expectToast } from './antd.ts';
import { login, logout, screenshot } from './browser.ts';

/** Opens an inspection from the 巡察项目 list, and one of its tabs if named. */
export async function openInspection(page: Page, baseUrl: string, unitName: string, tab?: string): Promise<void> {
  await page.goto(`${baseUrl}/inspections`);
  await page.getByRole('link', { name: unitName, exact: true }).click();
  await page.getByTestId('inspection-phase-steps').waitFor();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
}

/** The status tag at the top of the 巡察报告 tab: 起草中 / 已报送 / 已退回 / 已审定. */
function reportStatus(page: Page, label: string) {
  return page
    .locator('.ant-tag')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();
}

/** 组长: 从问题清单生成 → 保存为新版本 → 报送领导小组. Returns the generated text. */
export async function submitReport(page: Page, baseUrl: string, unitName: string, shot?: string): Promise<string> {
  await login(page, baseUrl, 'zuzhang');
  await openInspection(page, baseUrl, unitName, '巡察报告');
  await page.getByTestId('report-assemble').click();
  await expectToast(page, '已生成初稿');
  const text = await page.getByTestId('report-content').inputValue();
  await page.getByTestId('report-note').fill('按问题清单生成初稿');
  await page.getByTestId('report-save').click();
  await expectToast(page, '已保存为新版本');
  await page.getByText('当前第 1 版').waitFor();
  await page.getByTestId('report-submit').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '报送', exact: true }).click();
  await expectToast(page, '巡察报告已报送领导小组');
  await reportStatus(page, '已报送').waitFor();
  if (shot) await screenshot(page, shot);
  await logout(page);
  return text;
}

/** 领导小组组长: reads the submitted text and approves it with a comment. */
export async function approveReport(page: Page, baseUrl: string, unitName: string, shot?: string): Promise<void> {
  await login(page, baseUrl, 'leader');
  await openInspection(page, baseUrl, unitName, '巡察报告');
  await page.getByTestId('report-text').waitFor();
  await page.getByTestId('report-approve').click();
  const decision = dialog(page, '审定巡察报告');
  await decision.getByTestId('report-decision-comment').fill('同意，按程序向被巡察单位党组织反馈。');
  await decision.getByRole('button', { name: '审定通过' }).click();
  await expectToast(page, '巡察报告已审定');
  await reportStatus(page, '已审定').waitFor();
  if (shot) await screenshot(page, shot);
  await logout(page);
}

/** Both steps: the report goes from nothing to 已审定, so the feedback may be issued. */
export async function submitAndApproveReport(
  page: Page,
  baseUrl: string,
  unitName: string,
  shots: { submitted?: string; approved?: string } = {},
): Promise<string> {
  const text = await submitReport(page, baseUrl, unitName, shots.submitted);
  await approveReport(page, baseUrl, unitName, shots.approved);
  return text;
}
