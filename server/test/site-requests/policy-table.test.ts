import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { hashPassword } from '../../src/auth/passwords';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { testDialect } from '../support/test-app';
import { fieldWorld, type FieldWorld } from './field-world';

/**
 * The field routes' policies through HTTP: every role, own vs other institution, the project's
 * jurisdiction vs another detachment, the project's lead vs another lead. A refused call is 403 before
 * the body is read; an allowed one reaches validation or the handler (so an empty body gives 400).
 */
let f: FieldWorld;
let who: Record<Role, string>;
let requestId: number;

type Role =
  | 'brigade'
  | 'detachment'
  | 'otherDetachment'
  | 'admin'
  | 'otherAdmin'
  | 'technicalLead'
  | 'lead'
  | 'otherLead'
  | 'operator';
const roles: Role[] = [
  'brigade',
  'detachment',
  'otherDetachment',
  'admin',
  'otherAdmin',
  'technicalLead',
  'lead',
  'otherLead',
  'operator',
];

beforeAll(async () => {
  f = await fieldWorld();
  await Account.create({
    accountName: 'zhidui99',
    passwordHash: await hashPassword(DEMO_PASSWORD, 4),
    kind: 'detachment',
    displayName: '其他支队',
    detachmentId: f.w.elsewhere.id,
    mustChangePassword: false,
  });
  who = {
    brigade: f.w.brigade,
    detachment: f.w.detachment,
    otherDetachment: await f.t.login('zhidui99'),
    admin: f.w.admin,
    otherAdmin: f.w.otherAdmin,
    technicalLead: await f.t.login('jishu01'),
    lead: f.tokens.lead,
    otherLead: f.tokens.otherLead,
    operator: f.tokens.caozuo01,
  };
  const task = await f.createTask(f.tokens.caozuo01, { planSingleItemIds: f.singles[0] });
  expect(task.status).toBe(201);
  requestId = task.body.startRequest.id;
}, 180_000);
afterAll(async () => f?.t.close());

const table: { call: string; method: string; path: () => string; body?: unknown; allowed: Role[] }[] = [
  {
    call: '现场申请列表',
    method: 'GET',
    path: () => '/api/site-requests',
    // Everyone who may read some requests; which ones is the scope (tested below).
    allowed: ['brigade', 'detachment', 'otherDetachment', 'admin', 'otherAdmin', 'lead', 'otherLead'],
  },
  {
    call: '驳回现场申请（空正文）',
    method: 'POST',
    path: () => `/api/site-requests/${requestId}/reject`,
    body: {},
    allowed: ['lead'],
  },
  {
    call: '查看检测计划',
    method: 'GET',
    path: () => `/api/projects/${f.projectId}/testing-plan`,
    // The operator is assigned single items of this plan: the app keeps their content for offline recording.
    allowed: ['brigade', 'detachment', 'admin', 'technicalLead', 'lead', 'operator'],
  },
  {
    call: '下发检测计划（空正文）',
    method: 'PUT',
    path: () => `/api/projects/${f.projectId}/testing-plan/assignments`,
    body: {},
    allowed: ['lead'],
  },
  {
    call: '可派发的操作员',
    method: 'GET',
    path: () => `/api/projects/${f.projectId}/assignable-operators`,
    allowed: ['lead'],
  },
  {
    call: '我的测试任务',
    method: 'GET',
    path: () => '/api/operators/me/testing-tasks',
    allowed: ['operator'],
  },
  {
    call: '接收下发计划',
    method: 'GET',
    path: () => '/api/operators/me/testing-assignments',
    allowed: ['operator'],
  },
];

describe(`field policies, role by role (${testDialect})`, () => {
  for (const row of table)
    it(`${row.call}: ${row.allowed.join('、')} allowed, the rest refused`, async () => {
      const got: Record<string, boolean> = {};
      for (const role of roles) {
        const res = await f.t.request(row.method, row.path(), { token: who[role], body: row.body });
        expect(res.status, `${role} ${res.status} ${JSON.stringify(res.body?.error)}`).not.toBe(500);
        got[role] = res.status !== 403;
      }
      expect(got).toEqual(Object.fromEntries(roles.map((r) => [r, row.allowed.includes(r)])));
    });

  it('查看提交申请处理: each role reads only its scope of requests, and decides none but its own lead', async () => {
    const ids = async (role: Role) =>
      (await f.t.request('GET', '/api/site-requests', { token: who[role] })).body.items.map((r: any) => r.id);
    for (const role of ['brigade', 'detachment', 'admin', 'lead'] as const)
      expect(await ids(role), role).toContain(requestId);
    for (const role of ['otherDetachment', 'otherAdmin', 'otherLead'] as const)
      expect(await ids(role), role).not.toContain(requestId);
    const admin = await f.t.request('GET', '/api/site-requests', { token: who.admin });
    const row = admin.body.items.find((r: any) => r.id === requestId);
    expect(row.abilities).toEqual({ approve: false, reject: false });
    // The world's fixes do not say whether they are mocked: stored and shown as unknown (null), never as false.
    expect(row.locationCheck).toMatchObject({ isMock: null });
    expect(typeof row.faceCheck.distance).toBe('number');
  });

  it('tells the lead what they may do with each request (abilities)', async () => {
    const mine = await f.t.request('GET', '/api/site-requests?status=pending', { token: who.lead });
    expect(mine.body.items[0].abilities).toEqual({ approve: true, reject: true });
    const plan = await f.t.request('GET', `/api/projects/${f.projectId}/testing-plan`, { token: who.admin });
    expect(plan.body.abilities).toEqual({ assignOperators: false });
    const lead = await f.t.request('GET', `/api/projects/${f.projectId}/testing-plan`, { token: who.lead });
    expect(lead.body.abilities).toEqual({ assignOperators: true });
  });
});
