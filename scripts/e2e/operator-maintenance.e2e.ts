// The operator's maintenance app (Taro H5 build, phone viewport) and the lead's review: 接收下发计划 → 建立维保任务
// (fix + live photo) → the lead approves → 继续记录 with the network cut and a reload in the middle (能检查 with the
// prompts, a 不符合 line, "+" text, photo and video, 添加下一个 with 不能检查/现场无此设备) → 提交维保结果申请 → the lead
// approves → photos and the video, then records uploaded once → xiangmu01 sees the video, gives the fault a handling
// (与业主沟通中) and approves.
// Run: cd scripts && CHROMIUM_PATH=/usr/bin/chromium npx vitest run e2e/operator-maintenance.e2e.ts
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { apiCall, apiLogin as webLogin } from './admin-support';
import { singleFacePhoto } from './admin-face-support';
import { mobileContext, screenshotPath } from './harness';
import { loginOnH5, nativeInput, h5Suite } from './h5-support';
import { beijingMonth, createMaintenanceProject, dispatchMonthPlan } from './maintenance-support';
import { approvedFace, approveOnSite, fence, untilPending } from './testing-support';

const LOCATION = '如：1号楼地下一层配电室（可不填）';

/** A complete (tiny) MP4 as the phone's camera would hand it over: ftyp, the movie header, the media data. */
function tinyMp4(): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isomavc1mp41', 'latin1'));
  return Buffer.concat([
    ftyp,
    box('moov', box('mvhd', Buffer.alloc(100))),
    box('mdat', Buffer.alloc(2048, 0x2a)),
  ]);
}

const siteName = '操作员维保测试大厦';

