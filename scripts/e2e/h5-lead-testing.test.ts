import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoFacePhoto } from '@xf/server/demo-fixtures';
import { apiCall, apiLogin as webLogin, type ApiSession } from './admin-support';
import { screenshotPath } from './harness';
import { apiLogin, h5Suite } from './h5-support';
import {
  approvedFace,
  createTestingProject,
  decideRequestOnH5,
  fence,
  liveFace,
  phoneOnSite,
  siteFix,
} from './testing-support';

const siteName = '负责人审核测试大厦';

async function call<T>(baseURL: string, token: string, method: string, p: string, body?: unknown) {
  return apiCall<T>(baseURL, { accessToken: token } as ApiSession, method, p, body);
}

/** The world of one start request: project, fence, plan dispatched to caozuo01, faces approved, lead bound to WeChat. */
async function startRequestWorld(baseURL: string) {
  const admin = await webLogin(baseURL, 'jigou01');
  const projectId = await createTestingProject(baseURL, admin, {
    siteName,
    clientName: '负责人审核测试甲方',
    scope: ['消防电梯'],
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
    `/projects/${projectId}/testing-plan`,
  );
  const single = plan.buildings[0]!.singleItems[0]!.planSingleItemId;
  const operators = await call<{ items: { id: number; accountName: string }[] }>(
    baseURL,
    lead,
    'GET',
    `/projects/${projectId}/assignable-operators`,
  );
  await call(baseURL, lead, 'PUT', `/projects/${projectId}/testing-plan/assignments`, {
    assignments: [
      {
        planSingleItemId: single,
        operatorAccountIds: [operators.items.find((o) => o.accountName === 'caozuo01')!.id],
      },
    ],
  });
  await approvedFace(baseURL, { accessToken: lead } as ApiSession, await demoFacePhoto());

  // caozuo01 (approved face in the demo data) files a start request on site with a live photo.
  const operator = await apiLogin(baseURL, 'app', 'caozuo01');
  const form = new FormData();
  const fields = {
    projectId: projectId,
    idempotencyKey: `e2e-lead-${Date.now()}`,
    planSingleItemIds: single,
    ...siteFix,
    lng: fence.lng + 0.0003,
    accuracy: 12,
    fixTime: new Date().toISOString(),
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  const live = await liveFace();
  form.append('photo', new Blob([new Uint8Array(live)], { type: 'image/jpeg' }), 'live.jpg');
  const task = await fetch(`${baseURL}/api/testing-tasks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${operator}` },
    body: form,
  });
  if (task.status !== 201) throw new Error(`start request failed: ${task.status} ${await task.text()}`);
  return { projectId: projectId, lead, operator, live };
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

    const page = await phoneOnSite(h5.browser, baseURL, '负责人', 'xiangmu01');
    const context = page.context();
    await page.locator('.stat', { hasText: '待处理申请' }).locator('.stat-value', { hasText: '1' }).waitFor();
    await page.locator('.page-tabbar:visible').getByText('消防维保').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-home') });

    const detail = await decideRequestOnH5(page, siteName, '开始申请', world.live, async () => {
      await page.locator('.request-row', { hasText: siteName }).getByText('校验通过').waitFor();
      await page.locator('.page-navbar:visible').getByText('待处理申请').waitFor();
      const opened = page.locator('.request-detail');
      await opened.getByText(/通过（距项目位置\d+米）/).waitFor();
      await opened.getByText(/差异度/).waitFor();
      // The operator's fix came without a mock flag (a browser cannot tell): the lead reads 未知, not 否.
      await opened
        .locator('.detail-line', { hasText: '是否模拟定位' })
        .locator('.error-text', { hasText: '未知（设备无法判断）' })
        .waitFor();
      await page.screenshot({ path: screenshotPath('h5-lead', 'site-request-detail') });
    });
    await detail.getByText(/已同意：您的位置校验和人脸比对均通过/).waitFor();
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
    await page.locator('.menu-item', { hasText: '待审核' }).filter({ hasNotText: '消防维保' }).click();
    await page.locator('.page-navbar:visible').getByText('返回').waitFor();
    await page.locator('.project-card', { hasText: siteName }).click();
    await page.locator('.card-title', { hasText: '计划完成统计' }).waitFor();
    await page.locator('.review-steps').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-review'), fullPage: true });
    await context.close();
  });
});
