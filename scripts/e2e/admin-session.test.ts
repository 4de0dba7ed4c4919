import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, DEMO_PASSWORD, loginAndWaitHome } from './admin-support';
import {
  desktopContext,
  launchBrowser,
  peekCaptcha,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';

interface Candidate {
  id: number;
  name: string;
  accountKind: string;
}

describe('admin web: session refresh and re-login without losing the page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refreshes a rejected access token silently; after revoke-all a re-login modal keeps the half-filled form', async () => {
    const { baseURL } = server;
    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');

    // An access token the server refuses is replaced through the refresh token, and the request retried.
    await page.evaluate(() => localStorage.setItem('xf.admin.accessToken', 'not-a-valid-token'));
    await page.getByRole('menuitem', { name: '查看机构人员信息' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await page.evaluate(() => localStorage.getItem('xf.admin.accessToken'))).not.toBe(
      'not-a-valid-token',
    );

    // Half-fill the staff account form.
    await page.getByRole('menuitem', { name: '管理机构人员账号' }).click();
    await page.getByRole('button', { name: '添加企业人员账号' }).click();
    await page
      .locator('button')
      .filter({ hasText: /^选择$/ })
      .click();
    const picker = page.locator('.ant-modal').filter({ hasText: '选择员工' });
    const firstRow = picker.locator('.ant-table-row').first();
    await firstRow.waitFor();
    const personName = (await firstRow.locator('td').first().textContent())!.trim();
    await firstRow.getByRole('button', { name: '选择' }).click();
    await picker.waitFor({ state: 'hidden' });
    const accountName = `keep${Date.now() % 1_000_000}`;
    await page.getByLabel('账号').fill(accountName);
    await page.getByLabel('密码').fill('Keep123456');

    // Every session of jigou01 is revoked elsewhere: access and refresh tokens both stop working.
    const other = await apiLogin(baseURL, 'jigou01');
    await apiCall(baseURL, other, 'POST', '/auth/revoke-all');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    const relogin = page.locator('.ant-modal').filter({ hasText: '登录已失效，请重新登录' });
    await relogin.waitFor();
    // The page under the modal is still mounted with what was typed.
    expect(await page.getByLabel('员工姓名').inputValue()).toBe(personName);
    expect(await page.getByLabel('账号').inputValue()).toBe(accountName);
    expect(await relogin.getByPlaceholder('用户名').inputValue()).toBe('jigou01');
    await shootAdmin(page, 'relogin-modal');

    const captchaId = await relogin.getByTestId('captcha-image').getAttribute('data-captcha-id');
    expect(captchaId).toBeTruthy();
    await relogin.getByPlaceholder('密码').fill(DEMO_PASSWORD);
    await relogin.getByPlaceholder('验证码').fill(await peekCaptcha(baseURL, captchaId!));
    await relogin.getByRole('button', { name: '登录', exact: true }).click();

    // The interrupted save is retried after the re-login and succeeds.
    await page.waitForURL('**/institution/accounts');
    await page.locator('.ant-table-row').filter({ hasText: accountName }).waitFor();
    const admin = await apiLogin(baseURL, 'jigou01');
    const candidates = await apiCall<Candidate[]>(baseURL, admin, 'GET', '/accounts/candidates');
    expect(candidates.some((c) => c.name === personName)).toBe(false);
    await context.close();
  });
});
