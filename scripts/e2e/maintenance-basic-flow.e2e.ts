// 维保基本流程 (manual §03) end to end over three months, each person on their own client against the running server.
// The server's business clock (XF_NOW, test/dev only) starts in January 2027; the server is restarted on the same
// port and data folder in February and March, which is how plans "only in the current month" and reports "only once
// the month began" are reached without waiting.
//   January: the lead deletes a plan and a dispatched facility by the manual's rules (H5); the operator (app = H5
//   build) records with the network cut, one line 不符合 (a fault); the lead rejects the task (审核不通过), the
//   operator corrects it from 查询历史记录 and submits it again; the lead dispatches a repair of the fault (维修中) and
//   approves; the admin generates January's report (admin web): the fault is in its DOCX and PDF.
//   February: a conforming task; February's report carries the fault over (open at January's end); then the
//   operator 解决 it (排查维修).
//   March: a conforming task; March's report has no fault (it left the reports after the month of 解决).
// Steps other browser tests already drive through a client go through the API here (said where): the project entry
// (admin-projects.test.ts), plan creation and dispatch (h5-lead-maintenance-plan.test.ts) and the lead's on-site
// decisions on requests (testing-basic-flow.e2e.ts).
// Run: cd scripts && CHROMIUM_PATH=/usr/bin/chromium npx vitest run e2e/maintenance-basic-flow.e2e.ts
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacePhoto } from '@xf/server/demo-fixtures';
import { apiCall, apiLogin, loginAndWaitHome } from './admin-support';
import {
  desktopContext,
  LAPTOP_VIEWPORT,
  launchBrowser,
  restartServer,
  screenshotPath,
  shootAdmin,
  startServer,
  type RunningServer,
} from './harness';
import { fakeCameraArgs, fakeCameraFile } from './fake-camera';
import { ensureTaroBuild, nativeInput, waitForOfflineShell } from './h5-support';
import { createMaintenanceProject, dispatchMonthPlan } from './maintenance-support';
import {
  approvedFace,
  approveOnSite,
  fileReportOnWeb,
  liveFace,
  pdfText,
  phoneOnSite,
  untilPending,
  wordText,
  zipTexts,
} from './testing-support';

const siteName = '维保全流程测试大厦';
const ALARM = { id: 'M.02.1.01', name: '报警控制器' };
const LINKAGE = { id: 'M.02.1.05', name: '消防联动控制器' };
const LOCATION = '如：1号楼地下一层配电室（可不填）';
const PLACE = '1号楼消防控制室';
const FAULT_NOTE = '主电源切换后备电未投入';
/** The three months, each with the instant its server start puts the business clock at (Beijing time). */
const MONTHS = [
  { month: '2027-01', now: '2027-01-20T10:00:00+08:00' },
  { month: '2027-02', now: '2027-02-18T10:00:00+08:00' },
  { month: '2027-03', now: '2027-03-18T10:00:00+08:00' },
] as const;

interface ReportRow {
  id: number;
  projectId: number;
  planMonth: string | null;
  status: string;
  reportFileUrl: string | null;
  reportDocxUrl: string | null;
}

/** 确定 in the NutUI confirm dialog on screen (its button, not the text inside it, takes the click). */
const confirmDialog = (page: Page) => page.locator('.nut-dialog-footer-ok:visible').click();

