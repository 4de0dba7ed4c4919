import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mobileContext, screenshotPath } from './harness';
import {
  apiLogin,
  loginOnH5,
  nativeInput,
  repoRoot,
  h5Suite,
  storedPhotoSizes,
  waitForOfflineShell,
} from './h5-support';

const demoPhotos = path.join(repoRoot, 'node_modules', '@vladmandic', 'face-api', 'demo');
const photo = (n: number) => path.join(demoPhotos, `sample${n}.jpg`);

interface WorkLogItem {
  idempotencyKey: string;
  content: string;
  photos: { id: number }[];
}

async function serverWorkLogs(
  baseURL: string,
  token: string,
): Promise<{ total: number; items: WorkLogItem[] }> {
  const res = await fetch(`${baseURL}/api/work-logs?pageSize=100`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; items: WorkLogItem[] };
}

/** A 3000×2400 PNG from the album: kept on the phone as a 1920×1536 JPEG. */
async function bigAlbumPhoto(): Promise<string> {
  const file = path.join(tmpdir(), 'xf-worklog-album.png');
  writeFileSync(
    file,
    await sharp({ create: { width: 3000, height: 2400, channels: 3, background: '#b0a08a' } })
      .png()
      .toBuffer(),
  );
  return file;
}

async function writeWorkLog(page: Page, content: string, photos: string[]) {
  await page.locator('.nut-button', { hasText: '写工作日志' }).click();
  // The date is picked on NutUI's date wheel, today by default.
  const date = page.locator('.work-log-date');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await date.getByText(today).waitFor();
  await date.click();
  const picker = page.locator('.nut-picker', { hasText: '选择日期' });
  await picker.waitFor();
  await picker.locator('.nut-picker-confirm-btn', { hasText: '确认' }).click();
  await picker.waitFor({ state: 'hidden' });
  await date.getByText(today).waitFor();
  await nativeInput(page, '今日工作内容').fill(content);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.nut-button', { hasText: '拍照 / 添加照片' }).click();
  await (await chooser).setFiles(photos);
  await expect.poll(() => page.locator('.draft-photo').count()).toBe(photos.length);
  await page.locator('.nut-button', { hasText: '保存' }).click();
  await page.locator('.work-log', { hasText: content }).waitFor();
}

