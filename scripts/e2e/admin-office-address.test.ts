import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface Institution {
  id: number;
  name: string;
  officeMarked: boolean;
  officeMarkedLabel: string;
  registrationConfirmedAt: string | null;
  officeAddress: {
    address: string;
    district: string;
    lng: number;
    lat: number;
    input: { lng: number; lat: number; crs: string };
  } | null;
}

describe('admin web: office address without map tiles', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the admin marks the office by typing coordinates; the brigade list then shows 已标记', async () => {
    const { baseURL } = server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const institutionId = admin.user.institutionId!;
    const before = await apiCall<Institution>(baseURL, admin, 'GET', `/institutions/${institutionId}`);
    expect(before.officeMarked).toBe(false);

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'jigou01');
    await page.getByRole('menuitem', { name: '查看机构基本信息' }).click();
    await page.getByText('工商注册信息').first().waitFor();
    await page.getByTestId('office-map').waitFor();

    // The map still takes clicks without tiles (there is no internet here): a click fills the coordinates.
    await page.getByTestId('office-map').click({ position: { x: 200, y: 150 } });
    await page.waitForFunction(
      () => (document.querySelector('#lng') as HTMLInputElement | null)?.value !== '',
    );
    const clickedLng = Number(await page.getByLabel('经度').inputValue());
    expect(clickedLng).toBeGreaterThan(115);
    expect(clickedLng).toBeLessThan(118);

    // Region, address and typed coordinates.
    await page.locator('.ant-form-item').filter({ hasText: '所在地区' }).locator('.ant-cascader').click();
    for (const name of ['北京市', '市辖区', '朝阳区']) {
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    }
    await page.keyboard.press('Escape');
    await page.getByLabel('详细地址').fill('朝阳区建国路88号SOHO现代城A座1201');
    await page.getByLabel('经度').fill('116.461200');
    await page.getByLabel('纬度').fill('39.908700');
    await page.getByLabel('详细地址').click();
    await shootAdmin(page, 'institution-info-office-address');
    await page.getByRole('button', { name: '保存实际办公地址' }).click();
    await page.getByText('实际办公地址已保存').waitFor();

    // 确认工商注册信息.
    await page.getByRole('button', { name: '确认工商注册信息' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.getByText('已确认工商注册信息').waitFor();
    await shootAdmin(page, 'institution-info-marked');

    const after = await apiCall<Institution>(baseURL, admin, 'GET', `/institutions/${institutionId}`);
    expect(after.officeMarked).toBe(true);
    expect(after.registrationConfirmedAt).not.toBeNull();
    expect(after.officeAddress).toMatchObject({
      address: '朝阳区建国路88号SOHO现代城A座1201',
      district: '朝阳区',
    });
    expect(after.officeAddress!.input).toMatchObject({ lng: 116.4612, lat: 39.9087, crs: 'GCJ02' });
    await context.close();

    // The brigade's institution list shows 已标记 for it, and the Excel export says the same.
    const brigadeContext = await desktopContext(browser, baseURL);
    const brigadePage = await brigadeContext.newPage();
    await loginAndWaitHome(brigadePage, baseURL, 'zongdui');
    await brigadePage.getByRole('menuitem', { name: '服务机构列表' }).click();
    await brigadePage.locator('.ant-table-row').first().waitFor();
    await shootAdmin(brigadePage, 'brigade-institution-list');
    await brigadePage.getByPlaceholder('输入机构名称').fill(after.name);
    await brigadePage.getByRole('button', { name: '搜索', exact: true }).click();
    const row = brigadePage.locator('.ant-table-row').filter({ hasText: after.name });
    await brigadePage.waitForFunction(() => document.querySelectorAll('.ant-table-row').length === 1);
    expect(await row.textContent()).toContain('已标记');

    const [download] = await Promise.all([
      brigadePage.waitForEvent('download'),
      brigadePage.getByRole('button', { name: /导出Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('实际办公地址');
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values[header.indexOf('机构名称')]).toBe(after.name);
    expect(values[header.indexOf('实际办公地址')]).toBe('已标记');

    // Institution detail (基本信息) for the brigade.
    await row.getByRole('button', { name: '基本信息' }).click();
    await brigadePage.getByText('工商注册信息').first().waitFor();
    await shootAdmin(brigadePage, 'brigade-institution-detail');
    await brigadeContext.close();
  });
});
