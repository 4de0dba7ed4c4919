import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleFacePhoto } from './admin-face-support';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import {
  desktopContext,
  launchBrowser,
  LAPTOP_VIEWPORT,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';
import { beijingMonth, createMaintenanceProject, dispatchMonthPlan } from './maintenance-support';
import { approvedFace, siteFix } from './testing-support';

/**
 * 管理维保服务活动 (manual §03/§04) at 1366×768: a maintenance task made, started, recorded and submitted through the
 * HTTP API with a 不符合 line whose fault the lead handles; the institution admin reads it in 查看现场提交记录
 * (the 开始/提交申请 with their checks, every line with its answers, "+" text and photo), 管理测试故障 (the dated
 * handling) and 查看工作日志; the project's detachment reads the same task.
 */
const siteName = '维保活动查看测试大厦';
let seq = 0;
const key = (what: string) => `e2e-maint-${what}-${Date.now()}-${++seq}`;

/** A multipart body with the phone's fix (on site) and a live photo. */
function siteForm(photo: Buffer, fields: Record<string, string>) {
  const form = new FormData();
  const all = { ...siteFix, fixTime: new Date().toISOString(), ...fields };
  for (const [k, v] of Object.entries(all)) form.append(k, String(v));
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'live.jpg');
  return form;
}

async function postForm<T>(baseURL: string, session: ApiSession, path: string, form: FormData): Promise<T> {
  const res = await fetch(`${baseURL}/api${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.accessToken}` },
    body: form,
  });
  if (!res.ok) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface PlanDetail {
  facilities: {
    facilityId: string;
    lines: { lineId: string; prompts: { id: string; options: string[] }[] }[];
  }[];
}

/**
 * caozuo01 makes a task of this month's plan; xiangmu01 approves its 开始申请 and 提交申请 on site; the first line is
 * 不符合 with a "+" note and photo, the others 现场无此设备; the lead answers the fault with 与业主沟通中 then 排查.
 */
async function submittedTaskWithFault(baseURL: string) {
  const admin = await apiLogin(baseURL, 'jigou01');
  const projectId = await createMaintenanceProject(baseURL, admin, {
    siteName,
    clientName: '维保活动甲方',
    facilityIds: ['M.02.1.01'],
  });
  const lead = await apiLogin(baseURL, 'xiangmu01', undefined, 'weapp');
  const operator = await apiLogin(baseURL, 'caozuo01', undefined, 'app');
  const planId = await dispatchMonthPlan(baseURL, lead, projectId, {
    month: beijingMonth(),
    facilityIds: ['M.02.1.01'],
    operatorAccountIds: [operator.user.id],
  });
  const face = await singleFacePhoto();
  await approvedFace(baseURL, lead, face);
  const approve = (id: number) =>
    postForm(baseURL, lead, `/site-requests/${id}/approve`, siteForm(face, { reason: '现场核实为本人' }));

  const task = await postForm<{ id: number; startRequest: { id: number } }>(
    baseURL,
    operator,
    '/maintenance-tasks',
    siteForm(face, { idempotencyKey: key('task'), planId: String(planId), allAssigned: 'true' }),
  );
  await approve(task.startRequest.id);
  const submitRequest = await postForm<{ id: number }>(
    baseURL,
    operator,
    `/maintenance-tasks/${task.id}/submit-requests`,
    siteForm(face, { idempotencyKey: key('submit') }),
  );
  await approve(submitRequest.id);

  const upload = new FormData();
  upload.append('file', new Blob([new Uint8Array(face)], { type: 'image/jpeg' }), 'site.jpg');
  const photo = await postForm<{ id: number }>(baseURL, operator, '/files', upload);
  const detail = await apiCall<PlanDetail>(baseURL, lead, 'GET', `/maintenance-plans/${planId}`);
  const [first, ...rest] = detail.facilities[0]!.lines;
  const answers = Object.fromEntries(
    first!.prompts.filter((p) => !p.id.endsWith('.result')).map((p) => [p.id, p.options[1]!]),
  );
  const recordedAt = new Date().toISOString();
  await apiCall(baseURL, operator, 'POST', `/maintenance-tasks/${task.id}/submission`, {
    idempotencyKey: key('submission'),
    records: [
      {
        idempotencyKey: key('line'),
        facilityId: 'M.02.1.01',
        facilityLocation: '1号楼消防控制室',
        lineId: first!.lineId,
        checkable: true,
        answers,
        conformity: 'nonconforming',
        note: '主电源指示灯不亮',
        photoFileIds: [photo.id],
        recordedAt,
      },
      ...rest.map((l) => ({
        idempotencyKey: key('line'),
        facilityId: 'M.02.1.01',
        lineId: l.lineId,
        checkable: false,
        notCheckableReason: 'not_present',
        recordedAt,
      })),
    ],
  });
  const faults = await apiCall<{ items: { id: number }[] }>(
    baseURL,
    lead,
    'GET',
    `/maintenance-faults?projectId=${projectId}`,
  );
  const faultId = faults.items[0]!.id;
  await apiCall(baseURL, lead, 'POST', `/maintenance-faults/${faultId}/negotiate`, { note: '已告知业主' });
  await apiCall(baseURL, lead, 'POST', `/maintenance-faults/${faultId}/dispatch`, {
    kind: 'troubleshoot',
    operatorAccountId: operator.user.id,
  });
  await apiCall(baseURL, operator, 'PUT', `/work-logs/${key('log')}`, {
    date: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    content: `${siteName}：报警控制器月度维保，主电源故障已报项目负责人`,
  });
  return { projectId, taskId: task.id };
}

