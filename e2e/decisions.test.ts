// The 分析与决策 pages of issue 9 in a real browser, on the demo district: the leader's printable 总览, the
// office's 统计分析 (a figure opens exactly the rows it counts), 共性问题 研判, 风险排序, 整改不实预警, the city
// committee's 上下联动 view of its two districts, and a signed 数据报送包 that verifies once and is refused
// when tampered with. Screenshots: 71-83.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, login, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const CSRF = { 'X-Xuncha-Csrf': '1' };
/** expect.poll gives up after 1 s by default; pages here load and render charts for longer on a busy machine */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

/** The number a stat card shows ("问题总数 284 个" → 284). */
async function figureOf(card: Locator): Promise<number> {
  const text = ((await card.textContent()) ?? '').replaceAll(',', '');
  const match = /(\d+)\s*[个项件人]/.exec(text);
  if (!match) throw new Error(`no figure in “${text}”`);
  return Number(match[1]);
}

describe.skipIf(!browserAvailable)('分析与决策（浏览器）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let files: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    files = await mkdtemp(path.join(tmpdir(), 'xuncha-exchange-'));
  });
  // a failing step leaves a picture of what the user saw
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(() => screenshot(page, `failed-${task.name}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('领导打开巡察工作总览，一页看清全区巡察工作，并可打印', async () => {
    await login(page, server.url, 'leader');
    await page.goto(`${server.url}/overview`);
    await poll(() => page.getByTestId('overview-title').textContent()).toContain('巡察工作总览');
    expect(await page.getByTestId('overview-as-of').textContent()).toContain('截至');
    await page.getByTestId('overview-chart-aspect').waitFor();
    expect(await page.getByTestId('overview-print').isVisible()).toBe(true);
    await screenshot(page, '71-overview');
    await page.getByTestId('overview-stat-findings-link').click();
    await page.waitForURL((url) => url.pathname === '/analytics' && url.searchParams.get('tab') === 'findings');
  });

  it('统计分析：点击问题总数，下钻列表的条数与统计数一致', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/analytics?tab=findings`);
    const total = page.getByTestId('findings-stat-total');
    await poll(() => figureOf(total)).toBeGreaterThan(0);
    const figure = await figureOf(total);
    await page.getByTestId('findings-chart-discipline').waitFor();
    await screenshot(page, '72-analytics-findings');
    await total.click();
    const drill = page.getByTestId('analytics-drill');
    await poll(() => drill.textContent()).toContain(`共 ${figure} 条`);
    await screenshot(page, '73-analytics-drill');
    await page.keyboard.press('Escape');
    // a narrower filter counts fewer findings
    await page.goto(`${server.url}/analytics?tab=findings&unitKind=village`);
    await poll(() => figureOf(page.getByTestId('findings-stat-total'))).toBeLessThan(figure);
  });

  it('统计分析：整改成效、成果运用、移交办理、工作量、覆盖进度各有图表和明细', async () => {
    for (const [tab, testId, shot] of [
      ['rectification', 'rect-units', '74-analytics-rectification'],
      ['outcomes', 'outcomes-chart-forms', '75-analytics-outcomes'],
      ['handover', 'handover-groups', '76-analytics-handover'],
      ['workload', 'workload-teams', '77-analytics-workload'],
      ['coverage', 'coverage-summary', '78-analytics-coverage'],
    ] as const) {
      await page.goto(`${server.url}/analytics?tab=${tab}`);
      await page.getByTestId(testId).waitFor();
      await page.waitForTimeout(500); // charts animate in
      await screenshot(page, shot);
    }
    // 曾被退回: the gauge and the rows behind it agree
    await page.goto(`${server.url}/analytics?tab=rectification`);
    await page.getByTestId('rect-gauge-returned').click();
    await poll(() => page.getByTestId('analytics-drill').textContent()).toMatch(/共 \d+ 条/);
  });

  it('共性问题：巡察办研判后，类似问题归为一类并可查看涉及的问题', async () => {
    await login(page, server.url, 'banshi');
    await page.goto(`${server.url}/common-problems`);
    await page.getByTestId('cp-refresh').click();
    await page.getByTestId('cp-chart').waitFor({ timeout: 60_000 });
    await page.getByTestId('cp-cluster-open').first().click();
    const findings = page.getByTestId('cp-drawer-findings').locator('tbody tr.ant-table-row');
    await poll(() => findings.count()).toBeGreaterThan(1);
    await screenshot(page, '79-common-problems');
    await page.keyboard.press('Escape');
  });

  it('风险排序：每个单位的得分说得清来由，调整权重可先预览', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/risk-ranking`);
    const rows = page.getByTestId('risk-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBeGreaterThan(5);
    await page.getByTestId('risk-chart').waitFor();
    await rows.first().locator('.ant-table-row-expand-icon').click();
    await poll(() => page.locator('[data-testid^=risk-explain-]').first().textContent()).toContain('距上次巡察');
    await screenshot(page, '83-risk-ranking');
    await page.getByTestId('risk-weights-open').click();
    await page.getByTestId('risk-weight-integrity').fill('100');
    await page.getByTestId('risk-preview').click();
    await page.getByTestId('risk-preview-banner').waitFor();
  });

  it('整改不实预警：区中医院在集中整改期结束前一天突击销号 7 项', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/rectification-signals`);
    await poll(() => page.getByTestId('signal-card-all').textContent()).toContain('10');
    await page.getByTestId('signal-card-bulk_close').click();
    const rows = page.getByTestId('signal-table').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(7);
    expect(await rows.first().textContent()).toContain('一天内销号 7 项');
    await screenshot(page, '80-rectification-signals');
  });

  it('上下联动：市委巡察办看到两个区委的汇总，并可穿透查看明细', async () => {
    await login(page, server.url, 'shixunban');
    await page.goto(`${server.url}/linkage`);
    const rows = page.getByTestId('linkage-committees').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(3);
    await page.getByTestId('linkage-chart').waitFor();
    await screenshot(page, '81-linkage');
    await page.getByTestId('linkage-drill-open').first().click();
    await page.getByTestId('linkage-drill-inspections').waitFor();
  });

  it('数据报送交换：签名报送包核验通过后导入，篡改后的报送包被拒绝', async () => {
    await login(page, server.url, 'office');
    await page.goto(`${server.url}/exchange`);
    await page.getByTestId('exchange-make-identity').click();
    await page.getByTestId('exchange-fingerprint').waitFor();
    const year = Number(new Date().toISOString().slice(0, 4));
    const made = await page.request.post(`${server.url}/api/exchange/packages`, {
      headers: CSRF,
      data: { from: `${year - 5}-01-01`, to: `${year}-12-31` },
    });
    expect(made.status()).toBe(200);
    const signed = await made.json();
    const trusted = await page.request.post(`${server.url}/api/exchange/trusted-keys`, {
      headers: CSRF,
      data: { publicKey: signed.signer.publicKey, sourceCommitteeName: '中共示例市城关区委' },
    });
    expect(trusted.status()).toBe(200);
    const good = path.join(files, 'package.json');
    const tampered = path.join(files, 'tampered.json');
    await writeFile(good, JSON.stringify(signed));
    await writeFile(tampered, JSON.stringify({ ...signed, statistics: { ...signed.statistics, findings: 1 } }));
    await page.getByRole('tab', { name: '接收核验' }).click();
    const input = page.locator('input[type=file]');
    await input.setInputFiles(good);
    await poll(() => page.getByTestId('exchange-import-result').textContent()).toContain('已核验');
    await screenshot(page, '82-exchange');
    await input.setInputFiles(tampered);
    await poll(() => page.getByTestId('exchange-import-result').textContent()).toContain('已拒绝');
  });
});
