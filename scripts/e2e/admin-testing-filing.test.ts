import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoFacePhoto } from '@xf/server/demo-fixtures';
import { samplePdf } from './admin-projects-support';
import { apiCall, apiLogin, type ApiSession } from './admin-support';
import { shootAdmin } from './harness';
import {
  addBuilding,
  approvedFace,
  createTestingProject,
  fileReportOnWeb,
  liveCameraSuite,
} from './testing-support';

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

describe('admin web: 管理检测服务活动 — buildings, plan, requests, 备案检测报告, 已接收报告', () => {
  const suite = liveCameraSuite();
  const pageAs = (accountName: string) => suite.adminPage(accountName);

  it('adds a building to a testing project, shows its plan, files its report live and the detachment checks the hash', async () => {
    const { baseURL } = suite.server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const brigade = await apiLogin(baseURL, 'zongdui');
    const project = {
      id: await createTestingProject(baseURL, admin, {
        siteName,
        clientName: '检测备案测试甲方',
        buildings: [],
        withFence: false,
      }),
    };
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
    await addBuilding(baseURL, admin, project.id);
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
    await approvedFace(baseURL, lead, await demoFacePhoto());

    // 备案检测报告 by the technical lead with the camera.
    const leadPage = await pageAs('jishu01');
    await fileReportOnWeb(leadPage, report.id, siteName, () => shootAdmin(leadPage, 'testing-filing-camera'));
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
