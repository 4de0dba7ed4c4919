import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacePhoto } from '../../server/src/demo/seed';
import { uploadFaceProfile } from './admin-face-support';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import { choose, samplePdf, typeDate } from './admin-projects-support';
import { fakeCameraArgs, fakeCameraFile } from './fake-camera';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface ProjectRow {
  id: number;
  siteName: string;
  status: string;
  institutionId: number;
  firstMonth?: string | null;
}

/** A maintenance project under 东城支队 (the demo detachment account), entered through the API. */
async function maintenanceProjectInDongcheng(baseURL: string, admin: ApiSession, detachment: ApiSession) {
  const client = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/clients', {
    name: '保密单位物业管理处',
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
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(samplePdf())]), '维保范围页.pdf');
  const file = (await (
    await fetch(`${baseURL}/api/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.accessToken}` },
      body: form,
    })
  ).json()) as { id: number };
  const contract = await apiCall<{ id: number }>(baseURL, admin, 'POST', '/maintenance-contracts', {
    clientId: client.id,
    contactId: contact.id,
    signedOn: '2026-01-01',
    contractStart: '2026-01-01',
    contractEnd: '2026-12-31',
    attachments: [{ fileId: file.id, kind: 'maintenance_scope' }],
  });
  const me = await apiCall<{ detachmentId: number }>(baseURL, detachment, 'GET', '/auth/me');
  const lead = await apiLogin(baseURL, 'xiangmu01', undefined, 'weapp');
  return apiCall<ProjectRow>(baseURL, admin, 'POST', '/maintenance-projects', {
    contractId: contract.id,
    siteName: '保密单位综合楼',
    siteUscc: 'NULL',
    detachmentId: me.detachmentId,
    district: '东城区',
    address: '东城区东直门南大街1号',
    projectLeadAccountId: lead.user.id,
    firstMonth: '2026-01',
    lastMonth: '2026-12',
    maintenanceCount: 12,
  });
}

const shot = (page: Page, name: string) => shootAdmin(page, name, { fullPage: true });

describe('admin web: 特殊申请 → 审核 → 直接上传报告 → 备案 → 支队', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    // The technical lead's live photo comes from the camera: a fake one showing the demo face.
    browser = await launchBrowser(
      fakeCameraArgs(
        await fakeCameraFile(await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 })),
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pageAs(accountName: string) {
    const context = await desktopContext(browser, server.baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, server.baseURL, accountName);
    return page;
  }

  it('applies, is approved, uploads a PDF report, files it with a face check, and the detachment sees it', async () => {
    const { baseURL } = server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const brigade = await apiLogin(baseURL, 'zongdui');
    const detachment = await apiLogin(baseURL, 'dongcheng');
    const project = await maintenanceProjectInDongcheng(baseURL, admin, detachment);
    const detail = project;

    // 1. 机构管理员: 特殊申请 from the project list.
    const adminPage = await pageAs('jigou01');
    await adminPage.goto('/maintenance-projects');
    const row = adminPage.locator('tr', { hasText: project!.siteName }).first();
    await row.getByRole('button', { name: '特殊申请' }).click();
    const dialog = adminPage.locator('.ant-modal').filter({ hasText: '选择申请' });
    await dialog.getByText('直接上传本公司自行编制的报告').waitFor();
    await dialog.locator('textarea').fill('保密单位，现场不能携带手机');
    await shot(adminPage, 'special-application-form');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await adminPage.getByText('特殊申请已提交，请等待总队审核').waitFor();
    const applications = await apiCall<{ items: { id: number; status: string }[] }>(
      baseURL,
      admin,
      'GET',
      `/projects/${project!.id}/special-applications`,
    );
    expect(applications.items[0]!.status).toBe('pending');

    // 2. 总队: 特殊申请审核.
    const brigadePage = await pageAs('zongdui');
    await brigadePage.goto('/brigade/special-applications');
    await brigadePage.getByTestId(`approve-${applications.items[0]!.id}`).click();
    const confirm = brigadePage.locator('.ant-popconfirm').filter({ hasText: '不能撤回' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: '确认通过' }).click();
    await brigadePage.getByText('已通过，该项目可直接上传报告').waitFor();
    await shot(brigadePage, 'special-application-review');

    // 3. 机构管理员: 直接上传维保报告.
    await adminPage.goto('/special/maintenance-upload');
    await choose(adminPage, '项目', project!.siteName);
    await typeDate(adminPage, '计划对应日期', detail.firstMonth!);
    await adminPage.locator('.ant-upload input[type=file]').first().setInputFiles({
      name: '维保报告.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await adminPage.getByText('维保报告.pdf 已上传').waitFor();
    await adminPage.locator('textarea').fill('消防设施运行正常');
    await shot(adminPage, 'direct-upload-maintenance');
    await adminPage.getByRole('button', { name: '生成报告' }).click();
    await adminPage.getByText('报告已上传，请技术负责人审核备案').waitFor();
    const reports = await apiCall<{ items: { id: number; projectId: number; status: string }[] }>(
      baseURL,
      admin,
      'GET',
      `/reports?projectId=${project!.id}`,
    );
    const report = reports.items[0]!;
    expect(report.status).toBe('uploaded');

    // The technical lead needs an approved face profile.
    const lead = await apiLogin(baseURL, 'jishu01');
    const profile = await uploadFaceProfile(baseURL, lead, await demoFacePhoto());
    await apiCall(baseURL, brigade, 'POST', `/face-profiles/${profile.id}/approve`);

    // 4. 技术负责人: 备案报告 with a live photo taken by the camera (never a file from disk).
    const leadPage = await pageAs('jishu01');
    await leadPage.goto('/special/reports');
    await leadPage.getByTestId(`file-${report.id}`).click();
    await leadPage.getByTestId('camera-capture').click();
    await leadPage.getByTestId('camera-shot').waitFor();
    await shot(leadPage, 'report-filing-face');
    await leadPage.getByRole('button', { name: '人脸比对并备案' }).click();
    await leadPage.getByText('人脸比对通过，报告已备案并推送给管辖支队').waitFor({ timeout: 60_000 });
    await leadPage.locator('tr', { hasText: project!.siteName }).getByText('已备案').waitFor();

    // 5. 支队: 已接收报告.
    const detachmentPage = await pageAs('dongcheng');
    await detachmentPage.goto('/detachment/filed-reports');
    const filedRow = detachmentPage.locator('tr', { hasText: project!.siteName });
    await filedRow.getByText('已备案').waitFor();
    await expect(filedRow.getByText('直接上传').count()).resolves.toBe(1);
    await shot(detachmentPage, 'detachment-filed-reports');
  }, 240_000);
});
