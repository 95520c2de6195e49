// The issue-6 journey's world and steps (e2e/rectification.test.ts): 区教育局's people, the texts the unit
// and 巡察办 write, and the ledger, plan and task steps as users take them in the browser.
import type { Locator, Page } from 'playwright-core';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import type { Db } from '../../server/src/platform/db.ts';
import { DEMO_PASSWORD, type DemoIds } from '../../server/src/seed/demo.ts';
import { dialog, expectToast, pick } from './antd.ts';
import { login } from './browser.ts';

export const UNIT = '区教育局';
export const ZHUJIAN = '区住房和城乡建设局';
// the demo's finding of 区教育局, and one more registered by 巡察办 in the journey
export const FINDING_1 = '教育收费和食堂经费管理不规范';
export const FINDING_2 = '校外培训机构审批监管不到位';
export const TASK_1 = '全面清退以“资料费”名义收取的费用';
export const TASK_2 = '学校食堂食材纳入集中采购';
export const TASK_3 = '开展校外培训机构审批专项检查';
/** The 任务清单 and 责任清单 entries the unit fills in for each task. */
export const SPLITS = {
  fees: {
    title: TASK_1,
    measures: '逐校核查 2025 年以来收费情况，违规收取的资料费 30 日内全部退还学生家长，退费凭证存档备查。',
    department: '计财科',
  },
  canteen: {
    title: TASK_2,
    measures: '制定学校食堂食材集中采购管理办法，全部学校食堂食材采购纳入区集中采购平台。',
    department: '后勤管理科',
  },
  training: {
    title: TASK_3,
    measures: '对 2025 年以来审批的校外培训机构逐一现场核查，不符合条件的依法撤销办学许可。',
    department: '民办教育科',
  },
};
export const PLAN_V1 = `中共区教育局党组关于落实区委第一巡察组反馈意见的整改方案

一、总体要求
坚持把巡察整改作为重大政治任务，做到问题不查清不放过、整改不到位不放过。

二、整改任务
（一）教育收费和食堂经费管理不规范：清退违规收费，加强食堂管理。
（二）校外培训机构审批监管不到位：加强审批监管。`;
export const PLAN_V2 = `中共区教育局党组关于落实区委第一巡察组反馈意见的整改方案（修改稿）

一、总体要求
对照反馈意见逐条建立问题清单、任务清单、责任清单，做到立行立改、真改实改。

二、组织领导
成立由局党组书记陈丽任组长的巡察整改工作领导小组，整改联络员何静负责日常调度。

三、整改任务（详见三张清单）
（一）教育收费和食堂经费管理不规范：30 日内逐校清退“资料费”并留存退费凭证；学校食堂食材全部纳入集中采购。
（二）校外培训机构审批监管不到位：对 2025 年以来审批的机构逐一现场核查，不符合条件的依法撤销许可。`;
export const RETURN_REASONS = '整改措施笼统，未明确完成时限和责任人，请逐条细化后重新报送（退回重来）。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** YYYY-MM-DD in Shanghai, `days` from today: the server dates everything there. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * 区教育局 has no accounts in the demo (its head and liaison are 区住建局's), and the app has no account
 * administration yet: its head 陈丽 (jyjz), liaison 何静 (jyll) and task owner 周强 (jyzr) are added to the
 * database before the server starts (startServer's `prepare`).
 */
export async function addJiaoyuPeople(db: Db, demo: DemoIds): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const unitId = demo.units.jiaoyu as string;
  const people = [
    { username: 'jyjz', name: '陈丽', role: 'unit_head', scopeKind: 'unit', scopeId: unitId },
    { username: 'jyll', name: '何静', role: 'unit_liaison', scopeKind: 'unit', scopeId: unitId },
    { username: 'jyzr', name: '周强', role: 'task_owner', scopeKind: 'self', scopeId: null },
  ];
  for (const p of people) {
    const user = await db
      .insertInto('app_user')
      .values({
        username: p.username,
        display_name: p.name,
        password_hash: passwordHash,
        committee_id: demo.committeeId,
        unit_id: unitId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('user_role')
      .values({ user_id: user.id, role_code: p.role, scope_kind: p.scopeKind, scope_id: p.scopeId })
      .execute();
  }
}

/** The data rows of the 三张清单 grid (antd adds an empty measuring row to a scrolling table). */
export const ledgerRows = (page: Page) => page.getByTestId('ledger-grid').locator('tbody tr.ant-table-row');
/** The first row of a finding in the grid (the only one that names it). */
export const ledgerFindingRow = (page: Page, title: string) => ledgerRows(page).filter({ hasText: title });
/** A task's row in the grid: its cells are inputs, so it is found by the title cell's value. */
export const ledgerTaskRow = (page: Page, title: string) =>
  ledgerRows(page).filter({ has: page.locator(`[data-testid="ledger-cell-title"][value="${title}"]`) });

export const planStatus = (page: Page, label: string) => page.getByTestId('plan-status').filter({ hasText: label });

/** A status tag reading exactly `label` (待销号 must not match 已销号's neighbours). */
export const statusTag = (page: Page, label: string) =>
  page
    .locator('.ant-tag')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first();

/** 分解任务 from the finding's row of the grid: the 任务清单 entry and its 责任清单 (owner 周强, 30 days). */
export async function splitTask(
  page: Page,
  finding: string,
  task: { title: string; measures: string; department: string },
): Promise<void> {
  await ledgerFindingRow(page, finding).getByTestId('ledger-create-task').click();
  const form = dialog(page, '分解整改任务');
  await form.getByLabel('整改任务').fill(task.title);
  await form.getByLabel('整改措施').fill(task.measures);
  await form.getByLabel('责任领导').fill('陈丽');
  await form.getByLabel('责任部门').fill(task.department);
  await pick(page, form.getByTestId('task-owner-select'), '周强');
  await form.getByTestId('task-due-date').click();
  await page.keyboard.type(shanghaiDay(30));
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: '保存' }).click();
  await expectToast(page, '整改任务已创建');
  await ledgerTaskRow(page, task.title).waitFor();
}