describe('H5: 维保 from the dispatched plan to the lead’s approval', () => {
  const h5 = h5Suite();

  it('caozuo01 records offline through a reload, submits; xiangmu01 handles the fault and approves', async () => {
    const { baseURL } = h5.server;
    const admin = await webLogin(baseURL, 'jigou01');
    const projectId = await createMaintenanceProject(baseURL, admin, {
      siteName,
      clientName: '操作员维保甲方',
      facilityIds: ['M.02.1.01'],
    });

    // xiangmu01 creates this month's 月计划 and dispatches 报警控制器 to caozuo01; the lead's face is approved.
    const lead = await webLogin(baseURL, 'xiangmu01', undefined, 'weapp');
    const operator = await webLogin(baseURL, 'caozuo01', undefined, 'app');
    await dispatchMonthPlan(baseURL, lead, projectId, {
      month: beijingMonth(),
      facilityIds: ['M.02.1.01'],
      operatorAccountIds: [operator.user.id],
    });
    const face = await singleFacePhoto();
    await approvedFace(baseURL, lead, face);

    const livePhoto = path.join(tmpdir(), 'xf-maint-live.jpg');
    writeFileSync(livePhoto, face);
    const bigPhoto = path.join(tmpdir(), 'xf-maint-site.jpg');
    writeFileSync(
      bigPhoto,
      await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#9bb08a' } })
        .jpeg({ quality: 90 })
        .toBuffer(),
    );

    const context = await mobileContext(h5.browser, baseURL);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: fence.lng, latitude: fence.lat, accuracy: 10 });
    const page = await context.newPage();
    await loginOnH5(page, '现场人员', 'caozuo01');
    await page.locator('.menu-item', { hasText: '接收下发计划' }).waitFor();
    await page.locator('.nut-segmented-item', { hasText: '消防维保' }).click();
    await page.locator('.menu-item', { hasText: '待开始工作' }).waitFor();
    await expect.poll(() => page.locator('.menu-item').count()).toBe(7);
    expect(await page.locator('.menu-item.disabled').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-home') });

    // The service worker must own the page before the connection goes (offline reload later).
    await page.waitForFunction(
      async () => {
        if (!navigator.serviceWorker.controller) return false;
        const manifest = await (await fetch('./precache-manifest.json')).json();
        const cache = await caches.open(`xf-shell-${manifest.version}`);
        return (await cache.keys()).length >= manifest.files.length;
      },
      undefined,
      { timeout: 30_000 },
    );

    // 接收下发计划 → 建立维保任务 with a live photo.
    await page.locator('.menu-item', { hasText: '接收下发计划' }).click();
    await page.locator('.assignment-row', { hasText: '报警控制器' }).waitFor();
    await page.locator('.assignment-row .nut-checkbox').first().click();
    await page.locator('[data-testid="selection-summary"]', { hasText: '已选1个设施' }).waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-assignments') });
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.nut-button', { hasText: '建立维保任务' }).click();
    await (await chooser).setFiles(livePhoto);
    await page.locator('.task-card', { hasText: '开始申请待同意' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-task-pending') });

    await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'start')).id, face);
    await page.reload();
    await page.locator('.task-card', { hasText: '开始申请已同意' }).waitFor({ timeout: 30_000 });

    // 继续记录 with no network.
    await page.locator('.task-card .nut-button', { hasText: '开始记录' }).click();
    await page.locator('.facility-row').first().waitFor();
    await context.setOffline(true);
    await page.locator('.facility-row').first().click();
    const lines = page.locator('.maintenance-line');
    await lines.first().waitFor();
    const lineCount = await lines.count();
    expect(lineCount).toBeGreaterThanOrEqual(2);
    await nativeInput(page, LOCATION).fill('1号楼消防控制室');
    // Line 1: every prompt answered with its conforming option → 符合 filled in.
    const first = lines.nth(0);
    await first.locator('.choice-checkable').click();
    await first.locator('.prompt-final').waitFor();
    for (const prompt of await first.locator('.prompt[data-prompt]').all())
      await prompt.locator('.nut-button').first().click();
    await first.locator('[data-testid="line-result"]', { hasText: '符合' }).waitFor();
    // Line 2: one prompt answered 不能/不正常 → 不符合 (a fault), with "+" text and a photo.
    const second = lines.nth(1);
    await second.locator('.choice-checkable').click();
    await second.locator('.prompt-final').waitFor();
    const prompts = await second.locator('.prompt[data-prompt]').all();
    await prompts[0]!.locator('.nut-button').nth(1).click();
    for (const prompt of prompts.slice(1)) await prompt.locator('.nut-button').first().click();
    await second.locator('[data-testid="line-result"]', { hasText: '不符合' }).waitFor();
    await second.locator('.plus').click();
    await nativeInput(page, '补充说明（文字和照片会体现在报告中，视频不体现）').fill(
      '主电源切换后备电未投入',
    );
    const shot = page.waitForEvent('filechooser');
    await second.locator('.nut-button', { hasText: '拍照' }).click();
    await (await shot).setFiles(bigPhoto);
    await second.locator('.record-photo').waitFor();
    // "+" 录像: the camera in video mode (a file input for video, with capture); kept on the phone offline.
    const filming = page.waitForEvent('filechooser');
    await second.locator('.nut-button', { hasText: '录像' }).click();
    const camcorder = await filming;
    expect(await camcorder.element().getAttribute('accept')).toBe('video/*');
    await camcorder.setFiles({ name: '现场视频.mp4', mimeType: 'video/mp4', buffer: tinyMp4() });
    await second.locator('.record-video').waitFor();
    await second.locator('.plus', { hasText: '视频1' }).waitFor();
    for (let i = 2; i < lineCount; i++) {
      const line = lines.nth(i);
      await line.locator('.choice-checkable').click();
      await line.locator('.prompt-final').waitFor();
      for (const prompt of await line.locator('.prompt[data-prompt]').all())
        await prompt.locator('.nut-button').first().click();
    }
    await page.screenshot({
      path: screenshotPath('h5-operator', 'maintenance-record-offline'),
      fullPage: true,
    });

    // 添加下一个: a second 报警控制器, not on site (现场无此设备 → 不适用).
    await page.locator('.nut-button', { hasText: '添加下一个' }).click();
    await page.locator('.position-tag.nut-tag-primary', { hasText: '（2）' }).waitFor();
    for (let i = 0; i < lineCount; i++) {
      const line = lines.nth(i);
      await line.locator('.choice-not-checkable').click();
      await line.locator('.choice-reason-not_present').click();
      await line.locator('[data-testid="line-result"]', { hasText: '不适用' }).waitFor();
    }

    // Reload with no network: back at the second 报警控制器; 继续记录 from the menu returns there too.
    await page.reload();
    await page.locator('.maintenance-line').first().waitFor();
    expect(await page.locator('.position-tag.nut-tag-primary').textContent()).toContain('（2）');
    await page.goto('/h5/#/pages/home/index');
    await page.locator('.menu-item', { hasText: '继续记录' }).click();
    await page.locator('.position-tag.nut-tag-primary', { hasText: '（2）' }).waitFor();
    await page.locator('.position-tag', { hasText: '（1）' }).click();
    await page.locator('.maintenance-line').nth(1).locator('.record-photo').waitFor();
    expect(await nativeInput(page, LOCATION).inputValue()).toBe('1号楼消防控制室');
    await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-record-resumed') });
    await context.setOffline(false);

    // 提交维保结果申请 (fix + live photo) → the lead approves → photos, then every record at once.
    await page.goto('/h5/#/pages/maintenance-tasks/index');
    await page
      .locator('[data-testid="task-progress"]', { hasText: `已记录${lineCount * 2}/${lineCount * 2}` })
      .waitFor();
    const liveAgain = page.waitForEvent('filechooser');
    await page.locator('.task-card .nut-button', { hasText: '提交维保结果申请' }).click();
    await (await liveAgain).setFiles(livePhoto);
    await page.locator('.task-card', { hasText: /提交申请(待发送|待同意)/ }).waitFor({ timeout: 60_000 });
    await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'submit')).id, face);
    await page.reload();
    await page
      .locator('.task-card', { hasText: '维保结果已提交' })
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-submit-stuck') });
        throw e;
      });
    await page.screenshot({ path: screenshotPath('h5-operator', 'maintenance-submitted') });
    await context.close();

    const tasks = await apiCall<{
      items: { id: number; status: string; recordCount: number; faultCount: number }[];
    }>(baseURL, lead, 'GET', `/maintenance-tasks?projectId=${projectId}`);
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ status: 'submitted', recordCount: lineCount * 2, faultCount: 1 });
    const detail = await apiCall<{ records: { videoUrls: string[]; photoUrls: string[] }[] }>(
      baseURL,
      lead,
      'GET',
      `/maintenance-tasks/${tasks.items[0]!.id}`,
    );
    expect(detail.records.flatMap((r) => r.videoUrls)).toHaveLength(1);

    // xiangmu01 on the phone: 消防维保-待审核 → the task → the fault 与业主沟通中 → 审核通过.
    const leadContext = await mobileContext(h5.browser, baseURL);
    const leadPage = await leadContext.newPage();
    await loginOnH5(leadPage, '负责人', 'xiangmu01');
    await leadPage.locator('.stat-label').first().waitFor();
    await leadPage.goto('/h5/#/pages/maintenance/index');
    await leadPage.locator('.menu-item', { hasText: '消防维保-待审核' }).click();
    await leadPage.locator('.review-task', { hasText: siteName }).click();
    await leadPage.locator('.fault-card').waitFor();
    await leadPage.locator('.maintenance-record-view').first().locator('.standard').waitFor();
    // The "+" video reached the server with its record and plays for the lead (fetched with the token), in its
    // record's card, not laid over the page.
    const filmed = leadPage.locator('.maintenance-record-view', { hasText: '现场视频（1段）' });
    await filmed.locator('video').waitFor({ state: 'attached' });
    await filmed.scrollIntoViewIfNeeded();
    const [card, player] = [await filmed.boundingBox(), await filmed.locator('.video-box').boundingBox()];
    expect(player!.y).toBeGreaterThan(card!.y);
    expect(player!.y + player!.height).toBeLessThanOrEqual(card!.y + card!.height + 1);
    await leadPage.screenshot({ path: screenshotPath('h5-lead', 'maintenance-review'), fullPage: true });
    // Approval waits for every fault to have a handling.
    await leadPage.getByText('还有1项故障待处理，须先给出处理方式才能审核通过').waitFor();
    await leadPage.locator('.fault-card .nut-button', { hasText: '与业主沟通中' }).click();
    await leadPage.locator('.fault-card .nut-tag', { hasText: '与业主沟通中' }).waitFor();
    await leadPage.locator('.review-approve').click();
    await leadPage.locator('.nut-tag', { hasText: '审核通过' }).first().waitFor({ timeout: 30_000 });
    await leadPage.screenshot({ path: screenshotPath('h5-lead', 'maintenance-approved'), fullPage: true });
    await leadContext.close();

    const after = await apiCall<{ items: { status: string }[] }>(
      baseURL,
      lead,
      'GET',
      `/maintenance-tasks?projectId=${projectId}`,
    );
    expect(after.items[0]!.status).toBe('approved');
  }, 400_000);
});
