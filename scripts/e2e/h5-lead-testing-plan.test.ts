import { describe, expect, it } from 'vitest';
import { apiCall, apiLogin as webLogin, type ApiSession } from './admin-support';
import { mobileContext, screenshotPath } from './harness';
import { apiLogin, loginOnH5, pickOperator, projectParties, h5Suite } from './h5-support';

interface PlanSingle {
  planSingleItemId: string;
  code: string;
  name: string;
  operators: { accountName: string }[];
}
interface Plan {
  dispatchStatus: string;
  revisionCount: number;
  buildings: { buildingName: string; singleItems: PlanSingle[] }[];
}

const siteName = '检测计划下发测试大厦';

/** As jigou01: a testing project led by xiangmu01 with one building, entered through the API. */
async function createTestingProject(baseURL: string, admin: ApiSession): Promise<number> {
  const { fileId, clientId, contactId } = await projectParties(
    baseURL,
    admin,
    '检测计划测试甲方',
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
    address: '东城区东直门南大街1号',
    projectLeadAccountId: leads.items.find((a) => a.accountName === 'xiangmu01')!.id,
    clientId,
    contactId,
    signedOn: '2024-03-01',
    contractStart: '2024-03-01',
    contractEnd: '2024-12-31',
    testingType: 'annual',
    scope: ['消防电梯', 'A.12'],
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
  return project.id;
}

describe('H5: 项目负责人下发检测计划', () => {
  const h5 = h5Suite();

  it('xiangmu01 assigns caozuo01 to a single item and 下发; caozuo01 receives it', async () => {
    const admin = await webLogin(h5.server.baseURL, 'jigou01');
    const projectId = await createTestingProject(h5.server.baseURL, admin);
    const lead = await apiLogin(h5.server.baseURL, 'weapp', 'xiangmu01');
    const getPlan = async () =>
      (await (
        await fetch(`${h5.server.baseURL}/api/projects/${projectId}/testing-plan`, {
          headers: { Authorization: `Bearer ${lead}` },
        })
      ).json()) as Plan;
    const before = await getPlan();
    expect(before.dispatchStatus).toBe('not_dispatched');
    const target = before.buildings[0]!.singleItems[0]!;

    const context = await mobileContext(h5.browser, h5.server.baseURL);
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'xiangmu01');
    await page.locator('.projects-entry', { hasText: '我的项目' }).click();
    await page.locator('.project-card', { hasText: siteName }).click();
    const detail = page.locator('.project-detail');
    await detail.getByText('检测范围', { exact: true }).waitFor();
    await detail.locator('.testing-plan-entry').click();

    const planPage = page.locator('.testing-plan');
    await planPage.getByText('未下发').waitFor();
    await planPage.getByText('主楼').waitFor();
    const item = planPage.locator('.single-item', { hasText: `${target.code} ${target.name}` });
    await item.getByText('操作员：未分配').waitFor();
    await item.locator('.nut-button', { hasText: '选择操作员' }).click();
    await pickOperator(page, 'caozuo01');
    await item
      .getByText(/操作员：.+/)
      .filter({ hasNotText: '未分配' })
      .waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-plan-choose'), fullPage: true });
    await planPage.locator('.nut-button', { hasText: '下发计划' }).click();
    await planPage.getByText('已下发').waitFor();
    await planPage.locator('.nut-button', { hasText: '修改计划' }).waitFor();
    await page.getByText('检测计划已下发').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-plan-dispatched'), fullPage: true });

    // 修改计划: a second single item goes to caozuo02; caozuo01's assignment stays as it was.
    const second = before.buildings[0]!.singleItems[1]!;
    const other = planPage.locator('.single-item', { hasText: `${second.code} ${second.name}` });
    await other.locator('.nut-button', { hasText: '选择操作员' }).click();
    await pickOperator(page, 'caozuo02');
    await planPage.locator('.nut-button', { hasText: '修改计划' }).click();
    await page.getByText('计划已修改').waitFor();
    await page.getByText('计划已修改').waitFor({ state: 'hidden' });
    await planPage.getByText(/已修改1次/).waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'testing-plan-revised'), fullPage: true });
    await context.close();

    const after = await getPlan();
    expect(after.revisionCount).toBe(1);
    expect(after.dispatchStatus).toBe('dispatched');
    const assigned = after.buildings
      .flatMap((b) => b.singleItems)
      .filter((s) => s.operators.length > 0)
      .map((s) => [s.planSingleItemId, s.operators.map((o) => o.accountName)]);
    expect(assigned).toEqual([
      [target.planSingleItemId, ['caozuo01']],
      [second.planSingleItemId, ['caozuo02']],
    ]);

    const operator = await apiLogin(h5.server.baseURL, 'app', 'caozuo01');
    const received = (await (
      await fetch(`${h5.server.baseURL}/api/operators/me/testing-assignments`, {
        headers: { Authorization: `Bearer ${operator}` },
      })
    ).json()) as { items: { projectId: number; planSingleItemId: string; siteName: string }[] };
    expect(received.items.map((i) => [i.projectId, i.planSingleItemId, i.siteName])).toEqual([
      [projectId, target.planSingleItemId, siteName],
    ]);
  });
});
