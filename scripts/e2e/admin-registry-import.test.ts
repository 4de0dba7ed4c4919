import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeIdNumber, type MinistryPersonRecord } from '@xf/domain/registries/records';
import { generateDemoData, writeMinistryWorkbook } from '@xf/server/demo-fixtures';
import { apiCall, apiLogin, loginAndWaitHome } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface ImportDetail {
  status: string;
  summary: { joined: number; changed: number; left: number; errors: number } | null;
  rowErrors: { sheet: string; row: number; field: string; reason: string }[];
}

/**
 * The ministry registry as the server loaded it on first start (the demo seed is generateDemoData(1) for
 * today), with four edits: one person removed, one person's mobile changed, one person added, and one
 * row broken (an invalid mobile number).
 */
function editedMinistry() {
  const { ministry } = generateDemoData(1);
  const institution = ministry.institutions[1]!;
  const staff = ministry.persons.filter(
    (p) => p.institutionUscc === institution.uscc && p.post === 'operator',
  );
  expect(staff.length).toBeGreaterThanOrEqual(3);
  const [leaving, changing, breaking] = staff as [
    MinistryPersonRecord,
    MinistryPersonRecord,
    MinistryPersonRecord,
  ];
  const changedMobile = changing.mobile === '13911112222' ? '13933334444' : '13911112222';
  const joining: MinistryPersonRecord = {
    idNumber: completeIdNumber('11010519950815421'),
    name: '钱新来',
    institutionUscc: institution.uscc,
    post: 'operator',
    mobile: '13800001111',
    operatorCertificate: { number: 'E2E-OP-0001', grade: 'intermediate' },
  };
  const persons = ministry.persons
    .filter((p) => p !== leaving)
    .map((p) =>
      p === changing ? { ...p, mobile: changedMobile } : p === breaking ? { ...p, mobile: '1234' } : p,
    );
  persons.push(joining);
  // Data rows start under the header row.
  const brokenRow = persons.findIndex((p) => p.idNumber === breaking.idNumber) + 2;
  return {
    snapshot: { institutions: ministry.institutions, persons },
    leaving,
    changing,
    breaking,
    joining,
    brokenRow,
  };
}

describe('admin web: brigade imports the ministry registry workbook', () => {
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

  it('downloads the template, uploads an edited registry, sees joined/changed/left and the broken row', async () => {
    const { baseURL } = server;
    const edit = editedMinistry();
    expect(edit.joining.operatorCertificate?.grade).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), 'xf-registry-'));
    const file = path.join(dir, '部局人员机构.xlsx');
    writeFileSync(file, await writeMinistryWorkbook(edit.snapshot));

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'zongdui');
    await page.getByRole('menuitem', { name: '部局系统导入' }).click();
    await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();

    // The template is the import layout: the sheets 机构 and 人员 with their headers, and the notes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('.ant-card-extra')
        .getByRole('button', { name: /下载模板/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('部局导入模板.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(readFileSync((await download.path())!) as never);
    expect(template.worksheets.map((w) => w.name)).toEqual(['机构', '人员', '说明']);
    const personHeaders = template.getWorksheet('人员')!.getRow(1).values as unknown[];
    expect(personHeaders).toEqual(expect.arrayContaining(['身份证号', '姓名', '岗位', '手机号码']));

    // Upload: the page opens the import's details once it has finished.
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.waitForURL(/\/brigade\/imports\/detail\/\d+$/);
    const importId = page.url().split('/').pop()!;
    const descriptions = page.locator('.ant-descriptions');
    await descriptions.getByText('已完成').waitFor({ timeout: 60_000 });
    const count = async (label: string) =>
      (
        await descriptions
          .locator('th', { hasText: new RegExp(`^${label}$`) })
          .locator('+ td')
          .textContent()
      )?.trim();
    expect(await count('加入')).toBe('1');
    expect(await count('变更')).toBe('1');
    expect(await count('离开')).toBe('1');

    const changes = page.getByRole('tabpanel').locator('.ant-table-tbody');
    const rowOf = (name: string) => changes.locator('tr').filter({ hasText: name });
    await rowOf(edit.leaving.name).waitFor();
    expect(await rowOf(edit.leaving.name).textContent()).toContain('离开');
    expect(await rowOf(edit.joining.name).textContent()).toContain('加入');
    expect(await rowOf(edit.changing.name).textContent()).toContain('变更');
    expect(await rowOf(edit.changing.name).textContent()).toContain('手机号码');
    // The broken row's person is not taken as having left.
    expect(await rowOf(edit.breaking.name).count()).toBe(0);
    await shootAdmin(page, 'registry-import-changes', { fullPage: true });

    await page.getByRole('tab', { name: /错误行/ }).click();
    const errorRow = page.getByRole('tabpanel').locator('.ant-table-row').first();
    await errorRow.waitFor();
    const cells = await errorRow.locator('td').allTextContents();
    expect(cells[0]).toBe('人员');
    expect(cells[1]).toBe(String(edit.brokenRow));
    expect(cells[2]).toBe('手机号码');
    expect(cells[3]).toContain('手机号码应为11位中国大陆手机号');
    expect(await page.getByRole('tabpanel').locator('.ant-table-row').count()).toBe(1);
    await shootAdmin(page, 'registry-import-row-errors');

    // The same numbers through the API and in the import history.
    const brigade = await apiLogin(baseURL, 'zongdui');
    const detail = await apiCall<ImportDetail>(baseURL, brigade, 'GET', `/registry/imports/${importId}`);
    expect(detail.summary).toMatchObject({ joined: 1, changed: 1, left: 1, errors: 1 });
    expect(detail.rowErrors).toEqual([
      expect.objectContaining({ sheet: '人员', row: edit.brokenRow, field: '手机号码' }),
    ]);
    await page.getByRole('menuitem', { name: '部局系统导入' }).click();
    const latest = page.locator('.ant-table-row').first();
    await latest.filter({ hasText: '部局人员机构.xlsx' }).waitFor();
    expect((await latest.locator('td').allTextContents()).slice(3, 8)).toEqual([
      '已完成',
      '1',
      '1',
      '1',
      '1',
    ]);
    await shootAdmin(page, 'registry-import-history');
    await context.close();
  });
});
