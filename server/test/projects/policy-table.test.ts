import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { Building } from '../../src/buildings/models';
import { MaintenanceContract, Project } from '../../src/projects/models';
import type { TestApp } from '../support/test-app';
import { buildingBody, contractBody, created, maintenanceBody, projectSuite, testingBody } from './fixtures';
import type { Parties, ProjectWorld } from './fixtures';

/**
 * The policy table of project entry, buildings, maintenance contracts and coverage, through HTTP: for every
 * route, which actors are let through and which are refused (403, or 400 naming the foreign party, and
 * nothing stored changes).
 *
 * "mine" rows are the demo institution's, in 东城 (the detachment's jurisdiction), led by xiangmu01; "theirs"
 * rows are the same institution's but in another jurisdiction and led by someone else, so the detachment
 * and the project lead are tried on a row of theirs and on one that is not.
 */
let t: TestApp, w: ProjectWorld, parties: Parties, fileId: number;
projectSuite('权限表甲方', (s) => ({ t, w, parties, fileId } = s));

type Target = 'mine' | 'theirs';
type ActorName =
  | 'brigade'
  | 'detachmentOwn'
  | 'detachmentOther'
  | 'adminOwn'
  | 'adminOther'
  | 'technicalLead'
  | 'leadOf'
  | 'leadNot'
  | 'operator';
const ACTORS: ActorName[] = [
  'brigade',
  'detachmentOwn',
  'detachmentOther',
  'adminOwn',
  'adminOther',
  'technicalLead',
  'leadOf',
  'leadNot',
  'operator',
];
/** Which rows each actor is tried on. */
const targetOf: Record<ActorName, Target> = {
  brigade: 'mine',
  detachmentOwn: 'mine',
  detachmentOther: 'theirs',
  adminOwn: 'mine',
  adminOther: 'mine',
  technicalLead: 'mine',
  leadOf: 'mine',
  leadNot: 'theirs',
  operator: 'mine',
};

interface Rows {
  testing: number;
  maintenance: number;
  building: number;
  cancellable: number;
  terminable: number;
}
let rows: Record<Target, Rows>;
let contractId: number;
let tokens: Record<ActorName, string>;

beforeAll(async () => {
  const otherLead = await Account.create({
    accountName: 'xiangmu09',
    passwordHash: 'x',
    kind: 'project_lead',
    displayName: '另一位项目负责人',
    institutionId: w.institutionId,
    mustChangePassword: false,
  });
  contractId = (await created(t, w.admin, '/api/maintenance-contracts', contractBody(parties, fileId))).id;
  const make = async (theirs: boolean): Promise<Rows> => {
    const site = theirs ? { detachmentId: w.elsewhere.id, projectLeadAccountId: otherLead.id } : {};
    const testing = (k: string) =>
      created(t, w.admin, '/api/testing-projects', testingBody(w, parties, fileId, { siteName: k, ...site }));
    const maintenance = (k: string) =>
      created(
        t,
        w.admin,
        '/api/maintenance-projects',
        maintenanceBody(w, contractId, { siteName: k, ...site }),
      );
    const p = await testing(theirs ? '他人检测项目' : '本人检测项目');
    return {
      testing: p.id,
      maintenance: (await maintenance(theirs ? '他人维保项目' : '本人维保项目')).id,
      building: (await created(t, w.admin, `/api/projects/${p.id}/buildings`, buildingBody())).id,
      cancellable: (await testing('待注销项目')).id,
      terminable: (await maintenance('待终止项目')).id,
    };
  };
  rows = { mine: await make(false), theirs: await make(true) };
  tokens = {
    brigade: w.brigade,
    detachmentOwn: w.detachment,
    detachmentOther: w.detachment,
    adminOwn: w.admin,
    adminOther: w.otherAdmin,
    technicalLead: await t.login('jishu01'),
    leadOf: w.projectLead,
    leadNot: w.projectLead,
    operator: await t.login('caozuo01'),
  };
});

/** Everything a refused request could have touched. */
async function stored() {
  const plain = { raw: true, order: [['id', 'ASC']] as [string, string][] };
  return JSON.stringify([
    await Project.findAll(plain),
    await Building.findAll(plain),
    await MaintenanceContract.findAll(plain),
  ]);
}

