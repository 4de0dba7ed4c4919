// Shared pieces of the 检测 (testing) browser tests: the project as the institution admin enters it, approved
// faces, the site fix, and the steps the lead, the operator and the technical lead take on their own clients.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import yauzl from 'yauzl';
import { demoFacePhoto } from '@xf/server/demo-fixtures';
import { uploadFaceProfile } from './admin-face-support';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import { fakeCameraArgs, fakeCameraFile } from './fake-camera';
import {
  desktopContext,
  LAPTOP_VIEWPORT,
  launchBrowser,
  mobileContext,
  startServer,
  type RunningServer,
} from './harness';
import { ensureTaroBuild, loginOnH5, pickOperator, projectParties, projectSite } from './h5-support';

/** The project's fence, entered in WGS-84 so the browser's (WGS-84) position sits right on it; 300 m. */
export const fence = { lng: 116.4174, lat: 39.9339 };
/** A fix on site, as the browsers' geolocation and the API decisions give it. */
export const siteFix = { ...fence, crs: 'WGS84', accuracy: 10 } as const;

/** A live photo of the demo face (the person of every demo face profile), as the camera takes it on site. */
export const liveFace = () => demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });

/**
 * One server and one browser whose fake camera shows the live demo face (the web's live photo), for a describe
 * block; `adminPage` logs an account into the admin web at 1366×768. With `h5`, the Taro H5 build is made if missing.
 */
