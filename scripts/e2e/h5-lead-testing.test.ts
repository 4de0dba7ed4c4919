import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFacePhoto } from '@xf/server/demo-fixtures';
import { apiCall, apiLogin as webLogin, type ApiSession } from './admin-support';
import { uploadFaceProfile } from './admin-face-support';
import { mobileContext, screenshotPath } from './harness';
import { loginOnH5, projectParties, h5Suite } from './h5-support';

const siteName = '负责人审核测试大厦';
// The project's fence, entered in WGS-84 so the browser's (WGS-84) position can sit right on it.
const fence = { lng: 116.4174, lat: 39.9339 };

async function call<T>(baseURL: string, token: string, method: string, p: string, body?: unknown) {
  return apiCall<T>(baseURL, { accessToken: token } as ApiSession, method, p, body);
}

/** The world of one start request: project, fence, plan dispatched to caozuo01, faces approved, lead bound to WeChat. */
async function startRequestWorld(baseURL: string) {
  const admin = await webLogin(baseURL, 'jigou01');
  const brigade = await webLogin(baseURL, 'zongdui');
  const { fileId, clientId, contactId } = await projectParties(
    baseURL,
    admin,
    '负责人审核测试甲方',
    '检测范围页.pdf',
  );
  const detachments = await apiCall<{ id: number; code: string }[]>(baseURL, admin, 'GET', '/detachments');
  const leads = await apiCall<{ items: { id: number; accountName: string }[] }>(
    baseURL,
    admin,
    'GET',
    '/accounts?kind=project_lead&q=xiangmu01',
  );
  const project = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/testing-projects', {
    siteName,
    siteUscc: 'NULL',
    detachmentId: detachments.find((d) => d.code === 'dongcheng')!.id,
    district: '东城区',
    address: '东城区东直门南大街2号',
    projectLeadAccountId: leads.items.find((a) => a.accountName === 'xiangmu01')!.id,
    clientId,
    contactId,
    signedOn: '2024-03-01',
    contractStart: '2024-03-01',
    contractEnd: '2024-12-31',
    testingType: 'annual',
    scope: ['消防电梯'],
    attachments: [{ fileId, kind: 'testing_scope' }],
  });
  await apiCall(baseURL, admin, 'POST', `/projects/${project.id}/buildings`, {
    name: '主楼',
    aboveGroundArea: 3000,
    belowGroundArea: 2000,
    totalArea: 5000,
    aboveGroundFloors: 5,
    belowGroundFloors: 1,
    height: 23,
    useFunction: '办公',
  });
  await apiCall(baseURL, admin, 'PUT', `/projects/${project.id}/geofence`, {
    ...fence,
    crs: 'WGS84',
    radius: 300,
  });

  // The lead binds WeChat (the loopback fake turns code ok-xiangmu01 into openid o-xiangmu01), then dispatches.
  const wx = (await (
    await fetch(`${baseURL}/api/auth/wechat/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: `ok-xiangmu01-${Date.now()}` }),
    })
  ).json()) as { bindTicket: string };
  const bound = (await (
    await fetch(`${baseURL}/api/auth/wechat/bind`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ bindTicket: wx.bindTicket, accountName: 'xiangmu01', password: 'demo123456' }),
    })
  ).json()) as { accessToken: string };
  const lead = bound.accessToken;
  const plan = await call<{ buildings: { singleItems: { planSingleItemId: string }[] }[] }>(
    baseURL,
    lead,
    'GET',
    `/projects/${project.id}/testing-plan`,
  );
  const single = plan.buildings[0]!.singleItems[0]!.planSingleItemId;
  const operators = await call<{ items: { id: number; accountName: string }[] }>(
    baseURL,
    lead,
    'GET',
    `/projects/${project.id}/assignable-operators`,
  );
  await call(baseURL, lead, 'PUT', `/projects/${project.id}/testing-plan/assignments`, {
    assignments: [
      {
        planSingleItemId: single,
        operatorAccountIds: [operators.items.find((o) => o.accountName === 'caozuo01')!.id],
      },
    ],
  });
  const profile = await uploadFaceProfile(
    baseURL,
    { accessToken: lead } as ApiSession,
    await demoFacePhoto(),
  );
  await apiCall(baseURL, brigade, 'POST', `/face-profiles/${profile.id}/approve`);

  // caozuo01 (approved face in the demo data) files a start request on site with a live photo.
  const operator = await (async () => {
    const res = await fetch(`${baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'app', accountName: 'caozuo01', password: 'demo123456' }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  })();
  const form = new FormData();
  const fields = {
    projectId: project.id,
    idempotencyKey: `e2e-lead-${Date.now()}`,
    planSingleItemIds: single,
    lng: fence.lng + 0.0003,
    lat: fence.lat,
    crs: 'WGS84',
    accuracy: 12,
    fixTime: new Date().toISOString(),
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  const live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });
  form.append('photo', new Blob([new Uint8Array(live)], { type: 'image/jpeg' }), 'live.jpg');
  const task = await fetch(`${baseURL}/api/testing-tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${operator}` },
    body: form,
  });
  if (task.status !== 201) throw new Error(`start request failed: ${task.status} ${await task.text()}`);
  return { projectId: project.id, lead, operator, live };
}

