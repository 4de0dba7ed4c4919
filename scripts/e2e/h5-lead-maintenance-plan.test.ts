import { describe, expect, it } from 'vitest';
import { apiLogin as webLogin } from './admin-support';
import { mobileContext, screenshotPath } from './harness';
import { apiLogin, loginOnH5, pickOperator, h5Suite } from './h5-support';
import { beijingMonth, createMaintenanceProject } from './maintenance-support';

const siteName = '维保计划下发测试大厦';

describe('H5: 项目负责人创建并下发维保计划', () => {
  const h5 = h5Suite();

  it('xiangmu01 creates this month’s 月计划 and distributes 报警控制器 to caozuo01, who receives it', async () => {
    const admin = await webLogin(h5.server.baseURL, 'jigou01');
    const projectId = await createMaintenanceProject(h5.server.baseURL, admin, {
      siteName,
      clientName: '维保计划测试甲方',
      facilityIds: ['M.02.1.01', 'M.02.1.02', 'M.02.2.01'],
    });

    const context = await mobileContext(h5.browser, h5.server.baseURL);
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'xiangmu01');
    await page.locator('.projects-entry', { hasText: '我的项目' }).click();
    await page.locator('.project-card', { hasText: siteName }).click();
    const detail = page.locator('.project-detail');
    await detail.getByText('维保安排', { exact: true }).waitFor();
    await detail.locator('.nut-button', { hasText: '维保计划' }).click();

    const list = page.locator('.maintenance-plans');
    await list.getByText('暂无维保计划').waitFor();
    await list.getByText(/季计划至少3个/).waitFor();
    await list.locator('.nut-button', { hasText: '创建月计划' }).click();

    const planPage = page.locator('.maintenance-plan');
    await planPage.getByText('未下发').waitFor();
    // 火灾显示盘 has only a quarterly line, so a monthly plan leaves it out.
    await planPage.locator('.facility', { hasText: '火灾探测器' }).waitFor();
    expect(await planPage.locator('.facility', { hasText: '火灾显示盘' }).count()).toBe(0);
    const alarm = planPage.locator('.facility', { hasText: '报警控制器' });
    await alarm.locator('.facility-check').click();
    await planPage.locator('.nut-cell', { hasText: '已选设施' }).getByText('1个').waitFor();
    await planPage.locator('.choose-operators').click();
    await pickOperator(page, 'caozuo01');
    await page.screenshot({ path: screenshotPath('h5-lead', 'maintenance-plan-choose'), fullPage: true });
    await planPage.locator('.nut-button', { hasText: '下发所选设施' }).click();
    await alarm.locator('.assignment', { hasText: 'caozuo01' }).getByText('待开始').waitFor();
    await planPage.getByText('已下发', { exact: true }).waitFor();
    await page.getByText('维保计划已下发').waitFor();
    await page.getByText('维保计划已下发').waitFor({ state: 'hidden' });
    await page.screenshot({
      path: screenshotPath('h5-lead', 'maintenance-plan-distributed'),
      fullPage: true,
    });

    await page.goBack();
    const card = page.locator('.maintenance-plans .plan-card').first();
    await card.getByText(/已派发设施1个/).waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'maintenance-plans'), fullPage: true });
    await context.close();

    const operator = await apiLogin(h5.server.baseURL, 'app', 'caozuo01');
    const received = (await (
      await fetch(`${h5.server.baseURL}/api/operators/me/maintenance-assignments`, {
        headers: { Authorization: `Bearer ${operator}` },
      })
    ).json()) as {
      items: { projectId: number; facilityName: string; kind: string; month: string; state: string }[];
    };
    expect(received.items.map((i) => [i.projectId, i.facilityName, i.kind, i.month, i.state])).toEqual([
      [projectId, '报警控制器', 'month', beijingMonth(), 'pending'],
    ]);
  });
});
