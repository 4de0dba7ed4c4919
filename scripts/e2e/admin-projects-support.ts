// Form helpers for the project-entry browser tests (antd selects, cascaders and date pickers).
import type { Locator, Page } from 'playwright-core';

/** The antd form item whose label is exactly `label`. */
export const formItem = (page: Page, label: string): Locator =>
  page.locator('.ant-form-item').filter({ has: page.locator(`label[title="${label}"]`) });

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Opens the select under `label`, optionally types a search, and clicks the option containing `option`. */
export async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  await formItem(page, label).locator('.ant-select').first().click();
  if (search) await page.keyboard.type(search);
  await openDropdown(page).locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** The option texts the select under `label` offers. */
export async function optionTexts(page: Page, label: string): Promise<string[]> {
  await formItem(page, label).locator('.ant-select').first().click();
  const options = openDropdown(page).locator('.ant-select-item-option');
  await options.first().waitFor();
  const texts = await options.allTextContents();
  await page.keyboard.press('Escape');
  return texts;
}

export async function pickRegion(page: Page, label: string, names: string[]) {
  await formItem(page, label).locator('.ant-cascader').click();
  for (const name of names) {
    await page
      .locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
  }
  await page.keyboard.press('Escape');
}

/**
 * Types a date (YYYY-MM-DD) or month (YYYY-MM) into the picker under `label` and leaves it with Tab
 * (Enter would also submit the form).
 */
export async function typeDate(page: Page, label: string, value: string) {
  const input = formItem(page, label).locator('input');
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await page.waitForFunction(
    ([l, v]) =>
      [...document.querySelectorAll('.ant-form-item')].some(
        (item) =>
          item.querySelector(`label[title="${l}"]`) &&
          (item.querySelector('input') as HTMLInputElement | null)?.value === v,
      ),
    [label, value] as const,
  );
}

/** Text of the first field error shown under `label`. */
export async function errorUnder(page: Page, label: string): Promise<string> {
  const explain = formItem(page, label).locator('.ant-form-item-explain-error').first();
  await explain.waitFor();
  return (await explain.textContent()) ?? '';
}

/** A tiny but well-formed PDF (the server recognises files by content). */
export function samplePdf(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}
