import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeIdNumber, type MinistryPersonRecord } from '@xf/domain/registries/records';
import { generateDemoData, writeMinistryWorkbook } from '@xf/server/demo-fixtures';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import { formItem } from './admin-projects-support';
import {
  desktopContext,
  launchBrowser,
  LAPTOP_VIEWPORT,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';

/**
 * What a new user met on a fresh start (issue 12): home counters that lead nowhere, tables that
 * collapse at 1366 px, Enter in a date picker that submits the form, no churn marks for the institution,
 * and one 1.6 MB chunk before the login page shows. Demo projects on, as `npm start` has them.
 */
describe('admin web: what a new user trips over', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let brigade: ApiSession;

  beforeAll(async () => {
    server = await startServer({ DEMO_PROJECTS: 'on' });
    browser = await launchBrowser();
    brigade = await apiLogin(server.baseURL, 'zongdui');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function laptopPage(): Promise<Page> {
    context = await desktopContext(browser, server.baseURL);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP_VIEWPORT);
    return page;
  }

  it('loads the login page without the other pages: well under the old 1.6 MB of script', async () => {
    context = await desktopContext(browser, server.baseURL);
    const page = await context.newPage();
    let scriptBytes = 0;
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script')
        void res.body().then(
          (b) => (scriptBytes += b.length),
          () => undefined,
        );
    });
    await page.goto('/login');
    await page.getByPlaceholder('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scriptBytes).toBeGreaterThan(0);
    expect(scriptBytes).toBeLessThan(900_000);
    await context.close();
  });

  it("shows the brigade's real counts, each opening its list", async () => {
    const page = await laptopPage();
    await apiCall(server.baseURL, brigade, 'POST', '/compliance/run');
    const summary = await apiCall<Record<string, number>>(server.baseURL, brigade, 'GET', '/home/summary');
    await loginAndWaitHome(page, server.baseURL, 'zongdui');
    for (const key of [
      'openRedFlags',
      'noncompliantInstitutions',
      'pendingFaceProfiles',
      'pendingSpecialApplications',
    ]) {
      const counter = page.getByTestId(`home-count-${key}`);
      await counter.waitFor();
      expect(await counter.locator('.ant-statistic-content-value').textContent()).toBe(String(summary[key]));
    }
    expect(summary.noncompliantInstitutions).toBe(3);
    await shootAdmin(page, 'home-brigade-counters');
    await page.getByTestId('home-count-noncompliantInstitutions').click();
    await page.waitForURL(/\/brigade\/compliance$/);
    await page.goto('/');
    await page.getByTestId('home-count-openRedFlags').click();
    await page.waitForURL(/\/brigade\/red-flags$/);
    await page.locator('.ant-table-tbody .ant-tag-red').first().waitFor();
    await context.close();
  });

  it("shows the detachment's own projects, received reports and flags, each opening its list", async () => {
    const page = await laptopPage();
    const detachment = await apiLogin(server.baseURL, 'dongcheng');
    const summary = await apiCall<Record<string, number>>(server.baseURL, detachment, 'GET', '/home/summary');
    expect(summary.testingProjects).toBeGreaterThan(0);
    await loginAndWaitHome(page, server.baseURL, 'dongcheng');
    const testing = page.getByTestId('home-count-testingProjects');
    expect(await testing.locator('.ant-statistic-content-value').textContent()).toBe(
      String(summary.testingProjects),
    );
    await shootAdmin(page, 'home-detachment-counters');
    await testing.click();
    await page.waitForURL(/\/testing-projects$/);
    await page.goto('/');
    await page.getByTestId('home-count-openRedFlags').click();
    await page.waitForURL(/\/red-flags$/);
    await page.locator('.ant-card-head-title').filter({ hasText: '跟踪标红' }).waitFor();
    await context.close();
  });

  it('keeps every project column readable at 1366×768 and marks projects past their contract end', async () => {
    const page = await laptopPage();
    await loginAndWaitHome(page, server.baseURL, 'zongdui');
    for (const path of ['/testing-projects', '/maintenance-projects']) {
      await page.goto(path);
      await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
      const header = (title: string) =>
        page
          .locator('.ant-table-thead th')
          .filter({ hasText: new RegExp(`^${title}$`) })
          .first();
      const name = await header('项目名称').boundingBox();
      // scrolled to its right end, the status column sits beside the fixed 操作 column
      await page
        .locator('.ant-table-content, .ant-table-body')
        .first()
        .evaluate((el) => (el.scrollLeft = el.scrollWidth));
      await page.waitForTimeout(200);
      const status = await header('状态').boundingBox();
      const actions = await header('操作').boundingBox();
      // a name gets room for several characters per line, not one
      expect(name!.width, path).toBeGreaterThanOrEqual(150);
      // and not under it
      expect(status!.x + status!.width, path).toBeLessThanOrEqual(actions!.x + 1);
      // no cell squeezed to one character per line: a row stays a few lines high at most
      const rowHeights = await page
        .locator('.ant-table-tbody .ant-table-row')
        .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      expect(Math.max(...rowHeights), path).toBeLessThan(120);
      await shootAdmin(page, `brigade${path.replace('/', '-')}`);
    }
    // the brigade sees other institutions' testing projects, whose periods lie in the past
    await page.goto('/testing-projects');
    const ended = page.locator('[data-testid^="contract-ended-"]').first();
    await ended.waitFor();
    expect(await ended.textContent()).toContain('可注销后重新录入');
    await context.close();
  });

  it('does not mark the demo testing project, which runs on the day it was loaded', async () => {
    const admin = await apiLogin(server.baseURL, 'jigou01');
    const projects = await apiCall<{ items: { id: number; contractStart: string; contractEnd: string }[] }>(
      server.baseURL,
      admin,
      'GET',
      '/projects?kind=testing',
    );
    const [project] = projects.items;
    const page = await laptopPage();
    await loginAndWaitHome(page, server.baseURL, 'jigou01');
    await page.goto('/testing-projects');
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    expect(await page.getByTestId(`contract-ended-${project!.id}`).count()).toBe(0);
    await context.close();
  });

  it('Enter in a date picker takes the date and does not submit the form', async () => {
    const page = await laptopPage();
    await loginAndWaitHome(page, server.baseURL, 'jigou01');
    await page.goto('/testing-projects/new');
    const input = formItem(page, '签订日期').locator('input');
    await input.click();
    await input.fill('2026-01-05');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('2026-01-05');
    // a submitted empty form shows the required-field errors; none may appear
    await page.waitForTimeout(500);
    expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/testing-projects/new');
    await shootAdmin(page, 'testing-project-form-date-enter');
    await context.close();
  });

  it("marks the institution's churned staff on its own staff page", async () => {
    const { ministry } = generateDemoData(1);
    const demo = ministry.institutions[0]!;
    const template = ministry.persons.find((p) => p.institutionUscc === demo.uscc && p.post === 'operator')!;
    const joiners: MinistryPersonRecord[] = Array.from({ length: 6 }, (_, i) => ({
      ...template,
      idNumber: completeIdNumber(`11010519950815${500 + i}`),
      name: `孙新到${'甲乙丙丁戊己'[i]}`,
      mobile: `1380000${String(2000 + i)}`,
      operatorCertificate: { number: `E2E-CHURN-${i}`, grade: 'intermediate' },
      registeredEngineer: undefined,
    }));
    const workbook = await writeMinistryWorkbook({
      institutions: ministry.institutions,
      persons: [...ministry.persons, ...joiners],
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(workbook)]), 'ministry.xlsx');
    const res = await fetch(`${server.baseURL}/api/registry/ministry/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${brigade.accessToken}` },
      body: form,
    });
    expect(res.status).toBe(201);
    await apiCall(server.baseURL, brigade, 'POST', '/compliance/run');

    const page = await laptopPage();
    await loginAndWaitHome(page, server.baseURL, 'jigou01');
    await page.goto('/institution/persons');
    const alert = page.getByTestId('staff-churn-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('人员频繁变动');
    expect(await alert.textContent()).toContain('孙新到甲');
    // the staff of the first import are the baseline: not named, not marked
    expect(await alert.textContent()).not.toContain(template.name);
    await page.locator('.ant-table-tbody .ant-table-row').first().waitFor();
    expect(await page.getByTestId('churn-flag').count()).toBeLessThanOrEqual(6);
    expect(await page.locator('.ant-table-tbody').textContent()).toContain(template.name);
    await page.getByPlaceholder('输入姓名').fill('孙新到');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.getByTestId('churn-flag').count()).toBe(6);
    await shootAdmin(page, 'institution-persons-churn');
    await context.close();
  });
});
