import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFacePhoto, uploadFaceProfile } from './admin-face-support';
import { apiCall, apiLogin, fieldError, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface MyFaceProfile {
  id: number;
  status: string;
  statusLabel: string;
  rejectReason: string | null;
}

describe('admin web: brigade rejects a face profile with a reason', () => {
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

  it('the reason is required, is stored, and the operator sees it', async () => {
    const { baseURL } = server;
    const operator = await apiLogin(baseURL, 'caozuo02', undefined, 'app');
    const submitted = await uploadFaceProfile(baseURL, operator, await singleFacePhoto());
    expect(submitted.status).toBe('pending');

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'zongdui');
    await page.getByRole('menuitem', { name: '人脸底图审核' }).click();
    const card = page.getByTestId(`face-profile-${submitted.id}`);
    await card.waitFor();
    await card.getByRole('button', { name: '驳回', exact: true }).click();

    let rejectRequests = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/face-profiles/${submitted.id}/reject`) rejectRequests++;
    });
    const modal = page.locator('.ant-modal').filter({ hasText: '驳回人脸底图' });
    await modal.waitFor();
    expect(await modal.textContent()).toContain(`驳回人脸底图：`);
    const rejectButton = modal.locator('.ant-modal-footer').getByRole('button', { name: /驳\s*回/ });
    // No reason, then a one-character reason: refused before anything is sent.
    await rejectButton.click();
    expect(await fieldError(page, '驳回原因')).toBe('请填写驳回原因');
    await modal.getByLabel('驳回原因').fill('糊');
    await expect.poll(() => fieldError(page, '驳回原因')).toBe('请填写驳回原因（至少2个字）');
    await rejectButton.click();
    await page.waitForTimeout(300);
    expect(rejectRequests).toBe(0);
    expect((await apiCall<MyFaceProfile>(baseURL, operator, 'GET', '/face-profiles/me')).status).toBe(
      'pending',
    );
    await shootAdmin(page, 'face-review-reject-reason');

    const reason = '照片模糊，请上传本人正面免冠照片';
    await modal.getByLabel('驳回原因').fill(reason);
    await rejectButton.click();
    await page.getByText('已驳回 ').first().waitFor();
    expect(rejectRequests).toBe(1);
    await modal.waitFor({ state: 'hidden' });
    await card.waitFor({ state: 'detached' });
    await page.getByText('没有待审核的人脸底图').waitFor();

    // The 已驳回 list shows the reason next to the photo.
    await page.locator('.ant-segmented-item').filter({ hasText: '已驳回' }).click();
    const rejected = page.getByTestId(`face-profile-${submitted.id}`);
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(`驳回原因：${reason}`);
    await shootAdmin(page, 'face-review-rejected');

    // The operator's app reads the decision and the reason.
    const mine = await apiCall<MyFaceProfile>(baseURL, operator, 'GET', '/face-profiles/me');
    expect(mine).toMatchObject({
      id: submitted.id,
      status: 'rejected',
      statusLabel: '已驳回',
      rejectReason: reason,
    });
    const me = await apiCall<{ faceProfileStatus: string; faceProfileRejectReason: string | null }>(
      baseURL,
      operator,
      'GET',
      '/auth/me',
    );
    expect(me).toMatchObject({ faceProfileStatus: 'rejected', faceProfileRejectReason: reason });

    // The rejection and its reason are in the operation log.
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const logRow = page.locator('.ant-table-row').filter({ hasText: '人脸底图驳回' }).first();
    await logRow.waitFor();
    await logRow.locator('.ant-table-row-expand-icon').click();
    await page.getByText(reason, { exact: false }).first().waitFor();
    await context.close();
  });
});