/** The entries of the open 管理维保服务活动 sub-menu, in order. */
const maintenanceMenu = (page: Page) =>
  page
    .locator('.ant-menu-submenu-open', { hasText: '管理维保服务活动' })
    .locator('.ant-menu-item')
    .allTextContents();

describe('admin web: 管理维保服务活动 — 查看现场提交记录, 管理测试故障, 查看工作日志', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await submittedTaskWithFault(server.baseURL);
    context = await desktopContext(browser, server.baseURL);
    page = await context.newPage();
    await page.setViewportSize(LAPTOP_VIEWPORT);
    await loginAndWaitHome(page, server.baseURL, 'jigou01');
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('查看现场提交记录: the task, its 开始/提交申请 with their checks, and every submitted line', async () => {
    await page.goto('/maintenance/tasks');
    // The manual's order (§04): 查看现场提交记录 before the reports, 管理测试故障 and 查看工作日志 last.
    await expect
      .poll(() => maintenanceMenu(page))
      .toEqual(expect.arrayContaining(['查看现场提交记录', '生成维保报告', '管理测试故障', '查看工作日志']));
    const menu = await maintenanceMenu(page);
    expect(menu.indexOf('查看现场提交记录')).toBeLessThan(menu.indexOf('生成维保报告'));
    expect(menu.indexOf('备案维保报告')).toBeLessThan(menu.indexOf('管理测试故障'));
    expect(menu.at(-1)).toBe('查看工作日志');
    const row = page.locator('.ant-table-row', { hasText: siteName });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('待审核');
    await shootAdmin(page, 'maintenance-tasks');
    await row.getByRole('button', { name: '查看' }).click();
    const detail = page.getByTestId('maintenance-task-detail');
    await detail.waitFor();
    await expect.poll(() => detail.locator('.ant-table-row', { hasText: '开始' }).count()).toBe(1);
    await expect.poll(() => detail.locator('.ant-table-row', { hasText: '提交' }).count()).toBeGreaterThan(0);
    await expect.poll(() => detail.getByText('人脸比对').count()).toBeGreaterThan(0);
    await expect.poll(() => detail.getByText('主电源指示灯不亮').count()).toBeGreaterThan(0);
    await expect.poll(() => detail.getByText('不符合', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => detail.getByText('现场无此设备').count()).toBeGreaterThan(0);
    await expect.poll(() => detail.locator('img[alt="维保照片"]').count()).toBe(1);
    await expect.poll(() => detail.getByText(/与业主协商中/).count()).toBeGreaterThan(0);
    await shootAdmin(page, 'maintenance-task-detail');
    await page.locator('.ant-drawer-close').click();
    await detail.waitFor({ state: 'detached' });
  });

  it('管理测试故障: the fault with its state and its dated handling', async () => {
    await page.goto('/maintenance/faults');
    const row = page.locator('.ant-table-row', { hasText: siteName });
    await row.waitFor();
    const events = row.getByTestId('fault-event');
    await expect
      .poll(() => events.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}:\d{2} 与业主协商中/),
          expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}:\d{2} 由.+排查中/),
        ]),
      );
    expect(await row.locator('.ant-tag').first().textContent()).toBe('排查中');
    await shootAdmin(page, 'maintenance-faults');
  });

  it('查看工作日志 is in the maintenance menu, on the same page as the regulators’', async () => {
    await page.goto('/maintenance/work-logs');
    await expect
      .poll(() => page.getByText(`${siteName}：报警控制器月度维保`, { exact: false }).count())
      .toBe(1);
    await shootAdmin(page, 'maintenance-work-logs');
  });

  it('the detachment of the project’s 管辖归属 reads the same task', async () => {
    const other = await desktopContext(browser, server.baseURL);
    const p = await other.newPage();
    await p.setViewportSize(LAPTOP_VIEWPORT);
    await loginAndWaitHome(p, server.baseURL, 'dongcheng');
    await p.goto('/maintenance/tasks');
    await p.locator('.ant-table-row', { hasText: siteName }).waitFor();
    await shootAdmin(p, 'maintenance-tasks-detachment');
    await other.close();
  });
});
