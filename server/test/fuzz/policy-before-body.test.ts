import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { hashPassword } from '../../src/auth/passwords';
import { Building } from '../../src/buildings/models';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { FaceProfile } from '../../src/face-profiles/models';
import { Institution } from '../../src/institutions/models';
import { OperationLog } from '../../src/operation-log/model';
import { allRoutes } from '../../src/routes';
import { MaintenanceContract, Project } from '../../src/projects/models';
import { WorkLog } from '../../src/work-logs/model';
import {
  contractBody,
  createClientWithContact,
  created,
  maintenanceBody,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 9 §2: permission is decided on the row before the body is validated. A foreign actor (another
 * institution, another project's lead, a kind the rule does not name) sending an INVALID body gets 403 and
 * nothing stored changes; the owner sending the same body gets 400. Were the body validated first, both
 * would get 400 and the foreign actor would learn the row exists and what the route takes.
 * One or more routes per feature; the site-request decisions are covered by test/site-requests/policy-table.
 * The face-review and work-log rules name account kinds only, so there the router's kind check already
 * refuses before the body; the rest are decided on the loaded row.
 */
let t: TestApp;
let w: ProjectWorld;
let otherLead: string;
let operator: string;
const ids = {} as Record<
  'staff' | 'testing' | 'maintenance' | 'contract' | 'faceProfile' | 'operator',
  number
>;

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  const parties = await createClientWithContact(t, w.admin, '先权限后正文甲方');
  const fileId = await uploadPdf(t, w.admin);
  ids.testing = (await created(t, w.admin, '/api/testing-projects', testingBody(w, parties, fileId))).id;
  ids.contract = (await created(t, w.admin, '/api/maintenance-contracts', contractBody(parties, fileId))).id;
  ids.maintenance = (
    await created(t, w.admin, '/api/maintenance-projects', maintenanceBody(w, ids.contract))
  ).id;
  ids.staff = (await Account.findOne({ where: { accountName: 'jishu01' } }))!.id;
  ids.operator = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!.id;
  // A face profile awaiting review, and the operator's approved face (work logs need one).
  ids.faceProfile = (
    await FaceProfile.create({ accountId: w.leadId, fileId, status: 'pending', submittedAt: new Date() })
  ).id;
  await FaceProfile.create({
    accountId: ids.operator,
    fileId,
    status: 'approved',
    submittedAt: new Date(),
    reviewedAt: new Date(),
  });
  await Account.create({
    accountName: 'xiangmu95',
    passwordHash: await hashPassword(DEMO_PASSWORD, 4),
    kind: 'project_lead',
    displayName: '测试其他项目负责人',
    institutionId: w.institutionId,
    mustChangePassword: false,
  });
  otherLead = await t.login('xiangmu95', DEMO_PASSWORD, 'weapp');
  operator = await t.login('caozuo01', DEMO_PASSWORD, 'app');
}, 120_000);
afterAll(async () => t?.close());

interface Case {
  route: string;
  method: string;
  path: () => string;
  foreign: () => string;
  owner: () => string;
  body: unknown;
  /** What the route would change, read straight from the database. */
  state: () => Promise<unknown>;
}
const row = (find: () => Promise<{ toJSON(): object } | null>) => async () => (await find())?.toJSON();
const project = () => row(() => Project.findByPk(ids.testing));

