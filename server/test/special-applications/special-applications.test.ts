import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFacePhoto } from '../../src/demo/seed';
import { OperationLog } from '../../src/operation-log/model';
import { Project } from '../../src/projects/models';
import { Report } from '../../src/reports/models';
import { portraitOf } from '../support/faces';
import { startTestApp, type TestApp } from '../support/test-app';
import { fileForm } from '../support/forms';
import {
  contractBody,
  created,
  createClientWithContact,
  maintenanceBody,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

let t: TestApp;
let w: ProjectWorld;
let parties: { clientId: number; contactId: number };
let pdf: number;
let technicalLead: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  parties = await createClientWithContact(t, w.admin, '枫蓝物业管理公司');
  pdf = await uploadPdf(t, w.admin);
  technicalLead = await t.login('jishu01', undefined, 'web');
}, 120_000);
afterAll(async () => t?.close());

const apply = (token: string, projectId: number, body: Record<string, unknown>) =>
  t.request('POST', `/api/projects/${projectId}/special-applications`, { token, body });

async function testingProject(extra: Record<string, unknown> = {}) {
  return (await created(t, w.admin, '/api/testing-projects', testingBody(w, parties, pdf, extra)))
    .id as number;
}

async function maintenanceProject() {
  const contract = await created(t, w.admin, '/api/maintenance-contracts', contractBody(parties, pdf));
  return (await created(t, w.admin, '/api/maintenance-projects', maintenanceBody(w, contract.id)))
    .id as number;
}

async function approvedProject(kind: 'testing' | 'maintenance', extra: Record<string, unknown> = {}) {
  const id = kind === 'testing' ? await testingProject(extra) : await maintenanceProject();
  const a = await apply(w.admin, id, {
    kind: 'direct_report_upload',
    reason: '保密单位，不能携带手机',
    fileIds: [pdf],
  });
  expect(a.status).toBe(201);
  expect(
    (await t.request('POST', `/api/special-applications/${a.body.id}/approve`, { token: w.brigade })).status,
  ).toBe(200);
  return id;
}

const photoForm = (buf: Buffer) => fileForm(buf, 'live.jpg', 'photo');