/** 主要负责人: 报送审核 and confirm. The outcome (toast) is the caller's to check. */
export async function submitPlanAsHead(page: Page): Promise<void> {
  await page.getByTestId('plan-submit').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '报送', exact: true }).click();
}

/** Logs in and opens a task from the 整改台账. */
export async function openTask(page: Page, baseUrl: string, username: string, title: string): Promise<void> {
  await login(page, baseUrl, username);
  await findTask(page, baseUrl, title);
}

/** Opens a task from the 整改台账, searched by title as a user would. */
export async function findTask(page: Page, baseUrl: string, title: string): Promise<void> {
  await page.goto(`${baseUrl}/tasks`);
  await page.getByTestId('task-filter-q').locator('input').fill(title);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title }).waitFor();
}

/** 责任人: one PDF as 文件材料 with its description. */
export async function uploadEvidence(page: Page, description: string, fileName: string): Promise<void> {
  await pick(page, page.getByTestId('evidence-kind'), '文件材料');
  await page.getByTestId('evidence-description').fill(description);
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
  await page.getByTestId('evidence-upload-submit').click();
  await page.getByRole('link', { name: fileName }).waitFor();
}

/** 责任人: 申请销号 with the 整改情况说明. */
export async function applyForClosure(page: Page, summary: string): Promise<void> {
  await page.getByTestId('task-submit').click();
  await page.getByTestId('task-submit-summary').fill(summary);
  await dialog(page, '申请销号').getByRole('button', { name: '提交申请' }).click();
  await statusTag(page, '待销号').waitFor();
}

/** Opens an antd Select with search, types, and takes the option containing `text`. */
export async function searchPick(page: Page, trigger: Locator, text: string): Promise<void> {
  await trigger.click();
  await page.keyboard.type(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });
  await option.first().waitFor();
  await option.first().dispatchEvent('click');
}