const cases: Case[] = [
  {
    route: 'POST /accounts/:id/reset-password（他机构管理员）',
    method: 'POST',
    path: () => `/api/accounts/${ids.staff}/reset-password`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { password: '1' },
    state: row(() => Account.findByPk(ids.staff)),
  },
  {
    route: 'PUT /institutions/:id/office-address（他机构管理员）',
    method: 'PUT',
    path: () => `/api/institutions/${w.institutionId}/office-address`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { lng: '东经', lat: 999 },
    state: row(() => Institution.findByPk(w.institutionId)),
  },
  {
    route: 'POST /face-profiles/:id/reject（机构管理员不审核人脸）',
    method: 'POST',
    path: () => `/api/face-profiles/${ids.faceProfile}/reject`,
    foreign: () => w.admin,
    owner: () => w.brigade,
    body: { reason: 42 },
    state: row(() => FaceProfile.findByPk(ids.faceProfile)),
  },
  {
    route: 'PUT /work-logs/:idempotencyKey（项目负责人不写工作日志）',
    method: 'PUT',
    path: () => '/api/work-logs/policy-first-log-1',
    foreign: () => w.projectLead,
    owner: () => operator,
    body: { content: 7 },
    state: () => WorkLog.count(),
  },
  {
    route: 'PUT /maintenance-contracts/:id（他机构管理员）',
    method: 'PUT',
    path: () => `/api/maintenance-contracts/${ids.contract}`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { contractStart: '不是日期' },
    state: row(() => MaintenanceContract.findByPk(ids.contract)),
  },
  {
    route: 'PUT /testing-projects/:id（他机构管理员）',
    method: 'PUT',
    path: () => `/api/testing-projects/${ids.testing}`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { siteName: '' },
    state: project(),
  },
  {
    route: 'PUT /maintenance-projects/:id（他机构管理员）',
    method: 'PUT',
    path: () => `/api/maintenance-projects/${ids.maintenance}`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { maintenanceCount: -1 },
    state: row(() => Project.findByPk(ids.maintenance)),
  },
  {
    route: 'POST /projects/:id/cancel（他机构管理员）',
    method: 'POST',
    path: () => `/api/projects/${ids.testing}/cancel`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { reason: '' },
    state: project(),
  },
  {
    route: 'PUT /projects/:id/geofence（他机构管理员）',
    method: 'PUT',
    path: () => `/api/projects/${ids.testing}/geofence`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { lng: 'x', lat: 'y', radius: -5 },
    state: project(),
  },
  {
    route: 'POST /projects/:id/buildings（他机构管理员）',
    method: 'POST',
    path: () => `/api/projects/${ids.testing}/buildings`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { name: '', totalArea: '很大' },
    state: () => Building.count({ where: { projectId: ids.testing } }),
  },
  {
    route: 'PUT /projects/:id/testing-plan/assignments（非本项目负责人）',
    method: 'PUT',
    path: () => `/api/projects/${ids.testing}/testing-plan/assignments`,
    foreign: () => otherLead,
    owner: () => w.projectLead,
    body: { assignments: '全部' },
    state: project(),
  },
  {
    route: 'POST /projects/:id/maintenance-plans（非本项目负责人）',
    method: 'POST',
    path: () => `/api/projects/${ids.maintenance}/maintenance-plans`,
    foreign: () => otherLead,
    owner: () => w.projectLead,
    body: { month: 13 },
    state: row(() => Project.findByPk(ids.maintenance)),
  },
  {
    route: 'POST /projects/:id/special-applications（他机构管理员）',
    method: 'POST',
    path: () => `/api/projects/${ids.testing}/special-applications`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { kind: '不存在的申请' },
    state: project(),
  },
  {
    route: 'POST /projects/:id/direct-reports/testing（他机构管理员）',
    method: 'POST',
    path: () => `/api/projects/${ids.testing}/direct-reports/testing`,
    foreign: () => w.otherAdmin,
    owner: () => w.admin,
    body: { reportFileId: 'abc' },
    state: project(),
  },
];

describe('permission before the body: a foreign actor with an invalid body gets 403, the owner 400', () => {
  for (const c of cases)
    it(c.route, async () => {
      const before = await c.state();
      const logs = await OperationLog.count();
      const refused = await t.request(c.method, c.path(), { token: c.foreign(), body: c.body });
      expect(refused.status, JSON.stringify(refused.body)).toBe(403);
      expect(refused.body.error.field ?? null).toBeNull();
      expect(await c.state()).toEqual(before);
      expect(await OperationLog.count()).toBe(logs);

      const invalid = await t.request(c.method, c.path(), { token: c.owner(), body: c.body });
      expect(invalid.status, JSON.stringify(invalid.body)).toBe(400);
      expect(invalid.body.error.code).toBe('validation_failed');
      expect(await c.state()).toEqual(before);
    });
});

describe('every route that takes a row and a body names its policy', () => {
  it('no route with path parameters and a body (or upload) is left to validate the body first', () => {
    const unguarded = allRoutes
      .filter((r) => r.path.includes(':') && (r.body || r.upload) && r.auth !== 'public' && !r.policy)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(unguarded).toEqual([]);
  });
});