describe('特殊申请 (special application)', () => {
  it('applies with a reason; a testing project needs the client’s proof; one pending at a time', async () => {
    const id = await maintenanceProject();
    const noReason = await apply(w.admin, id, { kind: 'direct_report_upload', reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('原因');

    const testingId = await testingProject();
    const noProof = await apply(w.admin, testingId, { kind: 'direct_report_upload', reason: '保密单位' });
    expect(noProof.status).toBe(400);
    expect(noProof.body.error.field).toBe('fileIds');
    expect(noProof.body.error.message).toContain('甲方单位出具的证明材料');

    // Maintenance: 说明材料 is optional.
    const ok = await apply(w.admin, id, { kind: 'direct_report_upload', reason: '保密单位，不能携带手机' });
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('pending');
    expect(ok.body.statusLabel).toBe('待审核');
    const second = await apply(w.admin, id, { kind: 'direct_report_upload', reason: '再申请一次' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('待总队审核');

    const record = await t.request('GET', `/api/projects/${id}/special-applications`, { token: w.admin });
    expect(record.body.items.map((a: any) => a.id)).toEqual([ok.body.id]);
    expect(
      await OperationLog.count({
        where: { action: 'special_application.submitted', entityId: String(ok.body.id) },
      }),
    ).toBe(1);
  });

  it('refuses another institution’s project and another institution’s files', async () => {
    const id = await maintenanceProject();
    const foreign = await apply(w.otherAdmin, id, { kind: 'direct_report_upload', reason: '保密单位' });
    expect(foreign.status).toBe(403);
    const foreignFile = await uploadPdf(t, w.otherAdmin);
    const wrongFile = await apply(w.admin, id, {
      kind: 'direct_report_upload',
      reason: '保密单位',
      fileIds: [foreignFile],
    });
    expect(wrongFile.status).toBe(400);
    expect(wrongFile.body.error.field).toBe('fileIds');
    expect(
      (await t.request('GET', `/api/projects/${id}/special-applications`, { token: w.otherAdmin })).status,
    ).toBe(403);
  });

  it('only the brigade decides; approve sets 是否直传报告; a decided application is final', async () => {
    const id = await testingProject();
    const a = await apply(w.admin, id, { kind: 'direct_report_upload', reason: '保密单位', fileIds: [pdf] });
    for (const token of [w.admin, w.detachment, technicalLead])
      expect(
        (await t.request('POST', `/api/special-applications/${a.body.id}/approve`, { token })).status,
      ).toBe(403);
    expect((await t.request('GET', '/api/special-applications', { token: w.admin })).status).toBe(403);

    const queue = await t.request('GET', '/api/special-applications?status=pending', { token: w.brigade });
    const row = queue.body.items.find((x: any) => x.id === a.body.id);
    expect(row.projectName).toBe('枫蓝国际中心');
    expect(row.files).toHaveLength(1);

    const approved = await t.request('POST', `/api/special-applications/${a.body.id}/approve`, {
      token: w.brigade,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await Project.findByPk(id))!.directReportUpload).toBe(true);
    const detail = await t.request('GET', `/api/projects/${id}`, { token: w.admin });
    expect(detail.body.directReportUploadLabel).toBe('是');

    for (const [path, body] of [
      ['approve', undefined],
      ['reject', { reason: '材料不全' }],
    ] as const) {
      const again = await t.request('POST', `/api/special-applications/${a.body.id}/${path}`, {
        token: w.brigade,
        body,
      });
      // The machine's table (domain/workflow/special-application) refuses deciding a decided application.
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        `该特殊申请当前为“已通过”，不能${path === 'approve' ? '通过' : '驳回'}`,
      );
    }
    // Already allowed: no second application.
    expect(
      (await apply(w.admin, id, { kind: 'direct_report_upload', reason: '再次申请', fileIds: [pdf] })).status,
    ).toBe(409);
    expect(
      await OperationLog.count({
        where: { action: 'project.direct_report_upload_granted', entityId: String(id) },
      }),
    ).toBe(1);
  });

  it('reject needs a reason, keeps 直传 off, and frees the project for a new application', async () => {
    const id = await maintenanceProject();
    const a = await apply(w.admin, id, { kind: 'direct_report_upload', reason: '保密单位' });
    const noReason = await t.request('POST', `/api/special-applications/${a.body.id}/reject`, {
      token: w.brigade,
      body: { reason: '' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('驳回原因');
    const rejected = await t.request('POST', `/api/special-applications/${a.body.id}/reject`, {
      token: w.brigade,
      body: { reason: '请补充甲方证明' },
    });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.rejectReason).toBe('请补充甲方证明');
    expect((await Project.findByPk(id))!.directReportUpload).toBe(false);
    const approveRejected = await t.request('POST', `/api/special-applications/${a.body.id}/approve`, {
      token: w.brigade,
    });
    expect(approveRejected.status).toBe(409);
    expect(
      (await apply(w.admin, id, { kind: 'direct_report_upload', reason: '补充材料后再申请' })).status,
    ).toBe(201);
  });
});

describe('直接上传报告 (direct report upload)', () => {
  it('is refused without an approved special application', async () => {
    const id = await maintenanceProject();
    const res = await t.request('POST', `/api/projects/${id}/direct-reports/maintenance`, {
      token: w.admin,
      body: { planKind: 'month', planMonth: '2021-05', reportFileId: pdf, conclusion: '合格' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('特殊申请');
  });

  it('maintenance: month within the maintenance months, PDF only, one per plan month', async () => {
    const id = await approvedProject('maintenance');
    const url = `/api/projects/${id}/direct-reports/maintenance`;
    const body = {
      planKind: 'month',
      planMonth: '2021-05',
      reportFileId: pdf,
      conclusion: '消防设施运行正常',
    };
    const outside = await t.request('POST', url, { token: w.admin, body: { ...body, planMonth: '2022-04' } });
    expect(outside.status).toBe(400);
    expect(outside.body.error.field).toBe('planMonth');

    const png = new FormData();
    png.append('file', new Blob([new Uint8Array(await demoFacePhoto())]), 'report.pdf');
    const image = (await t.request('POST', '/api/files', { token: w.admin, form: png })).body.id;
    const notPdf = await t.request('POST', url, { token: w.admin, body: { ...body, reportFileId: image } });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.error.message).toContain('PDF');

    const wrongKind = await t.request('POST', `/api/projects/${id}/direct-reports/testing`, {
      token: w.admin,
      body: { planName: '年度检测计划', reportFileId: pdf, rawRecordFileId: pdf, conclusion: '合格' },
    });
    expect(wrongKind.status).toBe(409);

    const ok = await t.request('POST', url, { token: w.admin, body });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      projectName: '平安里',
      attributeLabel: '月计划',
      sourceLabel: '直接上传',
      status: 'uploaded',
      filedOn: null,
    });
    expect(ok.body.institutionName).toBeTruthy();
    expect(ok.body.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await t.request('POST', url, { token: w.admin, body })).status).toBe(409);
    expect((await t.request('POST', url, { token: w.otherAdmin, body })).status).toBe(403);
  });

  it('testing: only within the contract period, needs both PDFs', async () => {
    const expired = await approvedProject('testing');
    const body = {
      planName: '2026年度检测计划',
      reportFileId: pdf,
      rawRecordFileId: pdf,
      conclusion: '综合评定合格',
    };
    const late = await t.request('POST', `/api/projects/${expired}/direct-reports/testing`, {
      token: w.admin,
      body,
    });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain('已超过项目的检测期限');

    const current = await approvedProject('testing', {
      signedOn: '2026-01-01',
      contractStart: '2026-01-01',
      contractEnd: '2027-12-31',
    });
    const noRaw = await t.request('POST', `/api/projects/${current}/direct-reports/testing`, {
      token: w.admin,
      body: { ...body, rawRecordFileId: undefined },
    });
    expect(noRaw.status).toBe(400);
    expect(noRaw.body.error.message).toContain('上传原始记录');
    const ok = await t.request('POST', `/api/projects/${current}/direct-reports/testing`, {
      token: w.admin,
      body,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.attributeLabel).toBe('2026年度检测计划');
    expect(ok.body.rawRecordFileUrl).toBe(`/api/files/${pdf}`);
  });
});

describe('备案 (filing) with a face check', () => {
  it('technical lead files after a face check; filed reports are immutable and reach the detachment', async () => {
    const id = await approvedProject('maintenance');
    const report = (
      await t.request('POST', `/api/projects/${id}/direct-reports/maintenance`, {
        token: w.admin,
        body: { planKind: 'month', planMonth: '2021-06', reportFileId: pdf, conclusion: '正常' },
      })
    ).body;
    const live = await demoFacePhoto({ margin: 0.6, width: 300, brightness: 1.15 });

    // No approved face profile yet: no filing.
    const noProfile = await t.request('POST', `/api/reports/${report.id}/file`, {
      token: technicalLead,
      form: photoForm(live),
    });
    expect(noProfile.status).toBe(403);
    expect(noProfile.body.error.code).toBe('face_profile_not_approved');

    const up = await t.request('POST', '/api/face-profiles', {
      token: technicalLead,
      form: photoForm(await demoFacePhoto()),
    });
    expect(up.status).toBe(201);
    expect(
      (await t.request('POST', `/api/face-profiles/${up.body.id}/approve`, { token: w.brigade })).status,
    ).toBe(200);

    // Before filing the detachment sees nothing; only the technical lead files.
    const before = await t.request('GET', '/api/reports', { token: w.detachment });
    expect(before.body.items.map((r: any) => r.id)).not.toContain(report.id);
    expect((await t.request('GET', `/api/reports/${report.id}`, { token: w.detachment })).status).toBe(403);
    expect(
      (await t.request('POST', `/api/reports/${report.id}/file`, { token: w.admin, form: photoForm(live) }))
        .status,
    ).toBe(403);

    const stranger = await t.request('POST', `/api/reports/${report.id}/file`, {
      token: technicalLead,
      form: photoForm(await portraitOf('curlyBlonde')),
    });
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('face_mismatch');
    expect((await Report.findByPk(report.id))!.status).toBe('uploaded');
    expect(
      await OperationLog.count({
        where: { action: 'report.filing_face_refused', entityId: String(report.id) },
      }),
    ).toBe(1);

    const filed = await t.request('POST', `/api/reports/${report.id}/file`, {
      token: technicalLead,
      form: photoForm(live),
    });
    expect(filed.status).toBe(200);
    expect(filed.body.status).toBe('filed');
    expect(filed.body.filedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await OperationLog.count({ where: { action: 'report.filed', entityId: String(report.id) } })).toBe(
      1,
    );

    // Immutable: delete and replace refused with the manual's words; filing twice refused.
    const del = await t.request('DELETE', `/api/reports/${report.id}`, { token: w.admin });
    expect(del.status).toBe(409);
    expect(del.body.error.message).toBe('备案后的报告不能被删除和修改');
    const put = await t.request('PUT', `/api/reports/${report.id}`, {
      token: w.admin,
      body: { conclusion: '改一下' },
    });
    expect(put.status).toBe(409);
    expect(put.body.error.message).toBe('备案后的报告不能被删除和修改');
    const twice = await t.request('POST', `/api/reports/${report.id}/file`, {
      token: technicalLead,
      form: photoForm(live),
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('该报告已备案，不能重复备案');

    // The detachment of the project's jurisdiction sees it and opens the PDF; another detachment does not.
    const list = await t.request('GET', '/api/reports', { token: w.detachment });
    expect(list.body.items.map((r: any) => r.id)).toContain(report.id);
    expect(list.body.items.every((r: any) => r.status === 'filed' && r.detachmentId === w.dongcheng.id)).toBe(
      true,
    );
    expect((await t.request('GET', `/api/files/${pdf}`, { token: w.detachment })).status).toBe(200);
    await Project.update({ detachmentId: w.elsewhere.id }, { where: { id } });
    const moved = await t.request('GET', '/api/reports', { token: w.detachment });
    expect(moved.body.items.map((r: any) => r.id)).not.toContain(report.id);
    await Project.update({ detachmentId: w.dongcheng.id }, { where: { id } });
  }, 120_000);

  it('an unfiled report can be replaced or deleted by its institution admin', async () => {
    const id = await approvedProject('maintenance');
    const created = (
      await t.request('POST', `/api/projects/${id}/direct-reports/maintenance`, {
        token: w.admin,
        body: { planKind: 'quarter', planMonth: '2021-06', reportFileId: pdf, conclusion: '正常' },
      })
    ).body;
    const put = await t.request('PUT', `/api/reports/${created.id}`, {
      token: w.admin,
      body: { conclusion: '存在故障已整改' },
    });
    expect(put.status).toBe(200);
    expect(put.body.conclusion).toBe('存在故障已整改');
    expect((await t.request('DELETE', `/api/reports/${created.id}`, { token: w.otherAdmin })).status).toBe(
      403,
    );
    expect((await t.request('DELETE', `/api/reports/${created.id}`, { token: w.admin })).status).toBe(204);
    expect(await Report.findByPk(created.id)).toBeNull();
    expect(
      await OperationLog.count({ where: { action: 'report.deleted', entityId: String(created.id) } }),
    ).toBe(1);
  });
});

describe('special application and report policies, role by role', () => {
  type Role = 'brigade' | 'detachment' | 'admin' | 'otherAdmin' | 'technicalLead' | 'lead' | 'operator';
  const roles: Role[] = ['brigade', 'detachment', 'admin', 'otherAdmin', 'technicalLead', 'lead', 'operator'];
  let who: Record<Role, string>;
  let projectId: number;
  let applicationId: number;
  let reportId: number;
  beforeAll(async () => {
    who = {
      brigade: w.brigade,
      detachment: w.detachment,
      admin: w.admin,
      otherAdmin: w.otherAdmin,
      technicalLead,
      lead: w.projectLead,
      operator: await t.login('caozuo01'),
    };
    projectId = await approvedProject('maintenance');
    applicationId = (
      await t.request('GET', `/api/projects/${projectId}/special-applications`, { token: w.admin })
    ).body.items[0].id;
    reportId = (
      await t.request('POST', `/api/projects/${projectId}/direct-reports/maintenance`, {
        token: w.admin,
        body: { planKind: 'month', planMonth: '2021-07', reportFileId: pdf, conclusion: '正常' },
      })
    ).body.id;
  }, 120_000);

  // A refused call is 403 before the body is read; an allowed one reaches validation (400), the machine
  // (409) or the handler.
  const table: { call: string; method: string; path: () => string; body?: unknown; allowed: Role[] }[] = [
    { call: '审核列表', method: 'GET', path: () => '/api/special-applications', allowed: ['brigade'] },
    {
      call: '项目的申请记录',
      method: 'GET',
      path: () => `/api/projects/${projectId}/special-applications`,
      allowed: ['brigade', 'admin'],
    },
    {
      call: '提交特殊申请（空正文）',
      method: 'POST',
      path: () => `/api/projects/${projectId}/special-applications`,
      body: {},
      allowed: ['admin'],
    },
    {
      call: '通过已通过的申请',
      method: 'POST',
      path: () => `/api/special-applications/${applicationId}/approve`,
      allowed: ['brigade'],
    },
    {
      call: '直接上传报告（空正文）',
      method: 'POST',
      path: () => `/api/projects/${projectId}/direct-reports/maintenance`,
      body: {},
      allowed: ['admin'],
    },
    {
      call: '报告列表',
      method: 'GET',
      path: () => '/api/reports',
      allowed: ['brigade', 'detachment', 'admin', 'otherAdmin', 'technicalLead'],
    },
    {
      call: '未备案报告详情',
      method: 'GET',
      path: () => `/api/reports/${reportId}`,
      allowed: ['brigade', 'admin', 'technicalLead'],
    },
    {
      call: '修改报告（错误月份）',
      method: 'PUT',
      path: () => `/api/reports/${reportId}`,
      body: { planMonth: '2021-13' },
      allowed: ['admin'],
    },
    {
      call: '备案报告（无照片）',
      method: 'POST',
      path: () => `/api/reports/${reportId}/file`,
      allowed: ['technicalLead'],
    },
  ];
  for (const row of table)
    it(`${row.call}: ${row.allowed.join('、')} allowed, the rest refused`, async () => {
      const got: Record<string, boolean> = {};
      for (const role of roles) {
        const res = await t.request(row.method, row.path(), { token: who[role], body: row.body });
        expect(res.status, `${role} ${res.status} ${JSON.stringify(res.body?.error)}`).not.toBe(500);
        got[role] = res.status !== 403;
      }
      expect(got).toEqual(Object.fromEntries(roles.map((r) => [r, row.allowed.includes(r)])));
    });

  it('sends abilities by role and state', async () => {
    const asAdmin = await t.request('GET', `/api/reports/${reportId}`, { token: w.admin });
    expect(asAdmin.body.abilities).toEqual({ file: false, replace: true, delete: true, createRetest: false });
    const asLead = await t.request('GET', `/api/reports/${reportId}`, { token: technicalLead });
    expect(asLead.body.abilities).toEqual({ file: true, replace: false, delete: false, createRetest: false });
    const decided = await t.request('GET', `/api/special-applications/${applicationId}`, {
      token: w.brigade,
    });
    expect(decided.body.abilities).toEqual({ approve: false, reject: false });
  });
});
