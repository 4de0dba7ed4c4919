import { describe, expect, it } from 'vitest';
import { apiLogin as webLogin } from './admin-support';
import { mobileContext, screenshotPath } from './harness';
import { apiLogin, loginOnH5, pickOperator, h5Suite } from './h5-support';
import { createTestingProject, dispatchPlanOnH5 } from './testing-support';

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

describe('H5: 项目负责人下发检测计划', () => {
  const h5 = h5Suite();

  it('xiangmu01 assigns caozuo01 to a single item and 下发; caozuo01 receives it', async () => {
    const admin = await webLogin(h5.server.baseURL, 'jigou01');
    const projectId = await createTestingProject(h5.server.baseURL, admin, {
      siteName,
      clientName: '检测计划测试甲方',
      withFence: false,
    });
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
    const planPage = await dispatchPlanOnH5(page, siteName, [target], 'caozuo01', () =>
      page
        .screenshot({ path: screenshotPath('h5-lead', 'testing-plan-choose'), fullPage: true })
        .then(() => {}),
    );
    await page.getByText('检测计划已下发', { exact: true }).waitFor({ state: 'hidden' });
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
