import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import {
  choose,
  errorUnder,
  formItem,
  optionTexts,
  pickRegion,
  samplePdf,
  typeDate,
} from './admin-projects-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface ProjectRow {
  id: number;
  kind: string;
  siteName: string;
  status: string;
  statusLabel: string;
  buildingsAddedLabel: string;
  fireSystemsAddedLabel: string;
  geofenceMarkedLabel: string;
}
interface ProjectDetail extends ProjectRow {
  socialUnit: { id: number; name: string } | null;
  detachmentName: string | null;
  projectLeadAccountId: number;
  attachments: { fileId: number; kind: string }[];
  scope: string[];
  ended: { reason: string } | null;
  geofence: { radius: number; input: { lng: number; lat: number; crs: string } } | null;
}

const shot = (page: Page, name: string) => shootAdmin(page, name, { fullPage: true });

/** Waits until the page card shows `title` (the URL changes before the new page renders). */
const pageTitle = (page: Page, title: string) =>
  page
    .locator('.ant-card-head-title')
    .filter({ hasText: new RegExp(`^${title}$`) })
    .waitFor();

async function uploadPdf(page: Page, name: string) {
  await page.locator('.ant-upload input[type=file]').setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: samplePdf(),
  });
  await page.getByTestId('attachments-table').getByText(name).waitFor();
}

