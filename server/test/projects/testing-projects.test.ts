import { beforeAll, describe, expect, it } from 'vitest';
import { OperationLog } from '../../src/operation-log/model';
import { Project } from '../../src/projects/models';
import type { TestApp } from '../support/test-app';
import {
  buildingBody,
  createClientWithContact,
  endProject,
  projectSuite,
  testingBody,
  uploadPdf,
} from './fixtures';
import type { Parties, ProjectWorld } from './fixtures';

let t: TestApp, w: ProjectWorld, parties: Parties, fileId: number;
projectSuite('枫蓝国际中心物业管理公司', (s) => ({ t, w, parties, fileId } = s));

describe('testing projects (检测项目)', () => {
  it('creates a project pinned to the edition in force, linked to a registry testing project and a social unit', async () => {
    const registry = w.registry.find((r) => r.kind === 'testing')!;
    const before = await OperationLog.count({ where: { action: 'project.created' } });
    const res = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, {
        socialUnitId: w.dongchengUnit.id,
        registryProjectId: registry.id,
        detachmentId: undefined,
        address: undefined,
        district: undefined,
        siteUscc: undefined,
      }),
    });
    expect(res.status).toBe(201);
    expect(res.body.editionId).toBe('GB25201-2010+京检测评定');
    expect(res.body.statusLabel).toBe('进行中');
    expect(res.body.directReportUpload).toBe(false);
    // The social unit's jurisdiction, address and credit code fill what was left out.
    expect(res.body.detachmentId).toBe(w.dongcheng.id);
    expect(res.body.address).toBe(w.dongchengUnit.address);
    expect(res.body.siteUscc).toBe(w.dongchengUnit.uscc);
    expect(res.body.registryProject.id).toBe(registry.id);
    expect(res.body.testingTypeLabel).toBe('年度检测');
    expect(res.body.attachments[0].kindLabel).toBe('检测范围页');
    expect(await OperationLog.count({ where: { action: 'project.created' } })).toBe(before + 1);

    const again = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, { registryProjectId: registry.id }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('registryProjectId');
  });

  it('refuses every broken rule with the field named and stores nothing', async () => {
    const maintenanceRegistry = w.registry.find((r) => r.kind === 'maintenance')!;
    const otherClient = await createClientWithContact(t, w.otherAdmin, '他人的甲方');
    const otherFile = await uploadPdf(t, w.otherAdmin);
    const count = await Project.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ projectLeadAccountId: w.technicalLeadId }, 'projectLeadAccountId', '技术负责人不能担任项目负责人'],
      [otherClient, 'clientId', '甲方单位'],
      [{ contactId: otherClient.contactId }, 'contactId', '甲方联系人'],
      [{ attachments: [{ fileId, kind: 'contract' }] }, 'attachments', '检测范围页'],
      [{ attachments: [{ fileId: otherFile, kind: 'testing_scope' }] }, 'attachments', '本机构'],
      [{ scope: ['消防电梯', '不存在的系统'] }, 'scope', '不存在的系统'],
      [{ registryProjectId: maintenanceRegistry.id }, 'registryProjectId', '检测项目'],
      [{ detachmentId: null }, 'detachmentId', '项目场所消防管辖'],
      [{ siteUscc: '911100001234567890' }, 'siteUscc', '统一社会信用代码'],
      [{ signedOn: '2010-01-01' }, 'signedOn', '标准版本'],
      [{ contractEnd: '2024-01-01' }, 'contractEnd', '合同结束日期'],
      [{ testingType: 'weekly' }, 'testingType', '检测类型'],
      [{ clientId: 'abc' }, 'clientId', '甲方单位'],
    ];
    for (const [extra, field, text] of cases) {
      const res = await t.request('POST', '/api/testing-projects', {
        token: w.admin,
        body: testingBody(w, parties, fileId, extra),
      });
      expect(res.status, JSON.stringify(extra)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
      expect(res.body.error.message).toContain(text);
    }
    expect(await Project.count()).toBe(count);
  });

  it('only the institution admin creates; a project lead cannot', async () => {
    const res = await t.request('POST', '/api/testing-projects', {
      token: w.projectLead,
      body: testingBody(w, parties, fileId),
    });
    expect(res.status).toBe(403);
  });

  it('cancel (注销) is testing-only, needs a reason, records who, and freezes the project', async () => {
    const created = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, { siteName: '将被注销的项目' }),
    });
    const id = created.body.id;
    const terminate = await endProject(t, w.admin, id, 'terminate', '合同解除');
    expect(terminate.status).toBe(409);
    const noReason = await t.request('POST', `/api/projects/${id}/cancel`, { token: w.admin, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const foreign = await endProject(t, w.otherAdmin, id, 'cancel', '不是我的');
    expect(foreign.status).toBe(403);

    const cancel = await endProject(t, w.admin, id, 'cancel', '超过检测期限，重新录入');
    expect(cancel.status).toBe(200);
    expect(cancel.body.statusLabel).toBe('已注销');
    expect(cancel.body.ended.reason).toBe('超过检测期限，重新录入');
    expect(cancel.body.ended.byName).toContain('jigou01');

    const edit = await t.request('PUT', `/api/testing-projects/${id}`, {
      token: w.admin,
      body: testingBody(w, parties, fileId, { siteName: '改名' }),
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('已注销');
    const twice = await endProject(t, w.admin, id, 'cancel', '再次注销');
    expect(twice.status).toBe(409);
    const fence = await t.request('PUT', `/api/projects/${id}/geofence`, {
      token: w.admin,
      body: { lng: 116.4, lat: 39.9 },
    });
    expect(fence.status).toBe(409);
    expect((await Project.findByPk(id))!.siteName).toBe('将被注销的项目');
    expect(await OperationLog.count({ where: { action: 'project.cancelled', entityId: String(id) } })).toBe(
      1,
    );
  });

  it('updates a running project (the pinned edition stays) and logs before/after', async () => {
    const created = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, fileId, { siteName: '待修改项目' }),
    });
    const res = await t.request('PUT', `/api/testing-projects/${created.body.id}`, {
      token: w.admin,
      body: testingBody(w, parties, fileId, {
        siteName: '已修改项目',
        signedOn: '2024-04-01',
        scope: ['A.8'],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body.siteName).toBe('已修改项目');
    expect(res.body.scope).toEqual(['A.8']);
    expect(res.body.editionId).toBe(created.body.editionId);
    const log = await OperationLog.findOne({
      where: { action: 'project.updated', entityId: String(created.body.id) },
    });
    expect((log!.before as any).siteName ?? JSON.parse(log!.before as any).siteName).toBe('待修改项目');
  });

  it('a client in use by a project cannot be deleted; an unused one can', async () => {
    const used = await t.request('DELETE', `/api/clients/${parties.clientId}`, { token: w.admin });
    expect(used.status).toBe(409);
    expect(used.body.error.message).toContain('不能删除');
    const usedContact = await t.request(
      'DELETE',
      `/api/clients/${parties.clientId}/contacts/${parties.contactId}`,
      {
        token: w.admin,
      },
    );
    expect(usedContact.status).toBe(409);
    const spare = await createClientWithContact(t, w.admin, '无项目的甲方');
    const gone = await t.request('DELETE', `/api/clients/${spare.clientId}`, { token: w.admin });
    expect(gone.status).toBe(204);
    expect((await t.request('GET', `/api/clients/${spare.clientId}`, { token: w.admin })).status).toBe(404);
  });
});

