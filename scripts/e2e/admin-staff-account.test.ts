import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, fieldError, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface Candidate {
  id: number;
  name: string;
  certificateNumber: string;
  accountKind: 'operator' | 'project_lead' | 'technical_lead';
}
interface Account {
  accountName: string;
  kind: string;
  personId: number | null;
}

describe('admin web: institution admin adds a staff account', () => {
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

  it('chooses a registry person with 选择; the kind follows the certificate and cannot be edited', async () => {
    const { baseURL } = server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const candidates = await apiCall<Candidate[]>(baseURL, admin, 'GET', '/accounts/candidates');
    const person = candidates.find((c) => c.accountKind === 'operator');
    expect(person, 'an operator without an account').toBeDefined();

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');

    // Persons page (registry data, read-only).
    await page.getByRole('menuitem', { name: '查看机构人员信息' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shootAdmin(page, 'institution-persons');

    await page.getByRole('menuitem', { name: '管理机构人员账号' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    await shootAdmin(page, 'staff-accounts');
    await page.getByRole('button', { name: '添加企业人员账号' }).click();
    await page.waitForURL('**/institution/accounts/new');
    await page.getByText('注: 账号添加后不能修改, 请谨慎填写!').waitFor();
    expect(await page.getByPlaceholder('只允许3-30位的数字和字母').count()).toBe(1);
    expect(await page.getByPlaceholder('请输入6-20位密码').count()).toBe(1);

    // 选择 opens the registry persons; pick the operator.
    await page
      .locator('button')
      .filter({ hasText: /^选择$/ })
      .click();
    const modal = page.locator('.ant-modal').filter({ hasText: '选择员工' });
    const row = modal.locator('.ant-table-row').filter({ hasText: person!.name });
    await row.waitFor();
    await shootAdmin(page, 'staff-account-choose-person');
    await row.getByRole('button', { name: '选择' }).click();
    await modal.waitFor({ state: 'hidden' });

    expect(await page.getByLabel('员工姓名').inputValue()).toBe(person!.name);
    expect(await page.getByLabel('操作员证书编号/注册号').inputValue()).toBe(person!.certificateNumber);
    const kind = page.getByTestId('account-kind');
    expect((await kind.textContent())?.trim()).toBe('现场维保检测人员');
    // 类别 is derived: shown checked and disabled, never an editable control.
    const kindBox = kind.locator('input[type="checkbox"]');
    expect(await kindBox.isChecked()).toBe(true);
    expect(await kindBox.isDisabled()).toBe(true);

    // An invalid account name is refused on the field with the rule's message; nothing is created.
    await page.getByLabel('账号').fill('ab-');
    await page.getByLabel('密码').fill('Staff12345');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await fieldError(page, '账号')).toBe('账号只允许3-30位的数字和字母');
    await shootAdmin(page, 'staff-account-invalid-name');
    expect(new URL(page.url()).pathname).toBe('/institution/accounts/new');

    const accountName = `cz${Date.now() % 1_000_000}`;
    await page.getByLabel('账号').fill(accountName);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.waitForURL('**/institution/accounts');
    await page.locator('.ant-table-row').filter({ hasText: accountName }).waitFor();
    const listed = await page.locator('.ant-table-row').filter({ hasText: accountName }).textContent();
    expect(listed).toContain(person!.name);
    expect(listed).toContain('现场维保检测人员');

    // The server stored the derived kind for that person.
    const accounts = await apiCall<{ items: Account[] }>(baseURL, admin, 'GET', '/accounts?pageSize=200');
    const created = accounts.items.find((a) => a.accountName === accountName);
    expect(created).toMatchObject({ kind: 'operator', personId: person!.id });
    // And the person is no longer offered in 选择.
    const after = await apiCall<Candidate[]>(baseURL, admin, 'GET', '/accounts/candidates');
    expect(after.some((c) => c.id === person!.id)).toBe(false);
    await context.close();
  });
});