describe('H5: 项目负责人处理现场申请与审核检测记录', () => {
  const h5 = h5Suite();

  it('xiangmu01 gets the WeChat reminder, approves the start request on site with a live photo, and opens 待审核', async () => {
    const { baseURL, dataDir } = h5.server;
    const world = await startRequestWorld(baseURL);

    // The reminder went through the job queue to the loopback WeChat (its outbox file is in the data folder).
    const outboxFile = path.join(dataDir, 'wechat-outbox.jsonl');
    await expect
      .poll(() => (existsSync(outboxFile) ? readFileSync(outboxFile, 'utf8') : ''), { timeout: 20_000 })
      .toContain('o-xiangmu01');
    const reminder = JSON.parse(readFileSync(outboxFile, 'utf8').trim().split('\n').at(-1)!) as {
      templateId: string;
      data: Record<string, { value: string }>;
    };
    expect(reminder.templateId).toBe('dev-tpl-site-request');
    expect(reminder.data.thing1!.value).toBe(siteName.slice(0, 20));
    expect(reminder.data.thing2!.value).toBe('开始申请待处理');

    const context = await mobileContext(h5.browser, baseURL);
    await context.grantPermissions(['geolocation'], { origin: baseURL });
    await context.setGeolocation({ latitude: fence.lat, longitude: fence.lng, accuracy: 10 });
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'xiangmu01');
    await page.locator('.stat', { hasText: '待处理申请' }).locator('.stat-value', { hasText: '1' }).waitFor();
    await page.locator('.page-tabbar:visible').getByText('消防维保').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-home') });

    await page.locator('.menu-item', { hasText: '待处理申请' }).click();
    const row = page.locator('.request-row', { hasText: siteName });
    await row.getByText('校验通过').waitFor();
    await page.locator('.page-navbar:visible').getByText('待处理申请').waitFor();
    await row.click();
    const detail = page.locator('.request-detail');
    await detail.getByText(/通过（距项目位置\d+米）/).waitFor();
    await detail.getByText(/差异度/).waitFor();
    await detail.locator('.request-photo').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'site-request-detail') });

    const chooser = page.waitForEvent('filechooser');
    await detail.locator('.decide-approve').click();
    await (await chooser).setFiles({ name: 'live.jpg', mimeType: 'image/jpeg', buffer: world.live });
    await detail.getByText(/已同意：您的位置校验和人脸比对均通过/).waitFor({ timeout: 90_000 });
    await detail.getByText(/您的定位/).waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'site-request-approved') });

    // The decision reached the operator's app.
    const notes = await call<{ items: { title: string }[]; unread: number }>(
      baseURL,
      world.operator,
      'GET',
      '/me/notifications',
    );
    expect(notes.items.map((n) => n.title)).toEqual(['开始申请已同意']);

    // 待审核 (消防检测): the project's review page.
    // (A fresh load of the 消防检测 tab: closing the sheet while a busy machine still animates it was flaky.)
    await page.goto('/h5/#/pages/home/index');
    await page.locator('.menu-item', { hasText: '待审核' }).click();
    await page.locator('.page-navbar:visible').getByText('返回').waitFor();
    await page.locator('.project-card', { hasText: siteName }).click();
    await page.locator('.card-title', { hasText: '计划完成统计' }).waitFor();
    await page.locator('.review-steps').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-review'), fullPage: true });
    await context.close();
  });
});