/** Text with every blank removed: pdftotext lays out table cells with spaces and breaks long lines. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('维保基本流程: three months of plans, records, a fault carried over and resolved, and the reports', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    ensureTaroBuild('h5');
    server = await startServer({ XF_NOW: MONTHS[0].now });
    // The fake camera shows the live demo face: the technical lead files with the admin web's live camera.
    browser = await launchBrowser(fakeCameraArgs(await fakeCameraFile(await liveFace())));
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function phone(who: '负责人' | '现场人员', accountName: string): Promise<Page> {
    const page = await phoneOnSite(browser, server.baseURL, who, accountName);
    contexts.push(page.context());
    return page;
  }
  async function adminWeb(accountName: string): Promise<Page> {
    const context = await desktopContext(browser, server.baseURL);
    contexts.push(context);
    const page = await context.newPage();
    await page.setViewportSize(LAPTOP_VIEWPORT);
    await loginAndWaitHome(page, server.baseURL, accountName);
    return page;
  }
  const closePages = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  };

  it('runs plans, offline records, a rejection, a fault across two months and three reports', async () => {
    try {
      await flow();
    } catch (e) {
      // What each open page showed when a step failed.
      let i = 0;
      for (const c of contexts)
        for (const p of c.pages())
          await p
            .screenshot({ path: screenshotPath('h5-operator', `maint-flow-failure-${i++}`) })
            .catch(() => {});
      throw e;
    }
  }, 1_500_000);

  async function flow() {
    let { baseURL } = server;
    const admin = await apiLogin(baseURL, 'jigou01');
    const lead = await apiLogin(baseURL, 'xiangmu01', undefined, 'weapp');
    const operator = await apiLogin(baseURL, 'caozuo01', undefined, 'app');
    const operatorName = (await apiCall<{ displayName: string }>(baseURL, operator, 'GET', '/auth/me'))
      .displayName;
    // The lead decides site requests and jishu01 files with a face check (caozuo01's face is in the demo data).
    await approvedFace(baseURL, lead, await demoFacePhoto());
    await approvedFace(baseURL, await apiLogin(baseURL, 'jishu01'), await demoFacePhoto());
    const live = await liveFace();
    const livePhotoFile = path.join(tmpdir(), `xf-maint-flow-live-${process.pid}.jpg`);
    writeFileSync(livePhotoFile, live);

    // ---- The project, as the institution admin enters it (through the admin web in admin-projects.test.ts). ----
    const projectId = await createMaintenanceProject(baseURL, admin, {
      siteName,
      clientName: '维保全流程甲方',
      facilityIds: [ALARM.id, LINKAGE.id],
      signedOn: '2026-11-20',
      firstMonth: '2026-12',
      lastMonth: '2027-11',
    });

    /** As the lead (API; the H5 dispatch is h5-lead-maintenance-plan.test.ts): the month's 月计划 to caozuo01. */
    const monthPlan = (month: string, facilityIds: string[]) =>
      dispatchMonthPlan(baseURL, lead, projectId, {
        month,
        facilityIds,
        operatorAccountIds: [operator.user.id],
      });

    /** Answers every line of the open facility: all conforming, or line `faulty` with its first prompt failing. */
    async function recordLines(op: Page, faulty: number | null): Promise<number> {
      const lines = op.locator('.maintenance-line');
      await lines.first().waitFor();
      await nativeInput(op, LOCATION).fill(PLACE);
      const count = await lines.count();
      for (let i = 0; i < count; i++) {
        const line = lines.nth(i);
        await line.locator('.choice-checkable').click();
        await line.locator('.prompt-final').waitFor();
        const prompts = await line.locator('.prompt[data-prompt]').all();
        for (const [j, prompt] of prompts.entries())
          await prompt
            .locator('.nut-button')
            .nth(i === faulty && j === 0 ? 1 : 0)
            .click();
        await line
          .locator('[data-testid="line-result"]', {
            hasText: i === faulty ? '已保存 · 不符合' : '已保存 · 符合',
          })
          .waitFor();
      }
      return count;
    }

    /**
     * The operator's month on the app: 接收下发计划 → 建立维保任务 (live photo) → the lead agrees (API) → records,
     * with the network cut when `offline` (and a reload without network) → 提交维保结果申请 → the lead agrees (API)
     * → the results are sent once. Returns the number of lines recorded.
     */
    async function operatorMonth(op: Page, opts: { offline: boolean; faulty: number | null; shot: string }) {
      await op.locator('.nut-segmented-item', { hasText: '消防维保' }).click();
      await op.locator('.menu-item', { hasText: '接收下发计划' }).click();
      await op.locator('.assignment-row', { hasText: ALARM.name }).waitFor();
      expect(await op.locator('.assignment-row').count()).toBe(1);
      await op.locator('.assignment-row .nut-checkbox').first().click();
      await op.locator('[data-testid="selection-summary"]', { hasText: '已选1个设施' }).waitFor();
      const chooser = op.waitForEvent('filechooser');
      await op.locator('.nut-button', { hasText: '建立维保任务' }).click();
      await (await chooser).setFiles(livePhotoFile);
      await op.locator('.task-card', { hasText: '开始申请待同意' }).waitFor({ timeout: 30_000 });
      await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'start')).id, live);
      await op.reload();
      await op.locator('.task-card', { hasText: '开始申请已同意' }).waitFor({ timeout: 30_000 });

      await op.locator('.task-card .nut-button', { hasText: '开始记录' }).click();
      await op.locator('.facility-row').first().waitFor();
      if (opts.offline) await op.context().setOffline(true);
      await op.locator('.facility-row', { hasText: ALARM.name }).click();
      const count = await recordLines(op, opts.faulty);
      if (opts.offline) {
        // Still without network: a reload comes back to the same facility with every line kept.
        await op.reload();
        await op.locator('.maintenance-line').first().waitFor();
        await expect.poll(() => op.locator('[data-testid="line-result"]').count()).toBe(count);
        expect(await nativeInput(op, LOCATION).inputValue()).toBe(PLACE);
        await op.screenshot({ path: screenshotPath('h5-operator', `${opts.shot}-offline`), fullPage: true });
        await op.context().setOffline(false);
      }

      await op.goto('/h5/#/pages/maintenance-tasks/index');
      await op.locator('[data-testid="task-progress"]', { hasText: `已记录${count}/${count}` }).waitFor();
      const liveAgain = op.waitForEvent('filechooser');
      await op.locator('.task-card .nut-button', { hasText: '提交维保结果申请' }).click();
      await (await liveAgain).setFiles(livePhotoFile);
      await op.locator('.task-card', { hasText: /提交申请(待发送|待同意)/ }).waitFor({ timeout: 60_000 });
      await approveOnSite(baseURL, lead, (await untilPending(baseURL, lead, 'submit')).id, live);
      await op.reload();
      await op.locator('.task-card', { hasText: '维保结果已提交' }).waitFor({ timeout: 120_000 });
      await op.screenshot({ path: screenshotPath('h5-operator', `${opts.shot}-submitted`) });
      return count;
    }

    /** The lead's 消防维保-待审核 → this project's task. */
    async function openReview(lp: Page) {
      await lp.goto('/h5/#/pages/maintenance/index');
      await lp.locator('.menu-item', { hasText: '消防维保-待审核' }).click();
      await lp.locator('.review-task', { hasText: siteName }).first().click();
      await lp.locator('.maintenance-record-view').first().waitFor();
    }

    const tasks = () =>
      apiCall<{ items: { id: number; status: string; planMonth: string }[] }>(
        baseURL,
        lead,
        'GET',
        `/maintenance-tasks?projectId=${projectId}`,
      );
    const faults = () =>
      apiCall<{ items: { id: number; status: string; lineText: string; description: string }[] }>(
        baseURL,
        lead,
        'GET',
        `/maintenance-faults?projectId=${projectId}`,
      );

    /**
     * 生成维保报告 in the admin web for `month` (typed into the month picker), waits for the job, shows it in
     * 查看维保报告, and returns the PDF's and the DOCX's text.
     */
    async function monthReport(web: Page, month: string, shot: string) {
      await web.goto('/maintenance-reports/generate');
      await web.getByTestId(`generate-${projectId}`).click();
      const modal = web.locator('.ant-modal', { hasText: `生成维保报告：${siteName}` });
      const picker = modal.locator('.ant-picker input');
      await picker.click();
      await picker.fill(month);
      await picker.press('Enter');
      await expect.poll(() => picker.inputValue()).toBe(month);
      await shootAdmin(web, `${shot}-generate`);
      await modal.getByRole('button', { name: '生成报告' }).click();
      await web.getByText('已开始生成').waitFor();
      const reportOf = async () =>
        (
          await apiCall<{ items: ReportRow[] }>(
            baseURL,
            admin,
            'GET',
            '/reports?kind=maintenance&page=1&pageSize=50',
          )
        ).items.find((r) => r.projectId === projectId && r.planMonth === month);
      await expect
        .poll(async () => (await reportOf())?.status, { timeout: 180_000, interval: 1000 })
        .toBe('uploaded');
      const report = (await reportOf())!;
      await web.goto('/maintenance-reports');
      await web.locator('tr', { hasText: siteName }).first().waitFor();
      await shootAdmin(web, `${shot}-reports`);
      const download = async (url: string) => {
        const res = await fetch(`${baseURL}${url}`, {
          headers: { Authorization: `Bearer ${admin.accessToken}` },
        });
        expect(res.status).toBe(200);
        return Buffer.from(await res.arrayBuffer());
      };
      const pdf = squeeze(pdfText(await download(report.reportFileUrl!)));
      const docx = await zipTexts(await download(report.reportDocxUrl!), /^word\/document\.xml$/);
      const word = squeeze(wordText(docx.get('word/document.xml')!));
      return { report, pdf, word };
    }

    // ================= January =================
    const [jan, feb, mar] = MONTHS;
    const janPlan = await monthPlan(jan.month, [ALARM.id, LINKAGE.id]);

    // ---- Lead (H5): 删除已下发的维保计划 by the manual's rules. ----
    const lp = await phone('负责人', 'xiangmu01');
    await lp.locator('.stat-label').first().waitFor();
    await lp.goto(`/h5/#/pages/maintenance-plans/index?id=${projectId}`);
    const plans = lp.locator('.maintenance-plans');
    await plans.getByText('只能创建当月（2027年1月）的计划', { exact: false }).waitFor();
    // 1: a plan not yet dispatched is deleted. The lead makes this month's 季计划, then deletes it.
    await plans.locator('.plan-create-btn', { hasText: '创建季计划' }).click();
    await lp.locator('.maintenance-plan').getByText('未下发').waitFor();
    await lp.goBack();
    const quarter = plans.locator('.plan-card', { hasText: '2027年1月 季计划' });
    await quarter.locator('.plan-delete').click();
    await confirmDialog(lp);
    await quarter.waitFor({ state: 'detached' });
    // 3: a plan with dispatched facilities is not deleted: no 删除计划 on it, and the server refuses.
    const month1 = plans.locator('.plan-card', { hasText: '2027年1月 月计划' });
    await month1.getByText('已派发设施2个').waitFor();
    expect(await month1.locator('.plan-delete').count()).toBe(0);
    await lp.screenshot({ path: screenshotPath('h5-lead', 'maint-flow-plans'), fullPage: true });
    const refused = await fetch(`${baseURL}/api/maintenance-plans/${janPlan}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${lead.accessToken}` },
    });
    expect(refused.status).toBe(409);
    // 2: a dispatched facility is removed before the operator starts it: 消防联动控制器 goes, 报警控制器 stays.
    await month1.click();
    const planPage = lp.locator('.maintenance-plan');
    const linkage = planPage.locator('.facility', { hasText: LINKAGE.name });
    await linkage.locator('.assignment-remove').click();
    await confirmDialog(lp);
    await linkage.locator('.assignment').waitFor({ state: 'detached' });
    await planPage.getByText('已派发设施1个').waitFor();
    await lp.screenshot({ path: screenshotPath('h5-lead', 'maint-flow-plan-removed'), fullPage: true });

    // ---- Operator (app): the task, recorded with no network, one line 不符合. ----
    const op = await phone('现场人员', 'caozuo01');
    await op.locator('.menu-item', { hasText: '接收下发计划' }).waitFor();
    await waitForOfflineShell(op);
    const lineCount = await operatorMonth(op, { offline: true, faulty: 1, shot: 'maint-flow-jan' });
    expect(lineCount).toBeGreaterThanOrEqual(2);
    // Once started, 报警控制器's dispatch is no longer removed (manual §03 删除已下发的维保计划 2).
    await lp.reload();
    await planPage.locator('.facility', { hasText: ALARM.name }).locator('.assignment').waitFor();
    expect(await planPage.locator('.assignment-remove').count()).toBe(0);

    // ---- Lead (H5): 审核不通过 with the reason. ----
    await openReview(lp);
    await lp.locator('.fault-card').waitFor();
    await nativeInput(lp, '审核不通过原因（审核通过时可不填）').fill('不符合项请补充故障现象');
    await lp.locator('.review-reject').click();
    await lp.locator('.nut-tag', { hasText: '审核不通过' }).first().waitFor();
    await lp.screenshot({ path: screenshotPath('h5-lead', 'maint-flow-rejected'), fullPage: true });
    expect((await tasks()).items[0]!.status).toBe('rejected');

    // ---- Operator: 查询历史记录 → 修改 → the fault line gets its description → 重新提交 (no new 提交申请). ----
    await op.goto('/h5/#/pages/home/index');
    await op.locator('.nut-segmented-item', { hasText: '消防维保' }).click();
    await op.locator('.menu-item', { hasText: '查询历史记录' }).click();
    const history = op.locator('.history-task', { hasText: siteName });
    await history.getByText('不符合项请补充故障现象').waitFor();
    await op.screenshot({ path: screenshotPath('h5-operator', 'maint-flow-history-rejected') });
    await history.locator('.nut-button', { hasText: '修改' }).click();
    await op.locator('.maintenance-line, .facility-row').first().waitFor();
    if (await op.locator('.facility-row').count()) await op.locator('.facility-row').first().click();
    const faultLine = op.locator('.maintenance-line').nth(1);
    await faultLine.locator('[data-testid="line-result"]', { hasText: '不符合' }).waitFor();
    await faultLine.locator('.plus').click();
    await nativeInput(op, '补充说明（文字和照片会体现在报告中，视频不体现）').fill(FAULT_NOTE);
    await faultLine.locator('.plus', { hasText: '文字1' }).waitFor();
    await op.goto('/h5/#/pages/maintenance-tasks/index');
    const corrected = op.locator('.task-card', { hasText: '审核不通过，修改中' });
    await corrected.locator('.nut-button', { hasText: '重新提交' }).click();
    await op.locator('.task-card', { hasText: '修改后的维保结果已提交' }).waitFor({ timeout: 120_000 });
    await expect.poll(async () => (await tasks()).items[0]!.status).toBe('submitted');

    // ---- Lead: the fault → 下发维修 to caozuo01 (维修中: handled, still open) → 审核通过. ----
    await openReview(lp);
    const fault = lp.locator('.fault-card');
    await lp.getByText(FAULT_NOTE).first().waitFor();
    await lp.getByText('还有1项故障待处理，须先给出处理方式才能审核通过').waitFor();
    await fault.locator('.operator-option', { hasText: operatorName }).click();
    await nativeInput(lp, '说明（下发排查维修时给操作员；记录处理结果时必填）').fill('更换备用电源后复测');
    await fault.locator('.nut-button', { hasText: '下发维修' }).click();
    await fault.locator('.nut-tag', { hasText: '维修中' }).waitFor();
    await lp.locator('.review-approve').click();
    await lp.locator('.nut-tag', { hasText: '审核通过' }).first().waitFor({ timeout: 30_000 });
    await lp.screenshot({ path: screenshotPath('h5-lead', 'maint-flow-approved'), fullPage: true });
    expect((await faults()).items.map((f) => f.status)).toEqual(['repairing']);
    // How the report's 故障记录 names the fault: its content line and what failed.
    const { lineText, description } = (await faults()).items[0]!;
    const faultText = squeeze(`${lineText}：${description}`);

    // ---- Admin (web): January's report lists the fault, found this month and 维修中. ----
    const web = await adminWeb('jigou01');
    const janReport = await monthReport(web, jan.month, 'maint-flow-jan');
    for (const text of [janReport.pdf, janReport.word]) {
      expect(text).toContain(squeeze(siteName));
      expect(text).toContain('01月故障记录：维修中的故障有1项');
      expect(text).toContain(faultText);
      expect(text).not.toContain('（以前月份发现，尚未解决）');
    }
    // 备案维保报告: jishu01 files January's report with the web's live camera; the project stays in progress.
    const tech = await adminWeb('jishu01');
    await fileReportOnWeb(
      tech,
      janReport.report.id,
      siteName,
      () => shootAdmin(tech, 'maint-flow-filing-camera'),
      '/maintenance/filing',
    );
    await shootAdmin(tech, 'maint-flow-filed');
    expect((await apiCall<{ status: string }>(baseURL, admin, 'GET', `/projects/${projectId}`)).status).toBe(
      'in_progress',
    );
    await closePages();

    // ================= February: the server restarted a month later on the same data =================
    server = await restartServer(server, { XF_NOW: feb.now });
    baseURL = server.baseURL;
    await monthPlan(feb.month, [ALARM.id]);
    const opFeb = await phone('现场人员', 'caozuo01');
    await opFeb.locator('.menu-item', { hasText: '接收下发计划' }).waitFor();
    await operatorMonth(opFeb, { offline: false, faulty: null, shot: 'maint-flow-feb' });
    const lpFeb = await phone('负责人', 'xiangmu01');
    await lpFeb.locator('.stat-label').first().waitFor();
    await openReview(lpFeb);
    await lpFeb.locator('.review-approve').click();
    await lpFeb.locator('.nut-tag', { hasText: '审核通过' }).first().waitFor({ timeout: 30_000 });
    expect((await tasks()).items.map((t) => [t.planMonth, t.status]).sort()).toEqual([
      [jan.month, 'approved'],
      [feb.month, 'approved'],
    ]);

    // February's report carries the fault over: found in January, open at January's end.
    const webFeb = await adminWeb('jigou01');
    const febReport = await monthReport(webFeb, feb.month, 'maint-flow-feb');
    for (const text of [febReport.pdf, febReport.word]) {
      expect(text).toContain('02月故障记录：维修中的故障有1项');
      expect(text).toContain(faultText);
      expect(text).toContain('（以前月份发现，尚未解决）');
    }

    // The operator's 排查维修: 解决 closes the fault.
    await opFeb.goto('/h5/#/pages/home/index');
    await opFeb.locator('.nut-segmented-item', { hasText: '消防维保' }).click();
    await opFeb.locator('.menu-item', { hasText: '排查维修' }).click();
    const repair = opFeb.locator('.fault-task', { hasText: siteName });
    await repair.getByText(`故障：`, { exact: false }).waitFor();
    await nativeInput(opFeb, '排查或维修说明（未解决时必填）').fill('已更换备用电源，切换正常');
    await opFeb.screenshot({ path: screenshotPath('h5-operator', 'maint-flow-repair') });
    await repair
      .locator('.nut-button')
      .filter({ hasText: /^解决$/ })
      .click();
    await expect.poll(async () => (await faults()).items.map((f) => f.status)).toEqual(['resolved']);
    await closePages();

    // ================= March: the fault, resolved in February, is no longer reported =================
    server = await restartServer(server, { XF_NOW: mar.now });
    baseURL = server.baseURL;
    await monthPlan(mar.month, [ALARM.id]);
    const opMar = await phone('现场人员', 'caozuo01');
    await opMar.locator('.menu-item', { hasText: '接收下发计划' }).waitFor();
    await operatorMonth(opMar, { offline: false, faulty: null, shot: 'maint-flow-mar' });
    const lpMar = await phone('负责人', 'xiangmu01');
    await lpMar.locator('.stat-label').first().waitFor();
    await openReview(lpMar);
    await lpMar.locator('.review-approve').click();
    await lpMar.locator('.nut-tag', { hasText: '审核通过' }).first().waitFor({ timeout: 30_000 });

    const webMar = await adminWeb('jigou01');
    const marReport = await monthReport(webMar, mar.month, 'maint-flow-mar');
    for (const text of [marReport.pdf, marReport.word]) {
      expect(text).toContain(squeeze(siteName));
      expect(text).toContain('03月故障记录：本月无故障');
      expect(text).not.toContain(faultText);
    }
  }
});
