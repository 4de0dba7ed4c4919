import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, loginAndWaitHome } from './admin-support';
import {
  desktopContext,
  launchBrowser,
  LAPTOP_VIEWPORT,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';

/** A list page and the columns that show whether its table stays readable. */
interface ListPage {
  path: string;
  /** the column with the longest texts (names, addresses, reasons) */
  text: string;
  /** the status column, which must not sit under a fixed 操作 column */
  status?: string;
}

interface Measured {
  textWidth: number;
  lines: number;
  longest: string;
  statusRight?: number;
  actionsLeft?: number;
}

/**
 * Issue 12: every table of the admin web stays readable at 1366×768. Columns without a width used to
 * share what the fixed ones left, so names ran one character per line and a fixed 操作 column covered
 * the 状态 column. Measured in the browser: the longest text of the widest text column is at most two
 * lines, and scrolled to its right end the status column ends where the action column begins.
 */
describe('admin web: every list table at 1366×768', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer({ DEMO_PROJECTS: 'on' });
    browser = await launchBrowser();
    // red flags and compliance states exist only after a run
    await apiCall(server.baseURL, await apiLogin(server.baseURL, 'zongdui'), 'POST', '/compliance/run');
    // and the brigade's review list only after an institution applies
    const admin = await apiLogin(server.baseURL, 'jigou01');
    const projects = await apiCall<{ items: { id: number }[] }>(
      server.baseURL,
      admin,
      'GET',
      '/projects?kind=maintenance',
    );
    await apiCall(server.baseURL, admin, 'POST', `/projects/${projects.items[0]!.id}/special-applications`, {
      kind: 'direct_report_upload',
      reason: '保密单位，现场不能携带手机，申请直接上传本公司自行编制的维保报告',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function laptopPage(account: string): Promise<Page> {
    context = await desktopContext(browser, server.baseURL);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP_VIEWPORT);
    await loginAndWaitHome(page, server.baseURL, account);
    return page;
  }

  async function measure(page: Page, list: ListPage): Promise<Measured | undefined> {
    await page.goto(list.path);
    const shown = await page
      .locator('.ant-table-tbody .ant-table-row')
      .first()
      .waitFor({ timeout: 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (!shown) return undefined;
    const table = page.locator('.ant-table-content, .ant-table-body').first();
    await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.waitForTimeout(200);
    return page.evaluate(({ text, status }) => {
      const heads = [...document.querySelectorAll<HTMLTableCellElement>('.ant-table-thead th')];
      const head = (title: string) => heads.find((th) => th.textContent?.trim() === title);
      const textHead = head(text);
      if (!textHead) throw new Error(`no column ${text}`);
      const cells = [...document.querySelectorAll('.ant-table-tbody .ant-table-row')].map(
        (row) => row.children[textHead.cellIndex] as HTMLElement,
      );
      const cell = cells.reduce((a, b) =>
        (b.textContent ?? '').length > (a.textContent ?? '').length ? b : a,
      );
      // one client rect per line box of each text node; lines whose tops lie within 4 px are the same
      const tops: number[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
      }
      tops.sort((a, b) => a - b);
      const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 4).length;
      const last = heads[heads.length - 1];
      const actions = last?.textContent?.trim() === '操作' ? last : undefined;
      const statusHead = status ? head(status) : undefined;
      if (status && !statusHead) throw new Error(`no column ${status}`);
      return {
        textWidth: textHead.getBoundingClientRect().width,
        lines,
        longest: cell.textContent ?? '',
        statusRight: statusHead && statusHead.getBoundingClientRect().right,
        actionsLeft: actions && actions.getBoundingClientRect().left,
      };
    }, list);
  }

  async function checkAll(account: string, lists: ListPage[]) {
    const page = await laptopPage(account);
    const unreadable: string[] = [];
    for (const list of lists) {
      const m = await measure(page, list);
      if (!m) {
        unreadable.push(`${list.path}：表格没有数据，无从衡量`);
        continue;
      }
      if (m.lines > 2) unreadable.push(`${list.path} ${list.text}：“${m.longest}”占 ${m.lines} 行`);
      if (m.textWidth < 120) unreadable.push(`${list.path} ${list.text}：列宽 ${Math.round(m.textWidth)}px`);
      if (m.statusRight !== undefined && m.actionsLeft !== undefined && m.statusRight > m.actionsLeft + 1)
        unreadable.push(`${list.path} ${list.status}：被固定的操作列遮住`);
      await shootAdmin(page, `table-${account}${list.path.replace(/\?.*/, '').replaceAll('/', '-')}`);
    }
    await context.close();
    expect(unreadable).toEqual([]);
  }

  it("keeps the brigade's tables readable", async () => {
    await checkAll('zongdui', [
      { path: '/brigade/institutions', text: '机构名称', status: '合规状态' },
      { path: '/brigade/accounts', text: '姓名/名称', status: '状态' },
      { path: '/brigade/red-flags', text: '原因', status: '状态' },
      { path: '/brigade/operation-logs', text: '请求编号' },
      { path: '/brigade/standard-editions', text: '标题' },
      { path: '/coverage', text: '服务机构' },
      { path: '/brigade/imports/ministry', text: '来源', status: '状态' },
      { path: '/brigade/special-applications', text: '项目名称', status: '状态' },
      { path: '/maintenance-contracts', text: '甲方名称' },
    ]);
  });

  it("keeps the institution's tables readable", async () => {
    const admin = await apiLogin(server.baseURL, 'jigou01');
    const clients = await apiCall<{ items: { id: number }[] }>(server.baseURL, admin, 'GET', '/clients');
    await checkAll('jigou01', [
      { path: '/institution/persons', text: '姓名' },
      { path: '/institution/accounts', text: '姓名/名称', status: '状态' },
      { path: '/projects/clients', text: '详细地址' },
      { path: `/projects/contacts?clientId=${clients.items[0]!.id}`, text: '姓名' },
      { path: '/maintenance-contracts', text: '甲方名称' },
    ]);
  });
});