describe('H5 operator app: work log written offline, synced once', () => {
  const h5 = h5Suite();
  let context: BrowserContext;

  it('keeps entries through an offline reload, uploads photos before records, and never duplicates on replay', async () => {
    context = await mobileContext(h5.browser, h5.server.baseURL);
    const page = await context.newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/files') || r.url().includes('/api/work-logs/'))
        sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });

    await loginOnH5(page, '现场人员', 'caozuo01');
    await page.locator('.menu-item', { hasText: '工作日志' }).waitFor();
    // Every entry of the manual's menu works, without placeholder wording.
    await expect.poll(() => page.locator('.menu-item').count()).toBe(7);
    expect(await page.locator('.menu-item.disabled').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toMatch(/敬请期待|开发中/);
    await page.screenshot({ path: screenshotPath('h5-operator', 'home') });

    // The service worker must own the page and have the shell cached before the connection goes.
    await waitForOfflineShell(page);

    await page.locator('.menu-item', { hasText: '工作日志' }).click();
    await page.locator('.nut-button', { hasText: '写工作日志' }).waitFor();

    await context.setOffline(true);
    await writeWorkLog(page, '巡查1号楼消防控制室，主备电源切换正常', [photo(1), await bigAlbumPhoto()]);
    // Every photo is kept shrunk (long side ≤ 1920 px) as JPEG: the big PNG from the album too.
    const kept = await storedPhotoSizes(page);
    expect(kept.map((k) => `${k.width}×${k.height} ${k.type}`).sort()).toEqual([
      '1920×1280 image/jpeg',
      '1920×1536 image/jpeg',
    ]);
    await writeWorkLog(page, '检查地下车库喷淋末端试水装置', [photo(3)]);
    await expect.poll(() => page.locator('.work-log .sync-state', { hasText: '待上传' }).count()).toBe(2);
    await page.locator('.sync-bar:visible', { hasText: '离线中，2条待上传' }).waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'work-logs-offline') });

    // Reload with no network: the service worker serves the shell, IndexedDB still has both entries.
    await page.reload();
    await page.locator('.work-log', { hasText: '巡查1号楼消防控制室' }).waitFor();
    await expect.poll(() => page.locator('.work-log .sync-state', { hasText: '待上传' }).count()).toBe(2);
    await expect.poll(() => page.locator('.work-log .photo').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('h5-operator', 'work-logs-offline-reloaded') });
    expect(sent).toEqual([]);

    // The server stores the first record but its answer is lost: the client must send it again.
    let lostAcks = 0;
    await page.route('**/api/work-logs/*', async (route) => {
      if (route.request().method() === 'PUT' && lostAcks === 0) {
        lostAcks++;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });

    await context.setOffline(false);
    await expect.poll(() => lostAcks, { timeout: 20_000 }).toBe(1);
    await page.locator('.sync-bar:visible .link', { hasText: '手动重试' }).click();
    await page.locator('.sync-bar:visible', { hasText: '全部已上传' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.work-log .sync-state', { hasText: '已上传' }).count()).toBe(2);
    await page.screenshot({ path: screenshotPath('h5-operator', 'work-logs-synced') });

    // Photos went up before the record that refers to them.
    const firstPut = sent.findIndex((s) => s.startsWith('PUT'));
    expect(sent.slice(0, firstPut).filter((s) => s === 'POST /api/files').length).toBeGreaterThanOrEqual(2);
    expect(sent.filter((s) => s.startsWith('PUT')).length).toBeGreaterThanOrEqual(3);

    const admin = await apiLogin(h5.server.baseURL, 'app', 'caozuo01');
    const afterSync = await serverWorkLogs(h5.server.baseURL, admin);
    expect(afterSync.total).toBe(2);
    expect(afterSync.items.map((i) => i.photos.length).sort()).toEqual([1, 2]);

    // Replay everything (as after a crash between upload and acknowledgement): photos and records again.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('xf-offline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['workLogs', 'photos', 'outbox'], 'readwrite');
      const logs = await new Promise<any[]>((r) => {
        const q = tx.objectStore('workLogs').getAll();
        q.onsuccess = () => r(q.result);
      });
      const photos = await new Promise<any[]>((r) => {
        const q = tx.objectStore('photos').getAll();
        q.onsuccess = () => r(q.result);
      });
      for (const p of photos) tx.objectStore('photos').put({ ...p, serverFileId: undefined });
      logs.forEach((log, i) => {
        tx.objectStore('workLogs').put({ ...log, syncState: 'pending' });
        tx.objectStore('outbox').put({
          id: `workLog:${log.clientId}`,
          kind: 'workLog',
          entityClientId: log.clientId,
          accountKey: log.accountKey,
          seq: i,
          attempts: 0,
          nextAttemptAt: 0,
          state: 'pending',
        });
      });
      await new Promise((r) => (tx.oncomplete = r));
    });
    const before = sent.length;
    await page.reload();
    await page.locator('.sync-bar:visible', { hasText: '全部已上传' }).waitFor({ timeout: 30_000 });
    expect(sent.slice(before).filter((s) => s.startsWith('PUT')).length).toBe(2);
    expect(sent.slice(before).filter((s) => s === 'POST /api/files').length).toBe(3);

    const afterReplay = await serverWorkLogs(h5.server.baseURL, admin);
    expect(afterReplay.total).toBe(2);
    expect(afterReplay.items.map((i) => [i.idempotencyKey, i.photos.map((p) => p.id)]).sort()).toEqual(
      afterSync.items.map((i) => [i.idempotencyKey, i.photos.map((p) => p.id)]).sort(),
    );

    // The institution admin sees them too (captcha is required on the web client; read it via the test-only peek).
    const captcha = (await (await fetch(`${h5.server.baseURL}/api/auth/captcha`)).json()) as {
      captchaId: string;
    };
    const peek = (await (
      await fetch(`${h5.server.baseURL}/api/auth/captcha/${captcha.captchaId}/peek`)
    ).json()) as { text: string };
    const login = await fetch(`${h5.server.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        channel: 'web',
        accountName: 'jigou01',
        password: 'demo123456',
        captchaId: captcha.captchaId,
        captchaText: peek.text,
      }),
    });
    expect(login.status).toBe(200);
    const adminToken = ((await login.json()) as { accessToken: string }).accessToken;
    const seenByAdmin = await serverWorkLogs(h5.server.baseURL, adminToken);
    expect(
      seenByAdmin.items.filter((i) => afterSync.items.some((o) => o.idempotencyKey === i.idempotencyKey)),
    ).toHaveLength(2);

    await page.goto('/h5/#/pages/mine/index');
    await page.getByText('权限设置').waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'settings') });
    await context.close();
  });

  it('reads the location through the device bridge (browser side, WGS-84 with accuracy)', async () => {
    const ctx = await mobileContext(h5.browser, h5.server.baseURL);
    await ctx.grantPermissions(['geolocation'], { origin: h5.server.baseURL });
    await ctx.setGeolocation({ latitude: 39.904211, longitude: 116.407395, accuracy: 12 });
    // Count the app's requests for persistent storage (the browser still decides).
    await ctx.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      const w = window as unknown as { persistCalls: number };
      w.persistCalls = 0;
      storage.persist = () => {
        w.persistCalls += 1;
        return persist();
      };
    });
    const page = await ctx.newPage();
    await loginOnH5(page, '现场人员', 'caozuo01');
    await page.locator('.menu-item', { hasText: '我的设置' }).click();
    await page.getByText('权限设置').waitFor();
    // Persistent storage was asked for at start; 我的设置 shows what the browser answered.
    expect(
      await page.evaluate(() => (window as unknown as { persistCalls: number }).persistCalls),
    ).toBeGreaterThan(0);
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    await expect
      .poll(() => page.locator('[data-testid="perm-storage"]').textContent())
      .toBe(persisted ? '已开启' : '未开启');
    await expect.poll(() => page.locator('[data-testid="perm-location"]').textContent()).toBe('已允许');
    await page.locator('.nut-button', { hasText: '检测定位' }).click();
    const result = page.locator('[data-testid="location-result"]');
    await result.waitFor();
    // A browser cannot tell whether a position is mocked: the flag is unknown, never "not mocked".
    expect(await result.textContent()).toBe(
      '定位成功：经度116.407395，纬度39.904211（WGS-84，浏览器定位），精度约12米；是否模拟定位：未知（设备无法判断）',
    );

    await ctx.clearPermissions();
    await page.reload();
    await page.getByText('权限设置').waitFor();
    await page.locator('.nut-button', { hasText: '检测定位' }).click();
    await page.getByText('定位权限未开启').waitFor();
    await page.screenshot({ path: screenshotPath('h5-operator', 'settings-location-denied') });
    await ctx.close();
  });
});
