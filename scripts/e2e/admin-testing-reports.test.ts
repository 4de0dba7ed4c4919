import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAndWaitHome } from './admin-support';
import {
  desktopContext,
  launchBrowser,
  LAPTOP_VIEWPORT,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';

/**
 * 管理检测服务活动 → 生成检测报告 / 查看检测报告 (manual §02) at 1366×768: the admin picks a testing project and
 * starts a report; a project whose testing plan the lead has not approved is refused with the server's reason.
 */
describe('admin web: testing reports', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({ DEMO_PROJECTS: 'on' });
    browser = await launchBrowser();
    context = await desktopContext(browser, server.baseURL);
    page = await context.newPage();
    await page.setViewportSize(LAPTOP_VIEWPORT);
    await loginAndWaitHome(page, server.baseURL, 'jigou01');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('生成检测报告: lists the testing projects and refuses one not yet approved', async () => {
    await page.getByRole('menuitem', { name: '生成检测报告' }).click();
    await page.waitForURL('**/testing-reports/generate');
    const first = page.locator('[data-testid^="generate-"]').first();
    await first.waitFor();
    await shootAdmin(page, 'testing-reports-generate');
    await first.click();
    // The row's 生成报告 opens a confirmation; its own 生成报告 starts the job.
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '生成报告' }).click();
    await expect
      .poll(() => page.locator('.ant-message, .ant-notification, .ant-modal-confirm').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('审核检测计划通过后才能生成检测报告')]));
    await shootAdmin(page, 'testing-reports-generate-refused');
  });

  it('查看检测报告: the list of testing reports with their files and hashes', async () => {
    await page.goto('/testing-reports');
    await page.getByText('查看检测报告').first().waitFor();
    await page.locator('.ant-table').first().waitFor();
    await shootAdmin(page, 'testing-reports-list');
  });
});
