import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, mobileContext, screenshotPath, startServer, type RunningServer } from './harness';
import { apiLogin, ensureTaroBuild, loginOnH5 } from './h5-support';

interface Row {
  id: number;
  kind: string;
  siteName: string;
  clientName: string;
  contractStart: string;
  contractEnd: string;
  geofenceMarked: boolean;
}

describe('H5: 我的项目 for the project lead', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureTaroBuild('h5');
    // the demo project entry is loaded in tests only on request
    server = await startServer({ DEMO_PROJECTS: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the projects xiangmu01 leads and opens the demo testing project', async () => {
    const token = await apiLogin(server.baseURL, 'weapp', 'xiangmu01');
    const res = await fetch(`${server.baseURL}/api/projects?pageSize=100`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const led = ((await res.json()) as { items: Row[] }).items;
    const testing = led.find((p) => p.kind === 'testing');
    expect(testing).toBeDefined();
    expect(led.some((p) => !p.geofenceMarked)).toBe(true);

    const context = await mobileContext(browser, server.baseURL);
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'xiangmu01');
    await page.locator('.projects-entry', { hasText: '我的项目' }).waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'home-projects-entry') });
    await page.locator('.projects-entry', { hasText: '我的项目' }).click();
    await page.getByText(`共${led.length}个项目`).waitFor();
    await expect.poll(() => page.locator('.project-card').count()).toBe(led.length);
    const card = page.locator('.project-card', { hasText: testing!.siteName });
    await card.getByText('检测', { exact: true }).waitFor();
    await card.getByText(`甲方：${testing!.clientName}`).waitFor();
    await card.getByText(`合同期限：${testing!.contractStart} 至 ${testing!.contractEnd}`).waitFor();
    await page.getByText('项目位置：未标注').first().waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'projects'), fullPage: true });

    await page.locator('.nut-segmented-item', { hasText: '维保' }).click();
    await expect
      .poll(() => page.locator('.project-card').count())
      .toBe(led.filter((p) => p.kind === 'maintenance').length);
    await page.locator('.nut-segmented-item', { hasText: '全部' }).click();

    await page.locator('.project-card', { hasText: testing!.siteName }).click();
    // the list page stays in the DOM (hidden) under the H5 router, so look inside the detail page only
    const detail = page.locator('.project-detail');
    await detail.getByText('管辖归属').waitFor();
    expect(page.url()).toContain(`projects-detail/index?id=${testing!.id}`);
    await detail.getByText('检测范围', { exact: true }).waitFor();
    await detail.getByText('年度检测').waitFor();
    await detail.getByText('火灾报警系统').waitFor();
    await detail.getByText(testing!.clientName).waitFor();
    await detail.getByText('总建筑面积').waitFor();
    await detail.getByText('已标注').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'project-detail'), fullPage: true });
    await context.close();
  });
});
