import { describe, expect, it } from 'vitest';
import { mobileContext, screenshotPath } from './harness';
import { loginOnH5, h5Suite } from './h5-support';

describe('H5: project lead', () => {
  const h5 = h5Suite();

  it('refuses a wrong password with the server message and logs in xiangmu01 to the lead home', async () => {
    const context = await mobileContext(h5.browser, h5.server.baseURL);
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'xiangmu01', 'wrong-password');
    await expect.poll(() => page.locator('.error-text').textContent()).toMatch(/密码|账号/);
    expect(page.url()).toContain('pages/login');
    await page.screenshot({ path: screenshotPath('h5-lead', 'login') });

    await loginOnH5(page, '负责人', 'xiangmu01');
    await page.locator('.stat-label', { hasText: '待处理申请' }).waitFor();
    await page.getByText('暂无待处理申请').waitFor();
    await page.getByText('暂无待审核记录').waitFor();
    expect(await page.locator('.stat-value').first().textContent()).toBe('0');
    await page.screenshot({ path: screenshotPath('h5-lead', 'home') });

    await page.locator('.page-tabbar:visible').getByText('我的').click();
    await page.getByText('人脸信息登记').waitFor();
    await page.getByText('修改密码').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'mine') });

    await page.locator('.nut-cell', { hasText: '人脸信息登记' }).click();
    await page.getByText('审核状态').waitFor();
    await page.screenshot({ path: screenshotPath('h5-lead', 'face-profile') });
    await context.close();
  });

  it('an operator account cannot use the lead client', async () => {
    const context = await mobileContext(h5.browser, h5.server.baseURL);
    const page = await context.newPage();
    await loginOnH5(page, '负责人', 'caozuo01');
    await expect.poll(() => page.locator('.error-text').textContent()).toBeTruthy();
    expect(page.url()).toContain('pages/login');
    await context.close();
  });
});
