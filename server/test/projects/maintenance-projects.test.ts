import { describe, expect, it } from 'vitest';
import { OperationLog } from '../../src/operation-log/model';
import { Project } from '../../src/projects/models';
import { RedFlag } from '../../src/red-flags/model';
import type { TestApp } from '../support/test-app';
import {
  buildingBody,
  endProject,
  maintenanceBody,
  maintenanceSuite,
  testingBody,
  uploadPdf,
} from './fixtures';
import type { Parties, ProjectWorld } from './fixtures';

let t: TestApp, w: ProjectWorld, parties: Parties, contractId: number;
maintenanceSuite('平安里物业管理公司', (s) => ({ t, w, parties, contractId } = s));

describe('maintenance projects (维保项目)', () => {
  let projectId: number;

  it("allows both of the manual's month ranges with one visit per month", async () => {
    const a = await t.request('POST', '/api/maintenance-projects', {
      token: w.admin,
      body: maintenanceBody(w, contractId),
    });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ kind: 'maintenance', firstMonth: '2021-04', maintenanceCount: 12 });
    expect(a.body.contractStart).toBe('2021-04-25');
    expect(a.body.clientName).toBe('平安里物业管理公司');
    projectId = a.body.id;
    const b = await t.request('POST', '/api/maintenance-projects', {
      token: w.admin,
      body: maintenanceBody(w, contractId, {
        siteName: '平安里二期',
        firstMonth: '2021-05',
        lastMonth: '2022-04',
      }),
    });
    expect(b.status).toBe(201);
  });

  it("refuses months outside the contract, a wrong count, the technical lead and another institution's contract", async () => {
    const count = await Project.count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ firstMonth: '2021-04', lastMonth: '2022-04', maintenanceCount: 13 }, 'lastMonth', '超过合同期限'],
      [{ firstMonth: '2021-03', lastMonth: '2022-02' }, 'firstMonth', '不能早于合同开始月份'],
      [{ firstMonth: '2021-06', lastMonth: '2022-05' }, 'lastMonth', '不能晚于合同结束月份'],
      [{ maintenanceCount: 11 }, 'maintenanceCount', '12'],
      [{ firstMonth: '2021-13' }, 'firstMonth', 'YYYY-MM'],
      [{ projectLeadAccountId: w.technicalLeadId }, 'projectLeadAccountId', '技术负责人不能担任项目负责人'],
      [
        { registryProjectId: w.registry.find((r) => r.kind === 'testing')!.id },
        'registryProjectId',
        '维保项目',
      ],
    ];
    for (const [extra, field, text] of cases) {
      const res = await t.request('POST', '/api/maintenance-projects', {
        token: w.admin,
        body: maintenanceBody(w, contractId, extra),
      });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain(text);
    }
    const foreign = await t.request('POST', '/api/maintenance-projects', {
      token: w.otherAdmin,
      body: maintenanceBody(w, contractId),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.field).toBe('contractId');
    expect(await Project.count()).toBe(count);
  });

  it("fire systems come from the pinned edition's maintenance catalog", async () => {
    const none = await t.request('GET', `/api/projects/${projectId}/fire-systems`, { token: w.admin });
    expect(none.body.added).toBe(false);
    const unknown = await t.request('PUT', `/api/projects/${projectId}/fire-systems`, {
      token: w.admin,
      body: { facilityIds: ['M.02.1.01', 'M.99.0.01'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('facilityIds');
    expect(unknown.body.error.message).toContain('M.99.0.01');
    const ok = await t.request('PUT', `/api/projects/${projectId}/fire-systems`, {
      token: w.admin,
      body: { facilityIds: ['M.02.1.01', 'M.02.1.02', 'M.15.0.01'] },
    });
    expect(ok.status).toBe(200);
    const alarm = ok.body.systems.find((s: any) => s.name === '火灾报警系统');
    expect(alarm.selected).toBe(true);
    expect(alarm.categories[0].facilities.filter((f: any) => f.selected).map((f: any) => f.name)).toEqual([
      '报警控制器',
      '火灾探测器',
    ]);
    expect(ok.body.systems.find((s: any) => s.name === '消防供水设施').selected).toBe(false);
    const row = (
      await t.request('GET', `/api/projects?contractId=${contractId}`, { token: w.admin })
    ).body.items.find((p: any) => p.id === projectId);
    expect(row.fireSystemsAddedLabel).toBe('已添加');
    const foreign = await t.request('PUT', `/api/projects/${projectId}/fire-systems`, {
      token: w.otherAdmin,
      body: { facilityIds: ['M.15.0.01'] },
    });
    expect(foreign.status).toBe(403);
  });

  it('a testing project has no fire-system selection (its scope is on the project)', async () => {
    const testing = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(w, parties, await uploadPdf(t, w.admin)),
    });
    const res = await t.request('PUT', `/api/projects/${testing.body.id}/fire-systems`, {
      token: w.admin,
      body: { facilityIds: ['M.15.0.01'] },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('kind');
  });

  it('geofence: radius 50–2000 m, WGS-84 stored as GCJ-02, and a move over 500 m raises a red flag', async () => {
    const tooSmall = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
      token: w.admin,
      body: { lng: 116.37, lat: 39.93, radius: 40 },
    });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body.error.field).toBe('radius');
    const first = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
      token: w.admin,
      body: { lng: 116.37, lat: 39.93, crs: 'WGS84' },
    });
    expect(first.status).toBe(200);
    expect(first.body.geofence).toMatchObject({
      crs: 'GCJ02',
      radius: 300,
      input: { lng: 116.37, lat: 39.93, crs: 'WGS84' },
    });
    expect(first.body.geofence.lng - 116.37).toBeGreaterThan(0.004);
    const gcj = first.body.geofence;
    // About 300 m north: a correction, not an anomaly.
    const small = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
      token: w.admin,
      body: { lng: gcj.lng, lat: gcj.lat + 0.0027, radius: 500 },
    });
    expect(small.body.movedMetres).toBeGreaterThan(250);
    expect(small.body.flagged).toBe(false);
    const flagsBefore = await RedFlag.count({ where: { kind: 'geofence_moved', subjectId: projectId } });
    expect(flagsBefore).toBe(0);
    // About 1.1 km: the tracked anomaly.
    const far = await t.request('PUT', `/api/projects/${projectId}/geofence`, {
      token: w.admin,
      body: { lng: gcj.lng, lat: gcj.lat + 0.0127 },
    });
    expect(far.body.flagged).toBe(true);
    expect(far.body.movedMetres).toBeGreaterThan(1000);
    const flags = await t.request(
      'GET',
      `/api/red-flags?kind=geofence_moved&subjectType=project&subjectId=${projectId}`,
      {
        token: w.brigade,
      },
    );
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0].reason).toContain('超过500米');
    const row = (await t.request('GET', `/api/projects/${projectId}`, { token: w.projectLead })).body;
    expect(row.geofenceMarkedLabel).toBe('已标注');
    expect(
      await OperationLog.count({ where: { action: 'project.geofence_marked', entityId: String(projectId) } }),
    ).toBe(3);
  });

  it('another institution is refused on every maintenance project endpoint', async () => {
    for (const [method, path, body] of [
      ['PUT', `/api/maintenance-projects/${projectId}`, maintenanceBody(w, contractId)],
      ['POST', `/api/projects/${projectId}/terminate`, { reason: '越权终止' }],
      ['GET', `/api/projects/${projectId}/fire-systems`],
      ['PUT', `/api/projects/${projectId}/fire-systems`, { facilityIds: ['M.15.0.01'] }],
      ['PUT', `/api/projects/${projectId}/geofence`, { lng: 116.4, lat: 39.9 }],
    ] as const) {
      const res = await t.request(method, path, { token: w.otherAdmin, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await Project.findByPk(projectId))!.status).toBe('in_progress');
  });

  it('terminate (终止) is maintenance-only and irreversible', async () => {
    const cancel = await endProject(t, w.admin, projectId, 'cancel', '注销维保项目');
    expect(cancel.status).toBe(409);
    const res = await endProject(t, w.admin, projectId, 'terminate', '甲方提前解除合同');
    expect(res.status).toBe(200);
    expect(res.body.statusLabel).toBe('已终止');
    const edit = await t.request('PUT', `/api/maintenance-projects/${projectId}`, {
      token: w.admin,
      body: maintenanceBody(w, contractId),
    });
    expect(edit.status).toBe(409);
    const addBuilding = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody(),
    });
    expect(addBuilding.status).toBe(409);
  });
});