const readers: ActorName[] = ['brigade', 'detachmentOwn', 'adminOwn', 'technicalLead', 'leadOf'];
const adminOnly: ActorName[] = ['adminOwn'];

interface Case {
  name: string;
  method: string;
  path: (r: Rows) => string;
  body?: (r: Rows) => unknown;
  allowed: ActorName[];
  /** Refusals that are not 403: another institution may create, but not with this institution's parties. */
  refusedWith?: Partial<Record<ActorName, number>>;
}

const foreignParties = { refusedWith: { adminOther: 400 } };

const cases: Case[] = [
  {
    name: '项目列表',
    method: 'GET',
    path: () => '/api/projects',
    allowed: ACTORS.filter((a) => a !== 'operator'),
  },
  { name: '项目详情', method: 'GET', path: (r) => `/api/projects/${r.testing}`, allowed: readers },
  {
    name: '消防系统查看',
    method: 'GET',
    path: (r) => `/api/projects/${r.maintenance}/fire-systems`,
    allowed: readers,
  },
  {
    name: '建筑物列表',
    method: 'GET',
    path: (r) => `/api/projects/${r.testing}/buildings`,
    allowed: readers,
  },
  {
    name: '录入检测项目',
    method: 'POST',
    path: () => '/api/testing-projects',
    body: () => testingBody(w, parties, fileId, { siteName: '权限表新检测项目' }),
    allowed: adminOnly,
    ...foreignParties,
  },
  {
    name: '修改检测项目',
    method: 'PUT',
    path: (r) => `/api/testing-projects/${r.testing}`,
    body: () => testingBody(w, parties, fileId, { siteName: '越权修改' }),
    allowed: adminOnly,
  },
  {
    name: '录入维保项目',
    method: 'POST',
    path: () => '/api/maintenance-projects',
    body: () => maintenanceBody(w, contractId, { siteName: '权限表新维保项目' }),
    allowed: adminOnly,
    ...foreignParties,
  },
  {
    name: '修改维保项目',
    method: 'PUT',
    path: (r) => `/api/maintenance-projects/${r.maintenance}`,
    body: () => maintenanceBody(w, contractId, { siteName: '越权修改' }),
    allowed: adminOnly,
  },
  {
    name: '注销检测项目',
    method: 'POST',
    path: (r) => `/api/projects/${r.cancellable}/cancel`,
    body: () => ({ reason: '权限表注销' }),
    allowed: adminOnly,
  },
  {
    name: '终止维保项目',
    method: 'POST',
    path: (r) => `/api/projects/${r.terminable}/terminate`,
    body: () => ({ reason: '权限表终止' }),
    allowed: adminOnly,
  },
  {
    name: '标注项目位置',
    method: 'PUT',
    path: (r) => `/api/projects/${r.testing}/geofence`,
    body: () => ({ lng: 116.41, lat: 39.91 }),
    allowed: adminOnly,
  },
  {
    name: '消防系统录入',
    method: 'PUT',
    path: (r) => `/api/projects/${r.maintenance}/fire-systems`,
    body: () => ({ facilityIds: ['M.15.0.01'] }),
    allowed: adminOnly,
  },
  {
    name: '新建建筑物',
    method: 'POST',
    path: (r) => `/api/projects/${r.testing}/buildings`,
    body: () => buildingBody({ name: '权限表新楼' }),
    allowed: adminOnly,
  },
  {
    name: '修改建筑物',
    method: 'PUT',
    path: (r) => `/api/projects/${r.testing}/buildings/${r.building}`,
    body: () => buildingBody({ name: '越权改名' }),
    allowed: adminOnly,
  },
  {
    name: '删除建筑物',
    method: 'DELETE',
    path: (r) => `/api/projects/${r.testing}/buildings/${r.building}`,
    allowed: adminOnly,
  },
  {
    name: '维保合同列表',
    method: 'GET',
    path: () => '/api/maintenance-contracts',
    allowed: ['brigade', 'adminOwn', 'adminOther'],
  },
  {
    name: '维保合同详情',
    method: 'GET',
    path: () => `/api/maintenance-contracts/${contractId}`,
    allowed: ['brigade', 'adminOwn'],
  },
  {
    name: '录入维保合同',
    method: 'POST',
    path: () => '/api/maintenance-contracts',
    body: () => contractBody(parties, fileId),
    allowed: adminOnly,
    ...foreignParties,
  },
  {
    name: '修改维保合同',
    method: 'PUT',
    path: () => `/api/maintenance-contracts/${contractId}`,
    body: () => contractBody(parties, fileId, { contractEnd: '2022-05-31' }),
    allowed: adminOnly,
  },
  {
    name: '机构在线执业覆盖率',
    method: 'GET',
    path: () => `/api/institutions/${w.institutionId}/coverage`,
    allowed: ['brigade', 'detachmentOwn', 'detachmentOther', 'adminOwn', 'technicalLead'],
  },
  {
    name: '各机构在线执业覆盖率',
    method: 'GET',
    path: () => '/api/coverage',
    allowed: ['brigade', 'detachmentOwn', 'detachmentOther'],
  },
];

