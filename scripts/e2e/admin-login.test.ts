import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, uiLogin } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface Institution {
  id: number;
  name: string;
}
interface Account {
  accountName: string;
  institutionId: number | null;
  mustChangePassword: boolean;
}

describe('admin web: login, forced password change, wrong password', () => {
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

  it('a freshly issued institution admin must change the password, then reaches the home page', async () => {
    const { baseURL } = server;
    // The brigade issues an institution admin account for an institution that has none yet.
    const brigade = await apiLogin(baseURL, 'zongdui');
    const institutions = await apiCall<{ items: Institution[] }>(
      baseURL,
      brigade,
      'GET',
      '/institutions?pageSize=200',
    );
    const admins = await apiCall<{ items: Account[] }>(
      baseURL,
      brigade,
      'GET',
      '/accounts?kind=institution_admin&pageSize=200',
    );
    const taken = new Set(admins.items.map((a) => a.institutionId));
    const target = institutions.items.find((i) => !taken.has(i.id));
    expect(target, 'an institution without an admin account').toBeDefined();
    const accountName = `admin${Date.now() % 1_000_000}`;
    const issued = await apiCall<Account>(baseURL, brigade, 'POST', '/accounts/institution-admin', {
      institutionId: target!.id,
      accountName,
      password: 'init123456',
    });
    expect(issued.mustChangePassword).toBe(true);

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('北京市消防技术服务机构监督管理系统').waitFor();
    await page
      .getByTestId('captcha-image')
      .and(page.locator('[data-captcha-id]:not([data-captcha-id=""])'))
      .waitFor();
    await shootAdmin(page, 'login');

    // Wrong password: the server's Chinese message is shown and we stay on the login page.
    const firstCaptcha = await uiLogin(page, baseURL, accountName, 'wrong-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('账号或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await shootAdmin(page, 'login-wrong-password');

    // Right password: forced to the password change page.
    await uiLogin(page, baseURL, accountName, 'init123456', firstCaptcha);
    await page.waitForURL('**/change-password');
    await page.getByText('首次登录请修改密码').waitFor();
    await shootAdmin(page, 'forced-password-change');

    // A too-short new password is refused on the field with the shared rule's message.
    await page.getByLabel('原密码').fill('init123456');
    await page.getByLabel('新密码', { exact: true }).fill('123');
    await page.getByLabel('确认新密码').fill('123');
    await page.getByRole('button', { name: '修改密码并进入系统' }).click();
    await page.getByText('密码长度为6-20位').waitFor();

    await page.getByLabel('新密码', { exact: true }).fill('Changed2024');
    await page.getByLabel('确认新密码').fill('Changed2024');
    await page.getByRole('button', { name: '修改密码并进入系统' }).click();
    await page.getByTestId('home-welcome').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('home-welcome').textContent()).toContain('机构管理员');
    // The institution admin's menu follows the manual.
    await page.getByRole('menuitem', { name: '管理服务机构信息' }).waitFor();
    await shootAdmin(page, 'home-institution-admin');

    // The new password works and the flag is cleared on the server.
    const again = await apiLogin(baseURL, accountName, 'Changed2024');
    expect(again.user.mustChangePassword).toBe(false);

    // Logout returns to the login page.
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL('**/login');
    await context.close();
  });
});