describe('admin web: 甲方单位, 检测项目 and 维保项目 entry', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiLogin(server.baseURL, 'jigou01');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const projects = (query: string) =>
    apiCall<{ items: ProjectRow[] }>(server.baseURL, admin, 'GET', `/projects?${query}`).then((r) => r.items);

  it('creates a client with a contact, then enters and 注销 a testing project', async () => {
    const { baseURL } = server;
    const technicalLead = await apiLogin(baseURL, 'jishu01');
    const technicalLeadName = (technicalLead.user as { displayName?: string }).displayName;
    expect(technicalLeadName).toBeTruthy();

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');

    // 管理甲方信息 › 添加甲方
    await page.getByRole('menuitem', { name: '管理甲方信息' }).click();
    await page.getByRole('button', { name: '添加甲方' }).click();
    await page.getByLabel('甲方名称').fill('枫蓝国际中心物业管理公司');
    await pickRegion(page, '所属城市', ['北京市', '市辖区', '海淀区']);
    await page.getByLabel('详细地址').fill('西直门外大街16号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('甲方信息已保存').waitFor();
    const clientRow = page.locator('tr').filter({ hasText: '枫蓝国际中心物业管理公司' });
    await expect.poll(() => clientRow.textContent()).toContain('北京市-市辖区-海淀区');

    // 管理甲方联系人: a wrong mobile is refused on the field, a right one is saved.
    await clientRow.getByRole('button', { name: '联系人' }).click();
    await page.getByRole('button', { name: '添加联系人' }).click();
    await page.getByLabel('姓名').fill('王经理');
    await page.getByLabel('手机号码').fill('1380013');
    await page.getByLabel('职务').fill('物业经理');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await errorUnder(page, '手机号码')).toContain('11位');
    await page.getByLabel('手机号码').fill('13800138000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('联系人已保存').waitFor();
    await page.locator('tr').filter({ hasText: '13800138000' }).waitFor();
    await shot(page, 'projects-client-contacts');

    // 管理检测服务项目 › 添加
    await page.getByRole('menuitem', { name: '管理检测服务项目' }).click();
    await pageTitle(page, '管理检测服务项目');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByLabel('项目场所名称').fill('兴隆科技办公楼');
    await choose(page, '项目场所消防安全等级标注', '北京兴隆科技有限公司', '兴隆');
    // Choosing the social unit fills 消防管辖 and the address.
    await expect.poll(() => formItem(page, '项目场所消防管辖').textContent()).toContain('东城支队');
    expect(await page.getByLabel('详细地址').inputValue()).toContain('东直门南大街');

    const leadOptions = await optionTexts(page, '服务机构项目负责人');
    expect(leadOptions.length).toBeGreaterThan(0);
    expect(leadOptions.join('\n')).not.toContain(technicalLeadName!);
    expect(leadOptions.join('\n')).not.toContain('jishu01');
    await choose(page, '服务机构项目负责人', 'xiangmu01');

    await choose(page, '甲方单位', '枫蓝国际中心物业管理公司');
    await choose(page, '甲方联系人', '王经理');
    await typeDate(page, '签订日期', '2026-01-05');
    await typeDate(page, '合同开始日期', '2026-01-10');
    await typeDate(page, '合同结束日期', '2026-12-31');
    await formItem(page, '检测范围').locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await page.keyboard.press('Escape');
    await page.getByText('添加检测项目').first().click(); // closes the multi-select dropdown
    await uploadPdf(page, '检测合同范围页.pdf');
    await expect.poll(() => page.getByTestId('attachments-table').textContent()).toContain('检测范围页');
    await shot(page, 'projects-testing-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('检测项目已保存').waitFor();

    const row = page.locator('tr').filter({ hasText: '兴隆科技办公楼' });
    await row.waitFor();
    const [created] = await projects('kind=testing&name=' + encodeURIComponent('兴隆科技办公楼'));
    const detail = await apiCall<ProjectDetail>(baseURL, admin, 'GET', `/projects/${created!.id}`);
    expect(detail.socialUnit?.name).toBe('北京兴隆科技有限公司');
    expect(detail.detachmentName).toBe('东城支队');
    expect(detail.attachments).toEqual([expect.objectContaining({ kind: 'testing_scope' })]);
    expect(detail.scope.length).toBe(1);
    await shot(page, 'projects-testing-list');

    // 注销 with the manual's warning and a reason.
    await row.getByRole('button', { name: '注销' }).click();
    await page.getByText('注意：注销后不能恢复，请谨慎操作。').waitFor();
    await page.getByLabel('注销原因').fill('甲方取消检测委托');
    await shot(page, 'projects-testing-cancel');
    await page.getByRole('button', { name: '确认注销' }).click();
    await page.getByText('项目已注销').waitFor();
    // The list reloads after the success message; wait for the row to show the new status.
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('已注销');
    const cancelled = await apiCall<ProjectDetail>(baseURL, admin, 'GET', `/projects/${created!.id}`);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.ended?.reason).toBe('甲方取消检测委托');
    await context.close();
  });

  it('enters a maintenance contract and project, its building, fire systems and location', async () => {
    const { baseURL } = server;
    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');

    // 管理服务合同 › 添加 (the client from the first test).
    await page.getByRole('menuitem', { name: '管理服务合同' }).click();
    await pageTitle(page, '管理服务合同');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await choose(page, '甲方单位', '枫蓝国际中心物业管理公司');
    await choose(page, '甲方联系人', '王经理');
    await typeDate(page, '签订日期', '2026-01-05');
    await typeDate(page, '合同开始日期', '2026-01-10');
    await typeDate(page, '合同结束日期', '2026-12-31');
    await uploadPdf(page, '维保合同范围页.pdf');
    await expect.poll(() => page.getByTestId('attachments-table').textContent()).toContain('维保范围页');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('维保合同已保存').waitFor();
    await page.locator('tr').filter({ hasText: '枫蓝国际中心物业管理公司' }).waitFor();

    // 管理合同对应项目 › 添加: months beyond the contract are refused on the field.
    await page.getByRole('menuitem', { name: '管理合同对应项目' }).click();
    await pageTitle(page, '管理合同对应项目');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await choose(page, '服务合同', '枫蓝国际中心物业管理公司');
    await page.getByLabel('项目场所名称').fill('枫蓝国际中心');
    await page.getByLabel('项目场所统一社会信用代码').fill('NULL');
    await choose(page, '项目场所消防管辖', '海淀支队');
    await pickRegion(page, '所在地区', ['北京市', '市辖区', '海淀区']);
    await page.getByLabel('详细地址').fill('西直门外大街16号');
    await choose(page, '服务机构项目负责人', 'xiangmu01');
    await typeDate(page, '首次维保日期（月）', '2026-01');
    await typeDate(page, '末次维保日期（月）', '2027-03');
    expect(await page.getByLabel('维保总次数').inputValue()).toBe('15');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await errorUnder(page, '末次维保日期（月）')).toContain('不能晚于合同结束月份');
    await shot(page, 'projects-maintenance-month-error');
    await typeDate(page, '末次维保日期（月）', '2026-12');
    expect(await page.getByLabel('维保总次数').inputValue()).toBe('12');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('维保项目已保存').waitFor();
    const [project] = await projects('kind=maintenance&name=' + encodeURIComponent('枫蓝国际中心'));
    expect(project).toMatchObject({ buildingsAddedLabel: '未添加', geofenceMarkedLabel: '去标注' });
    const id = project!.id;

    // 添加建筑物: a total area that is not the sum is refused on 建筑面积.
    await page.getByTestId(`buildings-${id}`).click();
    await page
      .getByText('注：添加的建筑物必须是共用同一套自动消防设施的相关建筑物', { exact: false })
      .waitFor();
    await page.getByRole('button', { name: '新建' }).click();
    await page.getByLabel('建筑名称').fill('1号楼');
    await page.getByLabel('使用功能').fill('办公');
    await page.getByLabel('建筑面积（平方米）').fill('5000');
    await page.getByLabel('地上面积（平方米）').fill('3000');
    await page.getByLabel('地下面积（平方米）').fill('1000');
    await page.getByLabel('地上层数').fill('5');
    await page.getByLabel('地下层数').fill('1');
    await page.getByLabel('建筑高度（米）').fill('23');
    await page.getByRole('button', { name: '保存' }).click();
    expect(await errorUnder(page, '建筑面积（平方米）')).toContain('应等于地上面积与地下面积之和');
    await page.getByLabel('地下面积（平方米）').fill('2000');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('建筑物已保存').waitFor();
    await page.locator('tr').filter({ hasText: '1号楼' }).waitFor();
    await expect.poll(() => page.getByTestId('total-area').textContent()).toBe('5000');
    await shot(page, 'projects-buildings');

    // 添加消防系统: tick the first system (all its facilities) and save.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId(`fire-systems-${id}`).click();
    await page.getByTestId('fire-system-tree').locator('.ant-tree-checkbox').first().click();
    const ticked = Number(await page.getByTestId('checked-count').textContent());
    expect(ticked).toBeGreaterThan(0);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('消防系统已保存').waitFor();
    await shot(page, 'projects-fire-systems');

    // 标注项目位置 by typing coordinates (no map tiles here).
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByTestId(`geofence-${id}`).click();
    await page.getByTestId('office-map').waitFor();
    await page.getByLabel('经度').fill('116.351200');
    await page.getByLabel('纬度').fill('39.940100');
    await page.getByLabel('围栏半径（米）').fill('400');
    await page.getByRole('button', { name: '保存项目位置' }).click();
    await page.getByText('项目位置已标注').waitFor();
    await expect.poll(() => page.getByTestId('geofence-status').textContent()).toBe('已标注');
    await shot(page, 'projects-geofence');

    await page.getByRole('button', { name: '返回' }).click();
    const row = page.locator('tr').filter({ hasText: '枫蓝国际中心' });
    await row.getByText('已标注').waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText.match(/已添加/g)?.length).toBe(2);
    await shot(page, 'projects-maintenance-list');

    const detail = await apiCall<ProjectDetail>(baseURL, admin, 'GET', `/projects/${id}`);
    expect(detail.geofence).toMatchObject({
      radius: 400,
      input: { lng: 116.3512, lat: 39.9401, crs: 'GCJ02' },
    });
    const fire = await apiCall<{ added: boolean }>(baseURL, admin, 'GET', `/projects/${id}/fire-systems`);
    expect(fire.added).toBe(true);
    await context.close();
  });

  it('在线执业覆盖率: the brigade sees every institution, the detachment only its own', async () => {
    const { baseURL } = server;
    type Coverage = { items: { institutionName: string; rateLabel: string }[]; total: number };
    for (const account of ['zongdui', 'dongcheng']) {
      const session = await apiLogin(baseURL, account);
      const expected = await apiCall<Coverage>(baseURL, session, 'GET', '/coverage');
      expect(expected.items.length).toBeGreaterThan(0);
      const context = await desktopContext(browser, baseURL);
      const page = await context.newPage();
      await loginAndWaitHome(page, baseURL, account);
      await page.getByRole('menuitem', { name: '在线执业覆盖率' }).click();
      const first = expected.items[0]!;
      const row = page.locator('tr').filter({ hasText: first.institutionName });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain(first.rateLabel);
      await expect(page.locator('.ant-table-tbody tr.ant-table-row').count()).resolves.toBe(
        Math.min(expected.items.length, 20),
      );
      // Paged by the server: the pager counts every institution, not only the first page's.
      await page.getByText(`共 ${expected.total} 条`).waitFor();
      await shot(page, `projects-coverage-${account}`);
      await context.close();
    }
    const brigade = await apiCall<Coverage>(baseURL, await apiLogin(baseURL, 'zongdui'), 'GET', '/coverage');
    const detachment = await apiCall<Coverage>(
      baseURL,
      await apiLogin(baseURL, 'dongcheng'),
      'GET',
      '/coverage',
    );
    expect(detachment.items.length).toBeLessThanOrEqual(brigade.items.length);
  });
});