describe('policy table of project entry (项目录入权限表)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const refused = ACTORS.filter((a) => !c.allowed.includes(a));
    for (const actor of refused) {
      const r = rows[targetOf[actor]];
      const before = await stored();
      const res = await t.request(c.method, c.path(r), { token: tokens[actor], body: c.body?.(r) });
      expect(res.status, `${actor} ${c.method} ${c.path(r)}`).toBe(c.refusedWith?.[actor] ?? 403);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await stored(), `${actor} changed something`).toBe(before);
    }
    // Allowed actors last: for a change only the institution admin is let through, after every refusal.
    for (const actor of c.allowed) {
      const r = rows[targetOf[actor]];
      const res = await t.request(c.method, c.path(r), { token: tokens[actor], body: c.body?.(r) });
      expect([200, 201, 204], `${actor} ${c.method} ${c.path(r)}: ${JSON.stringify(res.body)}`).toContain(
        res.status,
      );
    }
  });

  it('answers 404 for a project, building or contract that does not exist', async () => {
    for (const path of [
      '/api/projects/999999',
      `/api/projects/${rows.mine.testing}/buildings/999999`,
      '/api/maintenance-contracts/999999',
    ]) {
      const method = path.includes('/buildings/') ? 'DELETE' : 'GET';
      const res = await t.request(method, path, { token: w.admin });
      expect(res.status, path).toBe(404);
    }
  });

  it('lists only the rows each actor may read', async () => {
    const ids = async (actor: ActorName) =>
      (await t.request('GET', '/api/projects?pageSize=100', { token: tokens[actor] })).body.items.map(
        (p: any) => p.id,
      );
    const { mine, theirs } = rows;
    expect(await ids('brigade')).toEqual(expect.arrayContaining([mine.testing, theirs.testing]));
    expect(await ids('adminOwn')).toEqual(expect.arrayContaining([mine.testing, theirs.testing]));
    expect(await ids('technicalLead')).toEqual(expect.arrayContaining([mine.testing, theirs.testing]));
    const detachment = await ids('detachmentOwn');
    expect(detachment).toContain(mine.testing);
    expect(detachment).not.toContain(theirs.testing);
    const lead = await ids('leadOf');
    expect(lead).toContain(mine.testing);
    expect(lead).not.toContain(theirs.testing);
    expect(await ids('adminOther')).not.toContain(mine.testing);
  });

  it('sends on each row what the actor may do with it', async () => {
    const detail = async (actor: ActorName, id: number) =>
      (await t.request('GET', `/api/projects/${id}`, { token: tokens[actor] })).body.abilities;
    expect(await detail('adminOwn', rows.mine.maintenance)).toMatchObject({
      update: true,
      cancel: false,
      terminate: true,
      setFireSystems: true,
    });
    expect(await detail('brigade', rows.mine.maintenance)).toMatchObject({
      update: false,
      terminate: false,
      manageBuildings: false,
    });
    // The testing project cancelled by the table above can no longer be changed by anyone.
    expect(await detail('adminOwn', rows.mine.cancellable)).toEqual({
      update: false,
      cancel: false,
      terminate: false,
      markGeofence: false,
      setFireSystems: false,
      manageBuildings: false,
    });
    const contract = await t.request('GET', `/api/maintenance-contracts/${contractId}`, { token: w.brigade });
    expect(contract.body.abilities).toEqual({ update: false });
  });
});