describe('who sees which project', () => {
  let inDongcheng: number;
  let elsewhere: number;
  beforeAll(async () => {
    inDongcheng = (
      await t.request('POST', '/api/testing-projects', {
        token: w.admin,
        body: testingBody(w, parties, fileId, { siteName: '东城可见项目' }),
      })
    ).body.id;
    elsewhere = (
      await t.request('POST', '/api/testing-projects', {
        token: w.admin,
        body: testingBody(w, parties, fileId, { siteName: '其他支队项目', detachmentId: w.elsewhere.id }),
      })
    ).body.id;
  });

  it('the detachment sees only projects of its jurisdiction (管辖归属)', async () => {
    const list = await t.request('GET', '/api/projects?pageSize=200', { token: w.detachment });
    const ids = list.body.items.map((p: any) => p.id);
    expect(ids).toContain(inDongcheng);
    expect(ids).not.toContain(elsewhere);
    for (const p of list.body.items) expect(p.detachmentId).toBe(w.dongcheng.id);
    expect((await t.request('GET', `/api/projects/${inDongcheng}`, { token: w.detachment })).status).toBe(
      200,
    );
    expect((await t.request('GET', `/api/projects/${elsewhere}`, { token: w.detachment })).status).toBe(403);
    expect(
      (await t.request('GET', `/api/projects/${elsewhere}/buildings`, { token: w.detachment })).status,
    ).toBe(403);
  });

  it('the detachment downloads the contract attachments of its own projects only', async () => {
    const mine = (await t.request('GET', `/api/projects/${inDongcheng}`, { token: w.detachment })).body;
    const attachment = mine.attachments[0].fileId ?? mine.attachments[0].id;
    expect((await t.request('GET', `/api/files/${attachment}`, { token: w.detachment })).status).toBe(200);
    const foreignFile = await uploadPdf(t, w.otherAdmin);
    expect((await t.request('GET', `/api/files/${foreignFile}`, { token: w.detachment })).status).toBe(403);
  });

  it('the brigade sees all and filters by 管辖归属; the project lead sees the projects they lead', async () => {
    const all = await t.request('GET', `/api/projects?pageSize=200&detachmentId=${w.elsewhere.id}`, {
      token: w.brigade,
    });
    expect(all.body.items.map((p: any) => p.id)).toEqual([elsewhere]);
    const lead = await t.request('GET', '/api/projects?pageSize=200', { token: w.projectLead });
    expect(lead.body.items.map((p: any) => p.id)).toEqual(expect.arrayContaining([inDongcheng, elsewhere]));
    for (const p of lead.body.items) expect(p.projectLeadAccountId).toBe(w.leadId);
  });

  it('another institution is refused on every project endpoint', async () => {
    const body = testingBody(w, parties, fileId);
    const building = buildingBody();
    for (const [method, path, b] of [
      ['GET', `/api/projects/${inDongcheng}`],
      ['PUT', `/api/testing-projects/${inDongcheng}`, body],
      ['POST', `/api/projects/${inDongcheng}/cancel`, { reason: '越权注销' }],
      ['PUT', `/api/projects/${inDongcheng}/geofence`, { lng: 116.4, lat: 39.9 }],
      ['GET', `/api/projects/${inDongcheng}/buildings`],
      ['POST', `/api/projects/${inDongcheng}/buildings`, building],
    ] as const) {
      const res = await t.request(method, path, { token: w.otherAdmin, body: b });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const list = await t.request('GET', '/api/projects?pageSize=200', { token: w.otherAdmin });
    expect(list.body.items.map((p: any) => p.id)).not.toContain(inDongcheng);
    const op = await t.login('caozuo01');
    expect((await t.request('GET', '/api/projects', { token: op })).status).toBe(403);
  });

  it('searches by 项目名称, 甲方名称, 省/市, 状态 and 项目类型', async () => {
    const q = async (qs: string) =>
      (await t.request('GET', `/api/projects?pageSize=200&${qs}`, { token: w.admin })).body.items.map(
        (p: any) => p.id,
      );
    expect(await q(`name=${encodeURIComponent('东城可见')}`)).toEqual([inDongcheng]);
    expect(await q(`clientName=${encodeURIComponent('枫蓝')}`)).toEqual(
      expect.arrayContaining([inDongcheng, elsewhere]),
    );
    expect(await q(`clientName=${encodeURIComponent('没有这个甲方')}`)).toEqual([]);
    expect(
      await q(`province=${encodeURIComponent('北京市')}&city=${encodeURIComponent('市辖区')}`),
    ).toContain(inDongcheng);
    expect(await q('status=cancelled')).not.toContain(inDongcheng);
    expect(await q('kind=maintenance')).not.toContain(inDongcheng);
    const page = await t.request('GET', '/api/projects?pageSize=1&page=2', { token: w.admin });
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(2);
    const row = (
      await t.request('GET', `/api/projects?name=${encodeURIComponent('东城可见')}`, { token: w.admin })
    ).body.items[0];
    expect(row).toMatchObject({
      buildingsAddedLabel: '未添加',
      geofenceMarkedLabel: '去标注',
      directReportUploadLabel: '否',
    });
  });
});
