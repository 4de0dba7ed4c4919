import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StandardEdition } from '@xf/domain';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, loginAndWaitHome, type ApiSession } from './admin-support';
import { desktopContext, launchBrowser, shootAdmin, startServer, type RunningServer } from './harness';

interface EditionSummary {
  id: string;
  effectiveDate: string;
  source: string;
  counts: { maintenanceLines: number };
}

/** Header-name → 1-based column number of a sheet whose first row holds the Chinese headers. */
function columnsOf(ws: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

async function downloadWorkbook(baseURL: string, session: ApiSession, id: string): Promise<Buffer> {
  const res = await fetch(`${baseURL}/api/standard-editions/${encodeURIComponent(id)}/workbook`, {
    headers: { Authorization: `Bearer ${session.accessToken}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Sets the 版本信息 sheet's 版本编号 and 生效日期 (as a real Excel date, as a person would type it). */
function setEditionInfo(wb: ExcelJS.Workbook, id: string, effectiveDate: string) {
  const info = wb.getWorksheet('版本信息')!;
  const cols = columnsOf(info);
  info.getRow(2).getCell(cols.get('版本编号')!).value = id;
  info.getRow(2).getCell(cols.get('生效日期')!).value = new Date(`${effectiveDate}T00:00:00Z`);
}

async function saveWorkbook(wb: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function idle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
}

describe('admin web: brigade publishes a corrected standard edition', () => {
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

  it('downloads the built-in workbook, corrects a line, previews the diff, publishes; a broken upload is refused', async () => {
    const { baseURL } = server;
    const brigade = await apiLogin(baseURL, 'zongdui');
    const before = await apiCall<EditionSummary[]>(baseURL, brigade, 'GET', '/standard-editions');
    const builtIn = before.find((e) => e.source === 'built_in')!;
    expect(builtIn).toBeDefined();

    // The brigade corrects one maintenance line in the downloaded workbook and gives it a new id and a future date.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await downloadWorkbook(baseURL, brigade, builtIn.id)) as never);
    const lines = wb.getWorksheet('维保内容')!;
    const cols = columnsOf(lines);
    const row = lines.getRow(3);
    const lineId = String(row.getCell(cols.get('内容编号')!).value);
    const oldText = String(row.getCell(cols.get('维保内容')!).value);
    const newText = `${oldText}（总队更正）`;
    row.getCell(cols.get('维保内容')!).value = newText;
    const nextYear = new Date().getFullYear() + 1;
    const newId = `${builtIn.id}-${nextYear}更正`;
    const effectiveDate = `${nextYear}-03-01`;
    setEditionInfo(wb, newId, effectiveDate);
    const dir = mkdtempSync(path.join(tmpdir(), 'xf-editions-'));
    const corrected = await saveWorkbook(wb, dir, '标准版本更正.xlsx');

    // A broken copy: an unknown period and an unknown test item class, under yet another id.
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.load(readFileSync(corrected) as never);
    const brokenLines = broken.getWorksheet('维保内容')!;
    brokenLines.getRow(4).getCell(columnsOf(brokenLines).get('周期')!).value = '每周';
    const brokenTesting = broken.getWorksheet('检测项')!;
    brokenTesting.getRow(2).getCell(columnsOf(brokenTesting).get('类别')!).value = 'D';
    setEditionInfo(broken, `${builtIn.id}-错误`, effectiveDate);
    const brokenFile = await saveWorkbook(broken, dir, '标准版本错误.xlsx');

    const context = await desktopContext(browser, baseURL);
    const page = await context.newPage();
    await loginAndWaitHome(page, baseURL, 'zongdui');
    await page.getByRole('menuitem', { name: '标准版本管理' }).click();
    const list = page.getByTestId('edition-list');
    await list.locator('.ant-table-row').first().waitFor();
    expect(await list.locator('.ant-table-row').count()).toBe(before.length);
    expect(await page.textContent('body')).toContain('项目在创建时锁定当日生效的标准版本');
    await shootAdmin(page, 'standard-editions-list');

    // The 下载Excel button saves the same workbook in the browser.
    const builtInRow = list.locator('.ant-table-row').filter({ hasText: builtIn.id });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      builtInRow.getByRole('button', { name: /下载Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync((await download.path())!) as never);
    expect(saved.worksheets.map((w) => w.name)).toEqual([
      '版本信息',
      '维保内容',
      '检查提示',
      '检测项',
      '单项判定规则',
    ]);

    // The catalog tree: a maintenance line shows its period, prompts, standard and source.
    await builtInRow.getByRole('button', { name: /查看目录/ }).click();
    const tree = page.getByTestId('catalog-tree-maintenance');
    await tree.waitFor();
    await page.getByPlaceholder('搜索系统、设施、维保内容').fill(oldText);
    await page.getByPlaceholder('搜索系统、设施、维保内容').press('Enter');
    await tree.getByText(oldText, { exact: false }).first().click();
    const details = page.getByTestId('catalog-details-maintenance');
    await details.getByText(lineId, { exact: true }).waitFor();
    const detailText = (await details.textContent()) ?? '';
    for (const label of ['周期', '检查提示', '合格标准', '依据', '可信度'])
      expect(detailText).toContain(label);
    await shootAdmin(page, 'standard-edition-maintenance-tree');
    await page.getByRole('tab', { name: /检测目录/ }).click();
    const testingTree = page.getByTestId('catalog-tree-testing');
    await testingTree.locator('.ant-tree-treenode').first().waitFor();
    await testingTree.locator('.ant-tree-switcher').nth(1).click();
    await testingTree.locator('.ant-tree-treenode').filter({ hasText: /类$/ }).first().click();
    const testingDetails = (await page.getByTestId('catalog-details-testing').textContent()) ?? '';
    for (const label of ['类别', '检测方法', '技术要求', '依据']) expect(testingDetails).toContain(label);
    await shootAdmin(page, 'standard-edition-testing-tree');
    await page.getByRole('button', { name: /返回列表/ }).click();

    // Upload the corrected workbook: the preview names the changed line; nothing is stored yet.
    await page.locator('input[type="file"]').setInputFiles(corrected);
    const preview = page.getByTestId('edition-preview');
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toContain(newId);
    expect(previewText).toContain(builtIn.id);
    expect(previewText).toContain(`维保内容 ${lineId}`);
    expect(previewText).toContain(`由“${oldText}”改为“${newText}”`);
    expect(previewText).toContain(`生效日期 由“${builtIn.effectiveDate}”改为“${effectiveDate}”`);
    expect(await preview.getByTestId('edition-diff-summary').textContent()).toContain(
      '新增0处，删除0处，修改2处',
    );
    expect(await apiCall<EditionSummary[]>(baseURL, brigade, 'GET', '/standard-editions')).toHaveLength(
      before.length,
    );
    await shootAdmin(page, 'standard-edition-preview', { fullPage: true });

    await preview.getByRole('button', { name: /确认发布/ }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确认发布' }).click();
    await page.getByText(`已发布标准版本“${newId}”`).waitFor();
    await preview.waitFor({ state: 'detached' });
    const newRow = list.locator('.ant-table-row').filter({ hasText: newId });
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain('Excel文件发布');
    expect(await newRow.textContent()).toContain(effectiveDate);
    const after = await apiCall<EditionSummary[]>(baseURL, brigade, 'GET', '/standard-editions');
    expect(after.map((e) => e.id)).toEqual([...before.map((e) => e.id), newId]);
    await shootAdmin(page, 'standard-edition-published');

    // The published edition's diff against the one it replaces.
    await newRow.getByRole('button', { name: /查看差异/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: `版本差异：${newId}` });
    await modal.getByText(`由“${oldText}”改为“${newText}”`, { exact: false }).waitFor();
    await shootAdmin(page, 'standard-edition-diff');
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });

    // Uploading the same edition again is refused: its id is taken.
    await page.locator('input[type="file"]').setInputFiles(corrected);
    const errors = page.getByTestId('edition-upload-errors');
    await errors.getByText(`版本编号“${newId}”已存在`, { exact: false }).waitFor();

    // A broken workbook lists every problem with its sheet and row; nothing is published.
    await page.locator('input[type="file"]').setInputFiles(brokenFile);
    await errors.getByText('标准版本错误.xlsx', { exact: false }).waitFor();
    const errorItems = await errors.locator('li').allTextContents();
    expect(errorItems.some((t) => t.includes('工作表“维保内容”第4行') && t.includes('周期'))).toBe(true);
    expect(errorItems.some((t) => t.includes('工作表“检测项”第2行') && t.includes('类别'))).toBe(true);
    expect(await page.getByTestId('edition-preview').count()).toBe(0);
    expect(await apiCall<EditionSummary[]>(baseURL, brigade, 'GET', '/standard-editions')).toHaveLength(
      after.length,
    );
    await idle(page);
    await shootAdmin(page, 'standard-edition-invalid', { fullPage: true });

    // A JSON edition file is read in the browser and checked the same way; 取消 stores nothing.
    const edition = await apiCall<StandardEdition>(
      baseURL,
      brigade,
      'GET',
      `/standard-editions/${encodeURIComponent(builtIn.id)}`,
    );
    const jsonLine = edition.maintenance[1]!.categories[0]!.facilities[0]!.lines[0]!;
    const newPeriod = jsonLine.period === 'year' ? 'month' : 'year';
    jsonLine.period = newPeriod;
    const jsonFile = path.join(dir, '标准版本.json');
    writeFileSync(jsonFile, JSON.stringify({ ...edition, id: `${builtIn.id}-JSON`, effectiveDate }, null, 2));
    await page.locator('input[type="file"]').setInputFiles(jsonFile);
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`维保内容 ${jsonLine.id}`);
    expect(await preview.textContent()).toContain(`周期 由“`);
    expect(await errors.count()).toBe(0);
    await preview.getByRole('button', { name: '取消' }).click();
    await preview.waitFor({ state: 'detached' });
    const notJson = path.join(dir, '损坏.json');
    writeFileSync(notJson, '{ "id": ');
    await page.locator('input[type="file"]').setInputFiles(notJson);
    await errors.getByText('不是有效的JSON', { exact: false }).waitFor();
    expect(await apiCall<EditionSummary[]>(baseURL, brigade, 'GET', '/standard-editions')).toHaveLength(
      after.length,
    );

    // The publication is in the operation log, named in Chinese.
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const logRow = page.locator('.ant-table-row').filter({ hasText: '发布标准版本' });
    await logRow.waitFor();
    expect(await logRow.count()).toBe(1);
    expect(await logRow.locator('td').allTextContents()).toContain('标准版本');
    await logRow.locator('.ant-table-row-expand-icon').click();
    await page.getByText(newId, { exact: false }).first().waitFor();
    await shootAdmin(page, 'standard-edition-operation-log');
    await context.close();
  });
});
