// Debian's Chromium driven by playwright-core. Browsers are never downloaded here. In CI (or with
// XUNCHA_REQUIRE_BROWSER=1) a missing Chromium fails the run; elsewhere the journeys are skipped loudly.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-output/e2e');

const required = process.env.CI === 'true' || process.env.XUNCHA_REQUIRE_BROWSER === '1';
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable) {
  const message = `未找到 Chromium（${CHROMIUM}）：请执行 apt-get install -y chromium fonts-noto-cjk`;
  if (required) throw new Error(`${message}。CI 中浏览器测试不能跳过。`);
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!! ${message}\n!! 浏览器端到端测试已跳过（CI 中为必测项）。\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export async function login(page: Page, baseUrl: string, username: string, password = 'Xuncha@2026'): Promise<void> {
  // a step that failed before logging out leaves a session, and /login would redirect away from the form
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
}
