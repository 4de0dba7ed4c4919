import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Op, QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, beijingMonthEnd, beijingMonthOf, beijingMonthStart, lastDayOfMonth } from '@xf/domain';
import { Account } from '../../src/accounts/models';
import { demoFacePhoto } from '../../src/demo/seed';
import type { InProcessJobQueue } from '../../src/platform/jobs/in-process-queue';
import { registerDetachmentNotifier } from '../../src/reports/notify-detachment';
import { portraitOf } from '../support/faces';
import { fileForm } from '../support/forms';
import { createClientWithContact, projectWorld, uploadPdf, type ProjectWorld } from '../projects/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 生成维保报告 over the maintenance tables of migration 0016 (the maintenance features own their routes; the rows
 * are seeded here as testing-reports/world.ts seeds testing records): three months of a project, a fault found in
 * the first that stays open through the second and is resolved in the third, one resolved in its own month.
 */
let t: TestApp;
let w: ProjectWorld;
let projectId: number;
let operatorId: number;
const current = beijingMonthOf(new Date());
const [m1, m2, m3] = [addMonths(current, -2), addMonths(current, -1), current];
const FACILITIES = ['M.01.0.03', 'M.02.1.01'];
const inMonth = (month: string, hours: number) =>
  new Date(beijingMonthStart(month).getTime() + hours * 3600_000);

const sql = (query: string, replacements: Record<string, unknown> = {}) =>
  t.app.sequelize.query(query, { replacements, type: QueryTypes.SELECT }) as Promise<any[]>;
const exec = (query: string, replacements: Record<string, unknown> = {}) =>
  t.app.sequelize.query(query, { replacements });
const update = (table: string, values: Record<string, unknown>, where: Record<string, unknown>) =>
  t.app.sequelize.getQueryInterface().bulkUpdate(table, values, where);
const insert = async (table: string, row: Record<string, unknown>) => {
  const now = new Date();
  const full = { ...row, createdAt: now, updatedAt: now };
  // Through the query interface, so dates are written in the connection's time zone (+08:00 on MariaDB).
  await t.app.sequelize.getQueryInterface().bulkInsert(table, [full]);
  const [r] = await sql(`SELECT MAX(id) AS id FROM ${table}`);
  return Number(r.id);
};

/** A distributed month plan with one dispatched facility and its task, submitted at `submittedAt`. */
async function monthWork(month: string, submittedAt: Date, status = 'approved') {
  const planId = await insert('maintenance_plans', {
    projectId,
    kind: 'month',
    month,
    editionId: 'gb25201-2010-jing',
    facilityIds: JSON.stringify(FACILITIES),
    status: 'distributed',
    createdBy: w.leadId,
  });
  const assignmentId = await insert('maintenance_plan_assignments', {
    planId,
    projectId,
    facilityId: 'M.01.0.03',
    operatorAccountId: operatorId,
    state: 'started',
    assignedBy: w.leadId,
  });
  const taskId = await insert('maintenance_tasks', {
    projectId,
    planId,
    operatorAccountId: operatorId,
    idempotencyKey: `task-${month}-${Math.random()}`,
    facilityIds: JSON.stringify(['M.01.0.03']),
    assignmentIds: JSON.stringify([assignmentId]),
    status,
    startedAt: submittedAt,
    submissionKey: `sub-${month}`,
    firstSubmittedAt: submittedAt,
    submittedAt,
  });
  for (const [i, conformity] of ['conforming', 'nonconforming', 'not_applicable'].entries())
    await insert('maintenance_records', {
      projectId,
      maintenanceTaskId: taskId,
      planId,
      operatorAccountId: operatorId,
      idempotencyKey: `rec-${taskId}-${i}`,
      submissionKey: `sub-${month}`,
      facilityId: 'M.01.0.03',
      facilityIndex: 1,
      facilityLocation: '一层配电室',
      lineId: `M.01.0.03.${'abc'[i]}`,
      checkable: conformity !== 'not_applicable',
      answers: '{}',
      conformity,
      notCheckableReason: conformity === 'not_applicable' ? 'not_present' : null,
      note: i === 1 ? '主备电切换失败' : '',
      recordedAt: submittedAt,
      submittedAt,
    });
  return { planId, taskId };
}

