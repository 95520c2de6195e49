// Small helpers for driving antd controls the way a user does: open a select and pick an option,
// wait for a success toast, read a status tag.
import type { Locator, Page } from 'playwright-core';

/** Opens the antd Select found by `trigger` and clicks the visible option with this text. */
export async function pick(page: Page, trigger: Locator, option: string): Promise<void> {
  await trigger.click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor();
  // On a loaded machine the dropdown may still be sliding in (never "stable") or partly below the fold;
  // the option is rendered, so deliver the click to it directly, as React's handler receives it.
  await item.dispatchEvent('click');
}

/** The select inside the form item with this label. */
export function selectByLabel(scope: Page | Locator, label: string): Locator {
  return scope.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').first();
}

export async function expectToast(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message').getByText(text).first().waitFor({ state: 'visible' });
}

export function dialog(page: Page, title: string): Locator {
  return page.locator('.ant-modal').filter({ hasText: title }).last();
}