export function liveCameraSuite(options: { h5?: boolean } = {}) {
  const contexts: BrowserContext[] = [];
  const suite = {
    server: undefined as unknown as RunningServer,
    browser: undefined as unknown as Browser,
    async adminPage(accountName: string): Promise<Page> {
      const context = await desktopContext(suite.browser, suite.server.baseURL);
      contexts.push(context);
      const page = await context.newPage();
      await page.setViewportSize(LAPTOP_VIEWPORT);
      await loginAndWaitHome(page, suite.server.baseURL, accountName);
      return page;
    },
  };
  beforeAll(async () => {
    if (options.h5) ensureTaroBuild('h5');
    suite.server = await startServer();
    suite.browser = await launchBrowser(fakeCameraArgs(await fakeCameraFile(await liveFace())));
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

export interface TestingProjectOptions {
  siteName: string;
  clientName: string;
  /** Single items or systems of the contract (检测范围). */
  scope?: string[];
  /** Buildings added with the project (none: the test adds them itself). */
  buildings?: string[];
  /** Whether the project gets its fence (位置) now. */
  withFence?: boolean;
}

/** The building every testing test uses, added through the API. */
export async function addBuilding(baseURL: string, admin: ApiSession, projectId: number, name = '主楼') {
  await apiCall(baseURL, admin, 'POST', `/projects/${projectId}/buildings`, {
    name,
    aboveGroundArea: 3000,
    belowGroundArea: 2000,
    totalArea: 5000,
    aboveGroundFloors: 5,
    belowGroundFloors: 1,
    height: 23,
    useFunction: '办公',
  });
}

/**
 * As the institution admin (API): a testing project in 东城 led by xiangmu01, within its testing period, with its
 * client, contact and scope page, then its buildings and fence as asked.
 */
export async function createTestingProject(
  baseURL: string,
  admin: ApiSession,
  {
    siteName,
    clientName,
    scope = ['消防电梯', 'A.12'],
    buildings = ['主楼'],
    withFence = true,
  }: TestingProjectOptions,
): Promise<number> {
  const { fileId, clientId, contactId } = await projectParties(baseURL, admin, clientName, '检测范围页.pdf');
  const site = await projectSite(baseURL, admin);
  const project = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/testing-projects', {
    siteName,
    ...site,
    clientId,
    contactId,
    signedOn: '2026-01-01',
    contractStart: '2026-01-01',
    contractEnd: '2099-12-31',
    testingType: 'annual',
    scope,
    attachments: [{ fileId, kind: 'testing_scope' }],
  });
  for (const name of buildings) await addBuilding(baseURL, admin, project.id, name);
  if (withFence)
    await apiCall(baseURL, admin, 'PUT', `/projects/${project.id}/geofence`, {
      ...fence,
      radius: 300,
      crs: 'WGS84',
    });
  return project.id;
}

/** Uploads `photo` as the account's face profile and has the brigade (zongdui) approve it. */
export async function approvedFace(baseURL: string, session: ApiSession, photo: Buffer) {
  const profile = await uploadFaceProfile(baseURL, session, photo);
  const brigade = await apiLogin(baseURL, 'zongdui');
  await apiCall(baseURL, brigade, 'POST', `/face-profiles/${profile.id}/approve`);
}

/** The lead approves a site request through the API, on site with a live photo (and a reason for a failed check). */
export async function approveOnSite(baseURL: string, lead: ApiSession, requestId: number, photo: Buffer) {
  const form = new FormData();
  const fields = { ...siteFix, fixTime: new Date().toISOString(), reason: '现场核实为本人' };
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'live.jpg');
  const res = await fetch(`${baseURL}/api/site-requests/${requestId}/approve`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${lead.accessToken}` },
    body: form,
  });
  if (res.status !== 200) throw new Error(`approve failed: ${res.status} ${await res.text()}`);
}

/** The pending site requests of the lead's projects, of one kind. */
export async function pendingRequests(baseURL: string, lead: ApiSession, kind: 'start' | 'submit') {
  const list = await apiCall<{ items: { id: number; kind: string; siteName: string }[] }>(
    baseURL,
    lead,
    'GET',
    '/site-requests?status=pending',
  );
  return list.items.filter((r) => r.kind === kind);
}

/** Waits until the app's outbox has delivered the request: one pending request of that kind on the server. */
export async function untilPending(baseURL: string, lead: ApiSession, kind: 'start' | 'submit') {
  await expect
    .poll(async () => (await pendingRequests(baseURL, lead, kind)).length, { timeout: 60_000 })
    .toBe(1);
  return (await pendingRequests(baseURL, lead, kind))[0]!;
}

/** A phone on the project's site (geolocation at the fence's centre), logged in on the H5 build. */
export async function phoneOnSite(
  browser: Browser,
  baseURL: string,
  who: '负责人' | '现场人员',
  accountName: string,
): Promise<Page> {
  const context = await mobileContext(browser, baseURL);
  await context.grantPermissions(['geolocation'], { origin: baseURL });
  await context.setGeolocation({ longitude: fence.lng, latitude: fence.lat, accuracy: 10 });
  const page = await context.newPage();
  await loginOnH5(page, who, accountName);
  return page;
}

// ---- The operator's app (H5 build) ----

/**
 * 接收下发计划 → the first `count` single items → 开始检测申请 with the live photo file; waits for the task card of
 * `siteName` to wait for the lead (开始申请待同意). `beforeStart` runs with the selection made (a screenshot).
 */
export async function startTestingTask(
  page: Page,
  siteName: string,
  count: number,
  livePhotoFile: string,
  beforeStart?: () => Promise<void>,
) {
  await page.locator('.menu-item', { hasText: '接收下发计划' }).click();
  await page.locator('.assignment-row').first().waitFor();
  for (let i = 0; i < count; i++) await page.locator('.assignment-row .nut-checkbox').nth(i).click();
  await page.locator('[data-testid="selection-summary"]', { hasText: `已选${count}个单项` }).waitFor();
  await beforeStart?.();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.nut-button', { hasText: '开始检测申请' }).click();
  await (await chooser).setFiles(livePhotoFile);
  await page.locator('.task-card', { hasText: siteName }).waitFor();
  await page.locator('.task-card', { hasText: '开始申请待同意' }).waitFor({ timeout: 30_000 });
}

/** Takes a photo for one item card (the "camera" returns `photoFile`) and waits for it to show. */
export async function shootItem(page: Page, card: ReturnType<Page['locator']>, photoFile: string) {
  const before = await card.locator('.record-photo').count();
  const shot = page.waitForEvent('filechooser');
  await card.locator('.nut-button', { hasText: '拍照' }).click();
  await (await shot).setFiles(photoFile);
  await card.locator('.record-photo').nth(before).waitFor();
}

/** 提交检测结果申请 on 测试任务 with the live photo; waits until it is sent or waits for the lead. */
export async function requestSubmit(page: Page, livePhotoFile: string, confirmPartial = false) {
  await page.goto('/h5/#/pages/testing-tasks/index');
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.task-card .nut-button', { hasText: '提交检测结果申请' }).click();
  // Not every item was recorded: the app asks before sending only what was.
  if (confirmPartial) await page.getByText('确定', { exact: true }).last().click();
  await (await chooser).setFiles(livePhotoFile);
  await page.locator('.task-card', { hasText: /提交申请(待发送|待同意)/ }).waitFor({ timeout: 60_000 });
}

// ---- The project lead's mini-program (H5 build) ----

/** 我的项目 → the project → 检测计划: each single item to `operator`, then 下发计划. */
export async function dispatchPlanOnH5(
  page: Page,
  siteName: string,
  singles: { code: string; name: string }[],
  operator: string,
  afterChoosing?: () => Promise<void>,
) {
  await page.locator('.projects-entry', { hasText: '我的项目' }).click();
  await page.locator('.project-card', { hasText: siteName }).click();
  const detail = page.locator('.project-detail');
  await detail.getByText('检测范围', { exact: true }).waitFor();
  await detail.locator('.testing-plan-entry').click();
  const planPage = page.locator('.testing-plan');
  await planPage.getByText('未下发').waitFor();
  for (const s of singles) {
    const item = planPage.locator('.single-item', { hasText: `${s.code} ${s.name}` });
    await item.getByText('操作员：未分配').waitFor();
    await item.locator('.nut-button', { hasText: '选择操作员' }).click();
    await pickOperator(page, operator);
    await item
      .getByText(/操作员：.+/)
      .filter({ hasNotText: '未分配' })
      .waitFor();
  }
  await afterChoosing?.();
  await planPage.locator('.nut-button', { hasText: '下发计划' }).click();
  await planPage.getByText('已下发').waitFor();
  await planPage.locator('.nut-button', { hasText: '修改计划' }).waitFor();
  return planPage;
}

/**
 * 待处理申请 → the request of `siteName` (of kind 开始申请/提交申请) → 同意 with the lead's own fix and live photo;
 * waits for the decision. `onOpened` runs with the request opened (a screenshot).
 */
export async function decideRequestOnH5(
  page: Page,
  siteName: string,
  kindLabel: string,
  livePhoto: Buffer,
  onOpened?: () => Promise<void>,
) {
  await page.goto('/h5/#/pages/home/index');
  await page.locator('.menu-item', { hasText: '待处理申请' }).click();
  const row = page.locator('.request-row', { hasText: siteName }).filter({ hasText: kindLabel });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  const detail = page.locator('.request-detail');
  await detail.locator('.request-photo').waitFor();
  await onOpened?.();
  const chooser = page.waitForEvent('filechooser');
  await detail.locator('.decide-approve').click();
  await (await chooser).setFiles({ name: 'live.jpg', mimeType: 'image/jpeg', buffer: livePhoto });
  await detail.locator('.decide-result', { hasText: '已同意' }).waitFor({ timeout: 90_000 });
  return detail;
}

// ---- The technical lead (admin web) ----

/**
 * 备案检测报告 (or, with `/maintenance/filing`, 备案维保报告): the report's row → the live camera (Chromium's fake
 * camera) → 人脸比对并备案; waits for 已备案.
 */
export async function fileReportOnWeb(
  page: Page,
  reportId: number,
  siteName: string,
  screenshot?: () => Promise<void>,
  filingPage: '/testing/filing' | '/maintenance/filing' = '/testing/filing',
) {
  await page.goto(filingPage);
  await page.getByTestId(`file-${reportId}`).click();
  await page.getByTestId('camera-capture').click();
  await page.getByTestId('camera-shot').waitFor();
  await screenshot?.();
  await page.getByRole('button', { name: '人脸比对并备案' }).click();
  await page.getByText('人脸比对通过，报告已备案并推送给管辖支队').waitFor({ timeout: 60_000 });
  await page.locator('tr', { hasText: siteName }).getByText('已备案').waitFor();
}

// ---- The generated report ----

const tmp = () => mkdtempSync(path.join(tmpdir(), 'xf-e2e-report-'));

/** The text of a PDF as pdftotext (poppler-utils) extracts it, pages split by form feeds. */
export function pdfText(pdf: Buffer): string {
  const file = path.join(tmp(), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
}

/** The entries of a zip (a DOCX) whose names match `pattern`, as text, by name. */
export async function zipTexts(zip: Buffer, pattern: RegExp): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, archive) => {
      if (err || !archive) return reject(err ?? new Error('not a zip'));
      archive.on('entry', (entry: yauzl.Entry) => {
        if (!pattern.test(entry.fileName)) return archive.readEntry();
        archive.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            archive.readEntry();
          });
          stream.on('error', reject);
        });
      });
      archive.on('end', () => resolve(out));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** Word XML as plain text: one line a paragraph, tags dropped. */
export const wordText = (xml: string) => xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
