// The operator's testing app (Taro H5 build, phone viewport): 接收下发计划 → 开始检测申请 (fix + live photo) → the lead
// approves → 现场记录 with the network cut → reload → 继续现场记录 resumes where the operator was → 提交检测结果申请 →
// the lead approves → photos and records uploaded once → 查询历史记录 shows them and deletes one.
// Run: cd scripts && npx vitest run e2e/operator-testing.e2e.ts (vitest.config includes *.e2e.ts).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { apiCall, apiLogin as webLogin } from './admin-support';
import { singleFacePhoto } from './admin-face-support';
import { screenshotPath } from './harness';
import { h5Suite, storedPhotoSizes, waitForOfflineShell } from './h5-support';
import {
  approvedFace,
  approveOnSite,
  createTestingProject,
  phoneOnSite,
  requestSubmit,
  startTestingTask,
  untilPending,
} from './testing-support';

const siteName = '操作员检测测试大厦';

describe('H5 operator app: 检测 from the plan to offline recording', () => {
  const h5 = h5Suite();

  it('receives the plan, asks to start, records offline through a reload and resumes where it was', async () => {
    const { baseURL } = h5.server;
    const admin = await webLogin(baseURL, 'jigou01');
    const projectId = await createTestingProject(baseURL, admin, { siteName, clientName: '操作员检测甲方' });

    // The lead dispatches every single item to caozuo01 and has an approved face (to approve on site).
    const lead = await webLogin(baseURL, 'xiangmu01', undefined, 'weapp');
    const plan = await apiCall<{ buildings: { singleItems: { planSingleItemId: string }[] }[] }>(
      baseURL,
      lead,
      'GET',
      `/projects/${projectId}/testing-plan`,
    );
    const operator = await webLogin(baseURL, 'caozuo01', undefined, 'app');
    await apiCall(baseURL, lead, 'PUT', `/projects/${projectId}/testing-plan/assignments`, {
      assignments: plan.buildings
        .flatMap((b) => b.singleItems)
        .map((s) => ({ planSingleItemId: s.planSingleItemId, operatorAccountIds: [operator.user.id] })),
    });
    const face = await singleFacePhoto();
    await approvedFace(baseURL, lead, face);

    // Files the phone "camera" returns: a live photo and a 4000×3000 site photo (shrunk on the phone).
    const livePhoto = path.join(tmpdir(), 'xf-operator-live.jpg');
    writeFileSync(livePhoto, face);
    const bigPhoto = path.join(tmpdir(), 'xf-operator-site.jpg');
    writeFileSync(
      bigPhoto,
      await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#8a9bb0' } })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );

    const page = await phoneOnSite(h5.browser, baseURL, '现场人员', 'caozuo01');
    const context = page.context();
    await page.locator('.menu-item', { hasText: '接收下发计划' }).waitFor();
    // Every entry of the manual's menu works (排查维修 opens the maintenance fault tasks).
    await expect.poll(() => page.locator('.menu-item').count()).toBe(7);
    expect(await page.locator('.menu-item.disabled').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-home') });

    // The service worker must own the page before the connection goes (offline reload later).
    await waitForOfflineShell(page);

    // 接收下发计划: grouped per building; choose the first two single items.
    await startTestingTask(page, siteName, 2, livePhoto, async () => {
      expect(await page.locator('.group-title').first().textContent()).toBe('主楼');
      await page.screenshot({ path: screenshotPath('h5-operator', 'testing-assignments') });
    });
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-task-pending') });

    // The lead approves on site (own fix + live photo); a reason in case the operator's check failed.
    await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'start')).id, face);
    await page.reload();
    await page.locator('.task-card', { hasText: '开始申请已同意' }).waitFor({ timeout: 30_000 });

    // 现场记录 with no network.
    await page.locator('.task-card .nut-button', { hasText: '现场记录' }).click();
    await page.locator('.single-row').first().waitFor();
    await context.setOffline(true);
    await page.locator('.single-row').first().click();
    await page.locator('.sub-row').first().waitFor();
    // 位置数量 2 for the first sub-item, then into it.
    await page
      .locator('.sub-row')
      .first()
      .locator('.nut-inputnumber-add, .nut-inputnumber .nut-icon')
      .last()
      .click();
    await page.locator('.sub-row').first().locator('.row').first().click();
    await page.locator('.position-tag', { hasText: '位置2' }).waitFor();

    const cards = page.locator('.item-card');
    const first = cards.nth(0);
    const firstName = (await first.locator('.item-name').textContent())!;
    await first.locator('.nut-button', { hasText: '合格' }).first().click();
    await first.locator('.error-text', { hasText: '至少需要拍摄1张现场照片' }).waitFor();
    const shot = page.waitForEvent('filechooser');
    await first.locator('.nut-button', { hasText: '拍照' }).click();
    await (await shot).setFiles(bigPhoto);
    await first.locator('.record-photo').waitFor();
    if (await first.locator('.measured-input input').count()) {
      await first.locator('.measured-input input').fill('999999');
      await first.locator('.computed').waitFor();
    }
    if ((await cards.count()) > 1)
      await cards.nth(1).locator('.nut-button', { hasText: '现场无此设备' }).click();
    await page.locator('.link', { hasText: '检测说明' }).first().click();
    await page.locator('.instructions').first().waitFor();
    // Position 2 is its own record.
    await page.locator('.position-tag', { hasText: '位置2' }).click();
    const second = page.locator('.item-card').nth(0);
    await second.locator('.nut-button', { hasText: '不具备测试条件' }).click();
    const shot2 = page.waitForEvent('filechooser');
    await second.locator('.nut-button', { hasText: '拍照' }).click();
    await (await shot2).setFiles(bigPhoto);
    await second.locator('.record-photo').waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-record-offline') });

    // Photos were shrunk on the phone: long side 1920, JPEG.
    const sizes = await storedPhotoSizes(page);
    const sitePhotos = sizes.filter((s) => s.width === 1920);
    expect(sitePhotos.length).toBe(2);
    expect(sitePhotos.every((s) => s.height === 1440 && s.type === 'image/jpeg')).toBe(true);

    // Reload with no network: the shell comes from the service worker and the page is back at 位置2 of the item.
    await page.reload();
    await page.locator('.item-card').first().waitFor();
    expect(await page.locator('.position-tag.nut-tag-primary').textContent()).toBe('位置2');
    // The app closed and opened again (home, offline): 继续现场记录 returns to the same place.
    await page.goto('/h5/#/pages/home/index');
    await page.locator('.menu-item', { hasText: '继续现场记录' }).click();
    await page.locator('.position-tag', { hasText: '位置2' }).waitFor();
    expect(await page.locator('.position-tag.nut-tag-primary').textContent()).toBe('位置2');
    const resumed = page.locator('.item-card').nth(0);
    expect(await resumed.locator('.item-name').textContent()).toBe(firstName);
    await expect.poll(() => resumed.locator('.record-photo').count()).toBe(1);
    expect(await resumed.getAttribute('class')).toContain('current');
    await page.locator('.position-tag', { hasText: '位置1' }).click();
    await page.locator('.item-card').nth(0).locator('.record-photo').waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-record-resumed') });
    await context.setOffline(false);

    // 提交检测结果申请 (needs the network): fix + live photo; the lead approves; then the photos, then every record.
    // Not every item was recorded: the app asks before sending only what was.
    await requestSubmit(page, livePhoto, true);
    await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'submit')).id, face);
    await page.reload();
    await page
      .locator('.task-card', { hasText: '检测结果已提交' })
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: screenshotPath('h5-operator', 'testing-submit-stuck') });
        throw e;
      });
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-submitted') });

    // On the server: the three records, once, with their photos; the task is 已提交.
    const records = await apiCall<{
      items: { id: number; status: string; photoUrls: string[]; result: string }[];
    }>(baseURL, operator, 'GET', `/testing-records?projectId=${projectId}`);
    expect(records.items).toHaveLength(3);
    expect(records.items.every((r) => r.status === 'submitted')).toBe(true);
    expect(
      records.items.filter((r) => r.result !== 'not_present').every((r) => r.photoUrls.length === 1),
    ).toBe(true);

    // 查询历史记录: 待审核 records; one is deleted while the lead has not opened review.
    await page.goto('/h5/#/pages/home/index');
    await page.locator('.menu-item', { hasText: '查询历史记录' }).click();
    await page.locator('.history-record').first().waitFor();
    expect(await page.locator('.history-record').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('h5-operator', 'testing-history') });
    await page.locator('.history-record').first().locator('.nut-button', { hasText: '删除' }).click();
    await page.getByText('确定', { exact: true }).last().click();
    await expect.poll(() => page.locator('.history-record').count(), { timeout: 30_000 }).toBe(2);
    const left = await apiCall<{ items: unknown[] }>(
      baseURL,
      operator,
      'GET',
      `/testing-records?projectId=${projectId}`,
    );
    expect(left.items).toHaveLength(2);
    await context.close();
  }, 300_000);
});