async function fault(
  taskId: number,
  lineId: string,
  steps: [Date, string, string][],
  resolvedAt: Date | null,
) {
  const faultId = await insert('maintenance_faults', {
    projectId,
    systemId: 'M.01',
    facilityId: 'M.01.0.03',
    facilityIndex: 1,
    facilityLocation: '一层配电室',
    lineId,
    description: '自动切换功能不正常',
    note: '',
    status: resolvedAt ? 'resolved' : steps.at(-1)![2],
    detectedAt: steps[0]![0],
    resolvedAt,
    firstMaintenanceTaskId: taskId,
    latestMaintenanceTaskId: taskId,
  });
  for (const [at, text, status] of steps)
    await insert('maintenance_fault_events', {
      faultId,
      projectId,
      at,
      kind: 'progress',
      status,
      text,
      note: '',
    });
  return faultId;
}

const key = () => `mr-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;
const generate = (month: string, token = w.admin, id = projectId, remarks = '') =>
  t.request('POST', `/api/projects/${id}/maintenance-reports`, {
    token,
    body: { idempotencyKey: key(), month, remarks },
  });

async function untilGenerated(id: number) {
  for (let i = 0; i < 2400; i++) {
    const res = await t.request('GET', `/api/reports/${id}`, { token: w.admin });
    if (res.body.status !== 'generating') return res.body;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('report still generating');
}

const tmp = mkdtempSync(path.join(tmpdir(), 'xf-maint-report-'));
const pdfText = (buf: Buffer) => {
  const file = path.join(tmp, `r-${Math.random()}.pdf`);
  writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
};
const download = async (url: string) => (await t.request('GET', url, { token: w.admin })).buffer!;
async function generatedText(month: string, remarks = '') {
  const res = await generate(month, w.admin, projectId, remarks);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const report = await untilGenerated(res.body.id);
  expect(report.status, report.progressText).toBe('uploaded');
  return { report, text: pdfText(await download(report.reportFileUrl)) };
}

let task1: number;
beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  operatorId = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!.id;
  const parties = await createClientWithContact(t, w.admin, '维保报告甲方');
  const fileId = await uploadPdf(t, w.admin);
  const first = addMonths(current, -3);
  const contract = await t.request('POST', '/api/maintenance-contracts', {
    token: w.admin,
    body: {
      ...parties,
      signedOn: `${first}-01`,
      contractStart: `${first}-01`,
      contractEnd: lastDayOfMonth(addMonths(current, 8)),
      attachments: [{ fileId, kind: 'maintenance_scope' }],
    },
  });
  expect(contract.status).toBe(201);
  const p = await t.request('POST', '/api/maintenance-projects', {
    token: w.admin,
    body: {
      contractId: contract.body.id,
      siteName: '平安里',
      siteUscc: 'NULL',
      detachmentId: w.dongcheng.id,
      district: '西城区',
      address: '西城区平安里西大街1号',
      projectLeadAccountId: w.leadId,
      firstMonth: first,
      lastMonth: addMonths(current, 8),
      maintenanceCount: 12,
    },
  });
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  projectId = p.body.id;
  const fs = await t.request('PUT', `/api/projects/${projectId}/fire-systems`, {
    token: w.admin,
    body: { facilityIds: FACILITIES },
  });
  expect(fs.status, JSON.stringify(fs.body)).toBe(200);
  const b = await t.request('POST', `/api/projects/${projectId}/buildings`, {
    token: w.admin,
    body: {
      name: '1号楼',
      totalArea: 2000,
      aboveGroundArea: 2000,
      belowGroundArea: 0,
      aboveGroundFloors: 6,
      belowGroundFloors: 0,
      height: 23,
      useFunction: '国家机关单位',
      waterSupplies: [{ kind: 'fire_tank', location: '屋顶水箱间', capacity: 18 }],
      remark: '',
    },
  });
  expect(b.status).toBe(201);

  task1 = (await monthWork(m1, inMonth(m1, 24 * 7 + 10))).taskId;
  // Fault A: found in m1, negotiated and troubleshot in m1, still open in m2, resolved in m3.
  await fault(
    task1,
    'M.01.0.03.b',
    [
      [inMonth(m1, 24 * 7 + 10), '发现故障', 'pending'],
      [inMonth(m1, 24 * 7 + 10.1), '与业主协商中', 'negotiating'],
      [inMonth(m1, 24 * 7 + 10.2), '由操作员1排查中', 'troubleshooting'],
      [inMonth(m2, 30), '由操作员1维修中', 'repairing'],
      [inMonth(m3, 1), '由操作员1解决', 'resolved'],
    ],
    inMonth(m3, 1),
  );
  // Fault B: found and resolved in m1.
  await fault(
    task1,
    'M.01.0.03.c',
    [
      [inMonth(m1, 24 * 8), '发现故障', 'pending'],
      [inMonth(m1, 24 * 9), '由操作员1解决', 'resolved'],
    ],
    inMonth(m1, 24 * 9),
  );
  await monthWork(m2, inMonth(m2, 48));
});
afterAll(async () => t?.close());

describe('生成维保报告: refused with the reason', () => {
  it('is the institution admin’s, for a maintenance project', async () => {
    expect((await generate(m1, w.projectLead)).status).toBe(403);
    expect((await generate(m1, w.otherAdmin)).status).toBe(403);
  });

  it('refuses a month outside the contract or not begun', async () => {
    const before = await generate(addMonths(current, -4));
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain('不在合同期限');
    const future = await generate(addMonths(current, 1));
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('尚未开始');
  });

  it('refuses a month without dispatched plans', async () => {
    const res = await generate(addMonths(current, -3));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('没有下发的维保计划');
  });

  it('refuses while a task of the month waits for the lead’s review', async () => {
    await exec("UPDATE maintenance_tasks SET status = 'submitted' WHERE id = :id", { id: task1 });
    const res = await generate(m1);
    await exec("UPDATE maintenance_tasks SET status = 'approved' WHERE id = :id", { id: task1 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('项目负责人尚未审核通过');
  });

  it('refuses a task submitted after the month’s last day 23:59:59 Beijing, allows one at 23:59:59', async () => {
    const [row] = await sql('SELECT firstSubmittedAt FROM maintenance_tasks WHERE id = :id', { id: task1 });
    await update('maintenance_tasks', { firstSubmittedAt: beijingMonthEnd(m1) }, { id: task1 });
    const late = await generate(m1);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('23:59:59，不能生成');
    expect(late.body.error.message).toContain('00:00:00');
    await update(
      'maintenance_tasks',
      { firstSubmittedAt: new Date(beijingMonthEnd(m1).getTime() - 1000) },
      { id: task1 },
    );
    const inTime = await generate(m1);
    expect(inTime.status).toBe(202);
    await untilGenerated(inTime.body.id);
    await update('maintenance_tasks', { firstSubmittedAt: new Date(row.firstSubmittedAt) }, { id: task1 });
  });
});

describe('生成维保报告: the monthly 情况表', () => {
  it('prints the overview, the scope, the fault timeline in Beijing time and 共 N 页 第 M 页', async () => {
    const { report, text } = await generatedText(m1, '本月按计划完成');
    expect(report).toMatchObject({ kind: 'maintenance', planMonth: m1, source: 'generated' });
    expect(report.reportNo).toMatch(/^消维（\d{4}）第\d+号$/);
    expect(report.hashes.map((h: any) => h.label)).toEqual(['维保报告PDF', '维保报告Word']);
    expect(report.reportDocxUrl).toBeTruthy();
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('建筑消防设施维护保养情况表');
    expect(flat).toContain('场所名称平安里');
    expect(flat).toContain('总建筑面积2000平米');
    expect(flat).toContain('■消防水箱设置位置：屋顶水箱间容量：18m³');
    expect(
      flat,
      flat.slice(flat.indexOf('维护保养项目范围'), flat.indexOf('维护保养项目范围') + 200),
    ).toContain('■消防供电配电');
    expect(flat).toContain('□探火管灭火装置');
    expect(flat).toContain('本月按计划完成');
    const [y, mo] = m1.split('-');
    // 8 days in at 10:06 Beijing: the handling steps dated in Beijing time.
    expect(flat).toContain(`${y}年${mo}月08日10:06:00与业主协商中`);
    expect(flat).toContain(`${y}年${mo}月08日10:12:00由操作员1排查中`);
    expect(flat).not.toContain('由操作员1维修中'); // a step of the next month
    expect(flat).toContain('已解决的故障有1项');
    const pages = text.split('\f').filter((p) => p.trim());
    pages.forEach((p, i) =>
      expect(p).toMatch(new RegExp(`共\\s*${pages.length}\\s*页\\s*第\\s*${i + 1}\\s*页`)),
    );
  });

  it('carries the open fault into the next month and drops the resolved one', async () => {
    const { text } = await generatedText(m2);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('由操作员1维修中');
    expect(flat).toContain('维修中的故障有1项');
    expect(flat).toContain('以前月份发现');
    expect(flat).not.toContain('已解决的故障');
  });

  it('shows the fault in the month of 解决, then not after', async () => {
    await monthWork(m3, new Date());
    const { text } = await generatedText(m3);
    expect(text.replace(/\s+/g, '')).toContain('已解决的故障有1项');
    // A month later the resolved fault has left the reports.
    await update('maintenance_faults', { resolvedAt: inMonth(m2, 1) }, { lineId: 'M.01.0.03.b' });
    await update(
      'maintenance_fault_events',
      { at: inMonth(m2, 1) },
      { text: '由操作员1解决', at: { [Op.gt]: beijingMonthStart(m3) } },
    );
    const after = await generatedText(m3);
    expect(after.text.replace(/\s+/g, '')).toContain('本月无故障');
  });

  it('refuses a second generation while one runs; a generated report cannot be deleted', async () => {
    const first = await generate(m2);
    const second = await generate(m2);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('正在生成');
    await untilGenerated(first.body.id);
    const del = await t.request('DELETE', `/api/reports/${first.body.id}`, { token: w.admin });
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain('报告生成后不能删除');
  });
});

describe('备案维保报告: QR verification, filing with a face check, delivery to the detachment', () => {
  it('verifies by its QR token; the technical lead files it after a face check; the project keeps running', async () => {
    registerDetachmentNotifier(t.app);
    const { report } = await generatedText(m1);
    // The QR's page: the report, the project and its hashes, before filing 待备案.
    const token = report.verifyUrl.split('/verify/')[1];
    const verified = await t.request('GET', `/api/verify/${token}`);
    expect(verified.status).toBe(200);
    expect(verified.body.projectName).toBe('平安里');
    expect(JSON.stringify(verified.body)).toContain(report.hashes[0].sha256);
    expect((await t.request('GET', `/verify/${token}`)).body).toContain('待备案');

    const technicalLead = await t.login('jishu01', undefined, 'web');
    const up = await t.request('POST', '/api/face-profiles', {
      token: technicalLead,
      form: fileForm(await demoFacePhoto(), 'face.jpg', 'photo'),
    });
    expect(up.status).toBe(201);
    expect(
      (await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: w.brigade })).status,
    ).toBe(200);
    const fileWith = (token: string, photo: Buffer) =>
      t.request('POST', `/api/reports/${report.id}/file`, {
        token,
        form: fileForm(photo, 'live.jpg', 'photo'),
      });
    const live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });
    // Not before filing: the detachment does not see it; the admin cannot file; another face is refused.
    const unseen = await t.request('GET', '/api/reports?kind=maintenance', { token: w.detachment });
    expect(unseen.body.items.map((r: any) => r.id)).not.toContain(report.id);
    expect((await fileWith(w.admin, live)).status).toBe(403);
    const stranger = await fileWith(technicalLead, await portraitOf('curlyBlonde'));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('face_mismatch');
    expect((await t.request('GET', `/api/reports/${report.id}`, { token: w.admin })).body.status).toBe(
      'uploaded',
    );

    const detachment = (await Account.findOne({ where: { accountName: 'dongcheng' } }))!;
    await detachment.update({ wechatOpenId: 'openid-dongcheng-maint' });
    const statusBefore = (await sql('SELECT status FROM projects WHERE id = :id', { id: projectId }))[0]
      .status;
    const filed = await fileWith(technicalLead, live);
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.status).toBe('filed');
    // A monthly report does not end the maintenance project (a testing report's filing completes its project).
    expect((await sql('SELECT status FROM projects WHERE id = :id', { id: projectId }))[0].status).toBe(
      statusBefore,
    );
    const del = await t.request('DELETE', `/api/reports/${report.id}`, { token: w.admin });
    expect(del.status).toBe(409);
    expect(del.body.error.message).toBe('备案后的报告不能被删除和修改');
    expect((await t.request('GET', `/verify/${token}`)).body).toContain('已备案');

    // Delivered: in the detachment's received reports, and a WeChat message to its bound contact.
    await (t.app.jobs as InProcessJobQueue).drain();
    const received = await t.request('GET', '/api/reports?kind=maintenance&status=filed', {
      token: w.detachment,
    });
    expect(received.body.items.map((r: any) => r.id)).toContain(report.id);
    const sent = (t.app.devServices[0]!.wechatOutbox!() as unknown[]).filter((m) =>
      JSON.stringify(m).includes('openid-dongcheng-maint'),
    );
    expect(JSON.stringify(sent)).toContain('维保报告已备案');
  }, 120_000);
});
