import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFacePhoto } from './admin-face-support';
import { apiLogin, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

describe('admin web: 查看工作日志', () => {
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

  it('the institution admin sees the operators’ work logs with their photos', async () => {
    const { baseURL } = server;
    const op = await apiLogin(baseURL, 'caozuo01', 'demo123456', 'app');
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await singleFacePhoto())], { type: 'image/jpeg' }),
      'site.jpg',
    );
    const file = (await (
      await fetch(`${baseURL}/api/files`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${op.accessToken}`, 'Idempotency-Key': 'e2e-worklog-photo-1' },
        body: form,
      })
    ).json()) as { id: number };
    const put = await fetch(`${baseURL}/api/work-logs/e2e-worklog-0001`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${op.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        date: '2026-11-24',
        content: '检查3号楼喷淋末端试水装置，压力正常',
        photoFileIds: [file.id],
      }),
    });
    expect(put.status).toBe(201);

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');
    await page.getByRole('menuitem', { name: '查看工作日志' }).click();
    await expect.poll(() => page.getByText('检查3号楼喷淋末端试水装置，压力正常').count()).toBe(1);
    await expect.poll(() => page.locator('img[alt="工作日志照片"]').count()).toBeGreaterThan(0);
    await shootAdmin(page, 'work-logs', { fullPage: true });
    await context.close();
  });
});
