import { beforeAll, describe, expect, it } from 'vitest';
import { Building } from '../../src/buildings/models';
import { OperationLog } from '../../src/operation-log/model';
import type { TestApp } from '../support/test-app';
import { buildingBody, created, endProject, maintenanceBody, maintenanceSuite } from '../projects/fixtures';
import type { ProjectWorld } from '../projects/fixtures';

let t: TestApp, w: ProjectWorld, contractId: number;
maintenanceSuite('平安里物业管理公司', (s) => ({ t, w, contractId } = s));
let projectId: number;
beforeAll(async () => {
  projectId = (await created(t, w.admin, '/api/maintenance-projects', maintenanceBody(w, contractId))).id;
});

describe('buildings (建筑物)', () => {
  it('buildings: 建筑面积 must equal 地上 + 地下; the list then shows 已添加', async () => {
    const wrong = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody({ totalArea: 4000 }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('totalArea');
    expect(wrong.body.error.message).toContain('地上面积与地下面积之和');
    const badTank = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody({ waterSupplies: [{ kind: 'fire_tank', location: '屋顶', capacity: 0 }] }),
    });
    expect(badTank.status).toBe(400);
    expect(badTank.body.error.message).toContain('容量');
    expect(await Building.count()).toBe(0);

    const ok = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody(),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.waterSupplies[0]).toMatchObject({ kindLabel: '消防水池', capacity: 540 });
    const edited = await t.request('PUT', `/api/projects/${projectId}/buildings/${ok.body.id}`, {
      token: w.admin,
      body: buildingBody({ name: '1号楼（南区）', remark: '合同只含南区' }),
    });
    expect(edited.body.remark).toBe('合同只含南区');
    const second = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody({ name: '2号楼', totalArea: 1200.5, aboveGroundArea: 1200.5, belowGroundArea: 0 }),
    });
    const list = await t.request('GET', `/api/projects/${projectId}/buildings`, { token: w.detachment });
    expect(list.body.totalArea).toBe(6200.5);
    // 新建 by the list's abilities: the institution's admin may add, the detachment only reads.
    expect(list.body.abilities).toEqual({ create: false });
    const mine = await t.request('GET', `/api/projects/${projectId}/buildings`, { token: w.admin });
    expect(mine.body.abilities).toEqual({ create: true });
    const del = await t.request('DELETE', `/api/projects/${projectId}/buildings/${second.body.id}`, {
      token: w.admin,
    });
    expect(del.status).toBe(204);
    const row = (
      await t.request('GET', `/api/projects?contractId=${contractId}`, { token: w.admin })
    ).body.items.find((p: any) => p.id === projectId);
    expect(row.buildingsAddedLabel).toBe('已添加');
    expect(await OperationLog.count({ where: { entityType: 'building' } })).toBe(4);
  });

  it('another institution can neither read nor change the buildings; nothing changes', async () => {
    const b = (await Building.findOne({ where: { projectId } }))!;
    for (const [method, path, body] of [
      ['GET', `/api/projects/${projectId}/buildings`],
      ['POST', `/api/projects/${projectId}/buildings`, buildingBody()],
      ['PUT', `/api/projects/${projectId}/buildings/${b.id}`, buildingBody({ name: '越权改名' })],
      ['DELETE', `/api/projects/${projectId}/buildings/${b.id}`],
    ] as const) {
      const res = await t.request(method, path, { token: w.otherAdmin, body });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await Building.count({ where: { projectId } })).toBe(1);
    expect((await Building.findByPk(b.id))!.name).toBe(b.name);
  });

  it('a terminated project keeps its buildings as they are', async () => {
    const b = (await Building.findOne({ where: { projectId } }))!;
    const end = await endProject(t, w.admin, projectId, 'terminate', '甲方提前解除合同');
    expect(end.status).toBe(200);
    const add = await t.request('POST', `/api/projects/${projectId}/buildings`, {
      token: w.admin,
      body: buildingBody(),
    });
    expect(add.status).toBe(409);
    const edit = await t.request('PUT', `/api/projects/${projectId}/buildings/${b.id}`, {
      token: w.admin,
      body: buildingBody({ name: '终止后改名' }),
    });
    expect(edit.status).toBe(409);
    const del = await t.request('DELETE', `/api/projects/${projectId}/buildings/${b.id}`, { token: w.admin });
    expect(del.status).toBe(409);
    expect((await Building.findByPk(b.id))!.name).toBe(b.name);
    const list = (await t.request('GET', `/api/projects/${projectId}/buildings`, { token: w.admin })).body;
    expect(list.items[0].abilities).toEqual({ update: false, delete: false });
    expect(list.abilities).toEqual({ create: false });
  });
});
