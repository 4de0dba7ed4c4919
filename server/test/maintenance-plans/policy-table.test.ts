import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { projectWorld, type ProjectWorld } from '../projects/fixtures';
import { expectPolicyRow, policyActors, type ActorName, type PolicyRow } from '../support/policy-actors';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';
import { current, firstMonth, lastMonth, maintenanceProject } from './fixtures';

/**
 * The maintenance plans' policy table through HTTP (maintenance-plans/policies.ts): whoever reads the project
 * reads its plans; only the lead of that very project creates, 下发, removes and deletes; operators receive.
 */
let t: TestApp;
let w: ProjectWorld;
let who: Record<ActorName, string>;
let projectId: number;
let planId: number;

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  who = await policyActors(t, w);
  ({ projectId } = await maintenanceProject(t, w, '维保权限表大厦', { firstMonth, lastMonth }));
  const plan = await t.request('POST', `/api/projects/${projectId}/maintenance-plans`, {
    token: who.leadOf,
    body: { kind: 'month', month: current },
  });
  expect(plan.status).toBe(201);
  planId = plan.body.id;
  // Distributed, so the lead's DELETE reaches the plan's state (409) instead of deleting it.
  const caozuo01 = (await Account.findOne({ where: { accountName: 'caozuo01' } }))!.id;
  const distributed = await t.request('POST', `/api/maintenance-plans/${planId}/assignments`, {
    token: who.leadOf,
    body: { facilityIds: [plan.body.facilities[0].facilityId], operatorAccountIds: [caozuo01] },
  });
  expect(distributed.status).toBe(200);
}, 240_000);
afterAll(async () => t?.close());

const readers: ActorName[] = ['brigade', 'detachmentOwn', 'adminOwn', 'technicalLead', 'leadOf'];
const table: PolicyRow[] = [
  {
    call: '维保计划列表',
    method: 'GET',
    path: () => `/api/projects/${projectId}/maintenance-plans`,
    allowed: readers,
  },
  {
    call: '创建维保计划（空正文）',
    method: 'POST',
    path: () => `/api/projects/${projectId}/maintenance-plans`,
    body: {},
    allowed: ['leadOf'],
  },
  // caozuo01 has a facility of this plan dispatched (接收下发计划 keeps its lines offline); an operator without one
  // is refused in maintenance-plans.test.ts.
  {
    call: '查看维保计划',
    method: 'GET',
    path: () => `/api/maintenance-plans/${planId}`,
    allowed: [...readers, 'operator'],
  },
  {
    call: '下发维保计划（空正文）',
    method: 'POST',
    path: () => `/api/maintenance-plans/${planId}/assignments`,
    body: {},
    allowed: ['leadOf'],
  },
  {
    call: '删除已下发的设施（不存在的派发）',
    method: 'DELETE',
    path: () => `/api/maintenance-plans/${planId}/assignments/999999`,
    allowed: ['leadOf'],
  },
  {
    call: '删除维保计划（已下发，状态不允许）',
    method: 'DELETE',
    path: () => `/api/maintenance-plans/${planId}`,
    allowed: ['leadOf'],
  },
  {
    call: '接收维保计划',
    method: 'GET',
    path: () => '/api/operators/me/maintenance-assignments',
    allowed: ['operator'],
  },
];

describe(`maintenance plan policies, actor by actor (${testDialect})`, () => {
  for (const row of table)
    it(`${row.call}: ${row.allowed.join('、')} allowed, the rest refused`, () =>
      expectPolicyRow(t, who, row));

  it('the list and the plan tell each reader what they may do (the mini-program shows buttons by these)', async () => {
    const lead = await t.request('GET', `/api/projects/${projectId}/maintenance-plans`, {
      token: who.leadOf,
    });
    expect(lead.body.abilities).toEqual({ create: true });
    const admin = await t.request('GET', `/api/projects/${projectId}/maintenance-plans`, {
      token: who.adminOwn,
    });
    expect(admin.body.abilities).toEqual({ create: false });
    expect(admin.body.items[0].abilities).toEqual({ distribute: false, delete: false });
  });
});
