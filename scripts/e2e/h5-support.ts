import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, startServer, type RunningServer } from './harness';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The harness does not build clients; build the Taro target once if its output is missing. */
export function ensureTaroBuild(target: 'h5' | 'weapp'): void {
  const marker = path.join(
    repoRoot,
    'miniprogram',
    'dist',
    target,
    target === 'h5' ? 'index.html' : 'app.json',
  );
  if (existsSync(marker)) return;
  // The weapp build needs an https API base; a test build gets one that can never resolve.
  const env = { ...process.env, XF_API_BASE: process.env.XF_API_BASE || 'https://api.example.invalid' };
  execSync(`npm run build:${target} -w miniprogram`, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: target === 'weapp' ? env : process.env,
  });
}

/** Taro H5 wraps each field in a custom element carrying the same placeholder; target the real input. */
export function nativeInput(page: Page, placeholder: string) {
  return page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`);
}

/** Logs in on the H5 login page; `who` picks the 负责人 (weapp client) or 现场人员 (app client) tab. */
/** 选择操作员 (components/OperatorPicker): tick the operator in the bottom sheet, then 确定. */
export async function pickOperator(page: Page, accountName: string) {
  const picker = page.locator('.operator-picker');
  await picker.locator('.nut-checkbox', { hasText: accountName }).click();
  await picker.locator('.nut-button', { hasText: '确定' }).click();
  await picker.waitFor({ state: 'hidden' });
}

export async function loginOnH5(
  page: Page,
  who: '负责人' | '现场人员',
  accountName: string,
  password = 'demo123456',
) {
  await page.goto('/h5/');
  await nativeInput(page, '请输入账号').waitFor();
  await page.locator('.segment-item', { hasText: who }).click();
  await nativeInput(page, '请输入账号').fill(accountName);
  await nativeInput(page, '请输入密码').fill(password);
  await page.locator('.nut-button', { hasText: '登录' }).click();
}

export async function apiLogin(
  baseURL: string,
  channel: 'app' | 'weapp',
  accountName: string,
): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, accountName, password: 'demo123456' }),
  });
  if (!res.ok) throw new Error(`login ${accountName} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * As an institution admin, the parties every project needs: an uploaded scope page (PDF) and a client with one
 * contact. Shared by the lead-side plan tests.
 */
export async function projectParties(
  baseURL: string,
  admin: import('./admin-support').ApiSession,
  clientName: string,
  scopeFileName: string,
): Promise<{ fileId: number; clientId: number; contactId: number }> {
  const { apiCall } = await import('./admin-support');
  const { samplePdf } = await import('./admin-projects-support');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(samplePdf())]), scopeFileName);
  const upload = await fetch(`${baseURL}/api/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin.accessToken}` },
    body: form,
  });
  if (upload.status !== 201) throw new Error(`upload failed ${upload.status}`);
  const fileId = ((await upload.json()) as { id: number }).id;
  const client = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/clients', {
    name: clientName,
    province: '北京市',
    city: '市辖区',
    district: '东城区',
    address: '东直门南大街1号',
  });
  const contact = await apiCall<{ id: number }>(baseURL, admin, 'POST', `/clients/${client.id}/contacts`, {
    name: '王经理',
    mobile: '13800138000',
    position: '物业经理',
  });
  return { fileId, clientId: client.id, contactId: contact.id };
}

/** As an institution admin: where the tests' projects are (东城, no credit code) and their lead, xiangmu01. */
export async function projectSite(baseURL: string, admin: import('./admin-support').ApiSession) {
  const { apiCall } = await import('./admin-support');
  const detachments = await apiCall<{ id: number; code: string }[]>(baseURL, admin, 'GET', '/detachments');
  const leads = await apiCall<{ items: { id: number; accountName: string }[] }>(
    baseURL,
    admin,
    'GET',
    '/accounts?kind=project_lead&q=xiangmu01',
  );
  return {
    siteUscc: 'NULL',
    detachmentId: detachments.find((d) => d.code === 'dongcheng')!.id,
    district: '东城区',
    address: '东城区东直门南大街1号',
    projectLeadAccountId: leads.items.find((a) => a.accountName === 'xiangmu01')!.id,
  };
}

/** The service worker must own the page and hold the shell before the connection goes (offline reloads). */
export async function waitForOfflineShell(page: Page) {
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
}

/**
 * One server and one browser for a describe block of H5 tests, with the Taro H5 build made if missing.
 * Read `server` and `browser` inside the tests: they are set before the first test runs.
 */
export function h5Suite() {
  const suite = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    ensureTaroBuild('h5');
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/** Size of the photos kept in IndexedDB (decoded in the page), to check the shrinking on the phone. */
export async function storedPhotoSizes(
  page: Page,
): Promise<{ width: number; height: number; type: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('xf-offline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const photos = await new Promise<{ blob: Blob }[]>((resolve) => {
      const req = db.transaction('photos').objectStore('photos').getAll();
      req.onsuccess = () => resolve(req.result as { blob: Blob }[]);
    });
    db.close();
    const out: { width: number; height: number; type: string }[] = [];
    for (const p of photos) {
      const bmp = await createImageBitmap(p.blob);
      out.push({ width: bmp.width, height: bmp.height, type: p.blob.type });
    }
    return out;
  });
}
