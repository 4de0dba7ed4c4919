import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacePhoto } from '../../server/src/demo/seed';
import { uploadFaceProfile } from './admin-face-support';
import { samplePdf } from './admin-projects-support';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import { fakeCameraArgs, fakeCameraFile } from './fake-camera';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

const siteName = '检测备案测试大厦';

async function uploadPdf(baseURL: string, s: ApiSession, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(samplePdf())]), name);
  const res = await fetch(`${baseURL}/api/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.accessToken}` },
    body: form,
  });
  return ((await res.json()) as { id: number }).id;
}

/** A testing project in 东城 within its contract period, no buildings yet, entered through the API. */
async function testingProject(baseURL: string, admin: ApiSession) {
  const client = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/clients', {
    name: '检测备案测试甲方',
    province: '北京市',
    city: '市辖区',
    district: '东城区',
    address: '东城区东直门南大街1号',
  });
  const contact = await apiCall<{ id: number }>(baseURL, admin, 'POST', `/clients/${client.id}/contacts`, {
    name: '王经理',
    mobile: '13800138000',
    position: '物业经理',
  });
  const fileId = await uploadPdf(baseURL, admin, '检测范围页.pdf');
  const detachments = await apiCall<{ id: number; code: string }[]>(baseURL, admin, 'GET', '/detachments');
  const leads = await apiCall<{ items: { id: number; accountName: string }[] }>(
    baseURL,
    admin,
    'GET',
    '/accounts?kind=project_lead&q=xiangmu01',
  );
  return apiCall<{ id: number }>(baseURL, admin, 'POST', '/testing-projects', {
    siteName,
    siteUscc: 'NULL',
    detachmentId: detachments.find((d) => d.code === 'dongcheng')!.id,
    district: '东城区',
    address: '东城区东直门南大街1号',
    projectLeadAccountId: leads.items.find((a) => a.accountName === 'xiangmu01')!.id,
    clientId: client.id,
    contactId: contact.id,
    signedOn: '2026-01-01',
    contractStart: '2026-01-01',
    contractEnd: '2027-12-31',
    testingType: 'annual',
    scope: ['消防电梯', 'A.12'],
    attachments: [{ fileId, kind: 'testing_scope' }],
  });
}

describe('admin web: 管理检测服务活动 — buildings, plan, requests, 备案检测报告, 已接收报告', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(
      fakeCameraArgs(
        await fakeCameraFile(await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 })),
      ),
    );
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(accountName: string) {
    const context = await desktopContext(browser, server.baseURL);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAndWaitHome(page, server.baseURL, accountName);
    return page;
  }

  it('adds a building to a testing project, shows its plan, files its report live and the detachment checks the hash', async () => {
    const { baseURL } = server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const brigade = await apiLogin(baseURL, 'zongdui');
    const project = await testingProject(baseURL, admin);
    const adminPage = await pageAs('jigou01');

    // No buildings yet: the plan page says so in plain words and links to where they are added.
    await adminPage.goto('/testing/plans');
    await adminPage.getByTestId('plan-project').click();
    await adminPage.locator('.ant-select-item-option', { hasText: siteName }).click();
    await adminPage.getByText('该项目还没有添加建筑物，无法生成检测计划').waitFor();
    await shootAdmin(adminPage, 'testing-plan-no-buildings');

    // 添加建筑物 from the testing project list.
    await adminPage.goto('/testing-projects');
    await adminPage.getByTestId(`buildings-${project.id}`).click();
    await adminPage.waitForURL(`**/testing-projects/${project.id}/buildings`);
    await shootAdmin(adminPage, 'testing-project-buildings');
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
    await adminPage.reload();
    await adminPage.locator('tr', { hasText: '主楼' }).waitFor();
    await adminPage.getByRole('button', { name: '返回' }).click();
    await adminPage.waitForURL('**/testing-projects');
    await adminPage.getByTestId(`geofence-${project.id}`).click();
    await adminPage.waitForURL(`**/testing-projects/${project.id}/geofence`);

    // 查看检测服务计划: the plan from the building.
    await adminPage.goto('/testing/plans');
    await adminPage.getByTestId('plan-project').click();
    await adminPage.locator('.ant-select-item-option', { hasText: siteName }).click();
    await adminPage.getByText('下发状态').waitFor();
    await expect(adminPage.locator('tr', { hasText: '主楼' }).count()).resolves.toBeGreaterThan(0);
    await shootAdmin(adminPage, 'testing-plans');

    // 查看提交申请处理.
    await adminPage.goto('/testing/site-requests');
    await adminPage.getByText('查看提交申请处理').first().waitFor();
    await shootAdmin(adminPage, 'testing-site-requests');

    // A report to file: uploaded directly after an approved special application.
    const pdf = await uploadPdf(baseURL, admin, '证明材料.pdf');
    const application = await apiCall<{ id: number }>(
      baseURL,
      admin,
      'POST',
      `/projects/${project.id}/special-applications`,
      { kind: 'direct_report_upload', reason: '保密单位', fileIds: [pdf] },
    );
    await apiCall(baseURL, brigade, 'POST', `/special-applications/${application.id}/approve`);
    const report = await apiCall<{ id: number; hashes: { label: string; sha256: string }[] }>(
      baseURL,
      admin,
      'POST',
      `/projects/${project.id}/direct-reports/testing`,
      { planName: '2026年度检测', reportFileId: pdf, rawRecordFileId: pdf, conclusion: '综合评定合格' },
    );
    const lead = await apiLogin(baseURL, 'jishu01');
    const profile = await uploadFaceProfile(baseURL, lead, await demoFacePhoto());
    await apiCall(baseURL, brigade, 'POST', `/face-profiles/${profile.id}/approve`);

    // 备案检测报告 by the technical lead with the camera.
    const leadPage = await pageAs('jishu01');
    await leadPage.goto('/testing/filing');
    await leadPage.getByTestId(`file-${report.id}`).click();
    await leadPage.getByTestId('camera-capture').click();
    await leadPage.getByTestId('camera-shot').waitFor();
    await shootAdmin(leadPage, 'testing-filing-camera');
    await leadPage.getByRole('button', { name: '人脸比对并备案' }).click();
    await leadPage.getByText('人脸比对通过，报告已备案并推送给管辖支队').waitFor({ timeout: 60_000 });
    await leadPage.locator('tr', { hasText: siteName }).getByText('已备案').waitFor();
    await shootAdmin(leadPage, 'testing-filing');
    const done = await apiCall<{ status: string }>(baseURL, admin, 'GET', `/projects/${project.id}`);
    expect(done.status).toBe('completed');

    // 已接收报告: the detachment verifies the downloaded file's SHA-256 in the browser.
    const detachmentPage = await pageAs('dongcheng');
    await detachmentPage.goto('/detachment/filed-reports');
    await detachmentPage.getByTestId(`verify-${report.id}`).click();
    await detachmentPage.getByTestId('verify-file').setInputFiles({
      name: '检测报告.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    const result = detachmentPage.getByTestId('verify-result');
    await result.waitFor();
    expect(createHash('sha256').update(samplePdf()).digest('hex')).toBe(report.hashes[0]!.sha256);
    await expect(result.textContent()).resolves.toContain('校验通过');
    await shootAdmin(detachmentPage, 'detachment-received-reports-verify');
    await detachmentPage.getByTestId('verify-file').setInputFiles({
      name: '被改过的报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([samplePdf(), Buffer.from('\n%tampered')]),
    });
    await detachmentPage.getByText('校验不通过').waitFor();
  }, 300_000);
});
