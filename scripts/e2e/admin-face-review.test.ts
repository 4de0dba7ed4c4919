import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFacePhoto, uploadFaceProfile } from './admin-face-support';
import { apiCall, apiLogin, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

describe('admin web: brigade reviews a face profile', () => {
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

  it('an operator uploads a face photo; the brigade approves it in the browser; the API reports approved', async () => {
    const { baseURL } = server;
    const operator = await apiLogin(baseURL, 'caozuo02', undefined, 'app');
    expect(
      (await apiCall<{ faceProfileStatus: string }>(baseURL, operator, 'GET', '/auth/me')).faceProfileStatus,
    ).toBe('none');
    const submitted = await uploadFaceProfile(baseURL, operator, await singleFacePhoto());
    expect(submitted.status).toBe('pending');

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'zongdui');
    await shootAdmin(page, 'home-brigade');

    let listRequests = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/face-profiles') listRequests++;
    });
    await page.getByRole('menuitem', { name: '人脸底图审核' }).click();
    const card = page.getByTestId(`face-profile-${submitted.id}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('caozuo02');
    // The photo is fetched with the bearer token and shown next to the certificate data.
    await card.locator('img[alt="人脸底图"]').waitFor();
    const naturalWidth = await card
      .locator('img[alt="人脸底图"]')
      .evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(naturalWidth).toBeGreaterThan(100);
    expect(await card.textContent()).toContain('消防设施操作员');
    await shootAdmin(page, 'face-review-pending');

    // The list is loaded once, not re-fetched on every render.
    await page.waitForTimeout(1500);
    expect(listRequests).toBe(1);

    await card.getByRole('button', { name: '通过', exact: true }).click();
    // a decision that cannot be undone asks first, and says so
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '不能撤回' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '确认通过' }).click();
    await page.getByText('已通过 ').first().waitFor();
    await card.waitFor({ state: 'detached' });
    await page.getByText('没有待审核的人脸底图').waitFor();

    const profile = await apiCall<{ id: number; status: string }>(
      baseURL,
      operator,
      'GET',
      '/face-profiles/me',
    );
    expect(profile).toMatchObject({ id: submitted.id, status: 'approved' });
    expect(
      (await apiCall<{ faceProfileStatus: string }>(baseURL, operator, 'GET', '/auth/me')).faceProfileStatus,
    ).toBe('approved');

    await page.locator('.ant-segmented-item').filter({ hasText: '已通过' }).click();
    await page.getByTestId(`face-profile-${submitted.id}`).waitFor();
    await shootAdmin(page, 'face-review-approved');

    // The other brigade pages render (screenshots for review).
    for (const [menu, name, title] of [
      ['合规状态', 'brigade-compliance', '合规状态'],
      ['部局系统导入', 'brigade-registry-import', '部局系统导入'],
      ['跟踪标红', 'brigade-red-flags', '跟踪标红'],
      ['账号派发', 'brigade-account-issue', '账号派发'],
      ['操作日志', 'brigade-operation-log', '操作日志'],
    ] as const) {
      await page.getByRole('menuitem', { name: menu }).click();
      const card = page
        .locator('.ant-card')
        .filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
      await card.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
      await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
      await shootAdmin(page, name);
    }
    // The approval is in the operation log.
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('人脸底图审核通过');
    await context.close();
  });
});
