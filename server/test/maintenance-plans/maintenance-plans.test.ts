import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '@xf/domain';
import { Account } from '../../src/accounts/models';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { MaintenancePlanAssignment } from '../../src/maintenance-plans/models';
import { OperationLog } from '../../src/operation-log/model';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createAccount,
  createClientWithContact,
  projectWorld,
  testingBody,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';
import {
  current,
  FACILITIES,
  firstMonth,
  lastMonth,
  completeMaintenanceProject,
  maintenanceProject as createMaintenanceProject,
} from './fixtures';

let t: TestApp;
let w: ProjectWorld;
let ids: Record<string, number>;
let tokens: Record<string, string>;
let projectId: number;
let laterProjectId: number;

const account = (accountName: string, kind: string, institutionId: number, disabled = false) =>
  createAccount({ accountName, kind, institutionId, disabled });

async function maintenanceProject(
  siteName: string,
  months: { firstMonth: string; lastMonth: string },
  complete = true,
) {
  return (await createMaintenanceProject(t, w, siteName, months, complete)).projectId;
}

const completeProject = (id: number, parts?: ('building' | 'geofence')[]) =>
  completeMaintenanceProject(t, w, id, parts);

const create = (id: number, body: unknown, token = tokens.lead!) =>
  t.request('POST', `/api/projects/${id}/maintenance-plans`, { token, body });
const list = (id: number, token = tokens.lead!) =>
  t.request('GET', `/api/projects/${id}/maintenance-plans`, { token });
const distribute = (planId: number, body: unknown, token = tokens.lead!) =>
  t.request('POST', `/api/maintenance-plans/${planId}/assignments`, { token, body });
const lineIds = (plan: any): string[] =>
  plan.facilities.flatMap((f: any) => f.lines.map((l: any) => l.lineId));

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  const find = async (n: string) => (await Account.findOne({ where: { accountName: n } }))!.id;
  ids = {
    caozuo01: await find('caozuo01'),
    caozuo02: await find('caozuo02'),
    jishu01: w.technicalLeadId,
    foreignOperator: await account('caozuo81', 'operator', w.otherInstitutionId),
    disabledOperator: await account('caozuo82', 'operator', w.institutionId, true),
    otherLead: await account('xiangmu81', 'project_lead', w.institutionId),
  };
  tokens = {
    lead: w.projectLead,
    otherLead: await t.login('xiangmu81', DEMO_PASSWORD, 'weapp'),
    technicalLead: await t.login('jishu01'),
    caozuo01: await t.login('caozuo01'),
    caozuo02: await t.login('caozuo02'),
  };
  projectId = await maintenanceProject('维保计划测试大厦', { firstMonth, lastMonth });
  laterProjectId = await maintenanceProject('下月开始维保的大厦', {
    firstMonth: addMonths(current, 1),
    lastMonth,
  });
});
afterAll(async () => t?.close());

describe('creating maintenance plans (只能创建当月的计划)', () => {
  it('lets the project lead create a monthly plan for this month, from the selected facilities', async () => {
    const res = await create(projectId, { kind: 'month', month: current });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'month',
      month: current,
      status: 'undistributed',
      kindLabel: '月计划',
    });
    expect(res.body.facilities.map((f: any) => f.facilityId)).toEqual(['M.02.1.01', 'M.02.1.05']);
    expect(lineIds(res.body)).toEqual(['M.02.1.01.a', 'M.02.1.01.c', 'M.02.1.05.a']);
    expect(res.body.facilities.every((f: any) => f.lines.every((l: any) => l.period === 'month'))).toBe(true);
    const log = await OperationLog.findOne({
      where: { action: 'maintenance_plan.created', entityId: String(res.body.id) },
    });
    expect(log?.actorId).toBe(w.leadId);
  });

  it('refuses another month with the domain rule, and a duplicate kind in the same month', async () => {
    const next = await create(projectId, { kind: 'quarter', month: addMonths(current, 1) });
    expect(next.status).toBe(400);
    expect(next.body.error.field).toBe('month');
    expect(next.body.error.message).toContain('只能创建当月的计划');
    const past = await create(projectId, { kind: 'quarter', month: addMonths(current, -1) });
    expect(past.status).toBe(400);
    const badFormat = await create(projectId, { kind: 'quarter', month: '2026-13' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.message).toContain('YYYY-MM');
    const badKind = await create(projectId, { kind: 'week', month: current });
    expect(badKind.status).toBe(400);
    const dup = await create(projectId, { kind: 'month', month: current });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain('同一类别每月只能创建一个');
  });

  it('refuses a month outside the maintenance months', async () => {
    const res = await create(laterProjectId, { kind: 'month', month: current });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('早于项目首次维保月份');
    expect((await list(laterProjectId)).body.creatableKinds).toEqual([]);
  });

  it('is only for the lead of that project: other leads, technical leads, admins and operators are refused', async () => {
    for (const token of [tokens.otherLead!, tokens.technicalLead!, w.admin, tokens.caozuo01!]) {
      const res = await create(projectId, { kind: 'quarter', month: current }, token);
      expect(res.status).toBe(403);
    }
    const testing = await t.request('POST', '/api/testing-projects', {
      token: w.admin,
      body: testingBody(
        w,
        await createClientWithContact(t, w.admin, '检测甲方'),
        await uploadPdf(t, w.admin),
      ),
    });
    const refused = await create(testing.body.id, { kind: 'month', month: current });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('只有维保项目才有维保计划');
  });

  it('puts monthly lines into quarterly and annual plans, quarterly lines not into monthly, annual only into annual', async () => {
    const quarter = await create(projectId, { kind: 'quarter', month: current });
    expect(quarter.status).toBe(201);
    const year = await create(projectId, { kind: 'year', month: current });
    expect(year.status).toBe(201);
    const q = lineIds(quarter.body);
    const y = lineIds(year.body);
    expect(q).toEqual(expect.arrayContaining(['M.02.1.01.a', 'M.02.1.01.b', 'M.02.2.01.a', 'M.02.1.05.d']));
    expect(q).not.toContain('M.02.1.05.e');
    expect(y).toEqual(expect.arrayContaining(['M.02.1.01.a', 'M.02.1.01.b', 'M.02.1.05.e']));
    expect(quarter.body.facilities.map((f: any) => f.facilityId)).toContain('M.02.2.01');
  });

  it('lists the plans with the per-year check of ≥3 quarterly and 1 annual plans as a warning', async () => {
    const res = await list(projectId);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: any) => p.kind).sort()).toEqual(['month', 'quarter', 'year']);
    expect(res.body.creatableKinds).toEqual([]);
    expect(res.body.currentMonth).toBe(current);
    const [first] = res.body.years;
    expect(first).toMatchObject({ index: 1, firstMonth, quarterly: 1, annual: 1, status: 'in_progress' });
    expect(res.body.warnings[0]).toContain('季计划至少3个，现有1个');
    expect(res.body.warnings[0]).toContain('年度未结束');
    expect((await list(projectId, tokens.caozuo01!)).status).toBe(403);
  });
});

describe('distributing and deleting (下发/删除维保计划)', () => {
  let planId: number;
  beforeAll(async () => {
    planId = (await list(projectId)).body.items.find((p: any) => p.kind === 'month').id;
  });

  it('refuses non-operators, other institutions, disabled accounts, unknown facilities and other leads', async () => {
    const cases: [unknown, string][] = [
      [{ facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.jishu01] }, '维保计划只能派发给消防设施操作员'],
      [
        { facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.otherLead] },
        '维保计划只能派发给消防设施操作员',
      ],
      [{ facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.foreignOperator] }, '不是本机构的人员'],
      [{ facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.disabledOperator] }, '已停用'],
      [{ facilityIds: ['M.02.2.01'], operatorAccountIds: [ids.caozuo01] }, '不是本维保计划中的设施'],
      [{ facilityIds: [], operatorAccountIds: [ids.caozuo01] }, '请至少选择一个消防设施'],
    ];
    for (const [body, message] of cases) {
      const res = await distribute(planId, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect(
      (
        await distribute(
          planId,
          { facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.caozuo01] },
          tokens.otherLead!,
        )
      ).status,
    ).toBe(403);
    expect(await MaintenancePlanAssignment.count({ where: { planId } })).toBe(0);
  });

  it('distributes facilities to operators, who receive them', async () => {
    const res = await distribute(planId, {
      facilityIds: ['M.02.1.01', 'M.02.1.05'],
      operatorAccountIds: [ids.caozuo01],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('distributed');
    expect(res.body.distributedFacilityCount).toBe(2);
    const alarm = res.body.facilities.find((f: any) => f.facilityId === 'M.02.1.01');
    expect(alarm.assignments).toMatchObject([{ operator: { id: ids.caozuo01 }, state: 'pending' }]);
    const again = await distribute(planId, {
      facilityIds: ['M.02.1.01'],
      operatorAccountIds: [ids.caozuo01],
    });
    expect(again.status).toBe(200);
    expect(await MaintenancePlanAssignment.count({ where: { planId } })).toBe(2);

    const mine = await t.request('GET', '/api/operators/me/maintenance-assignments', {
      token: tokens.caozuo01!,
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: any) => a.facilityId)).toEqual(['M.02.1.01', 'M.02.1.05']);
    expect(mine.body.items[0]).toMatchObject({
      planId,
      kind: 'month',
      month: current,
      facilityName: '报警控制器',
    });
    const other = await t.request('GET', '/api/operators/me/maintenance-assignments', {
      token: tokens.caozuo02!,
    });
    expect(other.body.items).toEqual([]);
    expect(
      (await t.request('GET', '/api/operators/me/maintenance-assignments', { token: tokens.lead! })).status,
    ).toBe(403);
    expect(await OperationLog.count({ where: { action: 'maintenance_plan.distributed' } })).toBe(2);
  });

  it('fixes the fire systems once a plan is distributed (维保计划下发后，消防系统不能被修改)', async () => {
    const res = await t.request('PUT', `/api/projects/${projectId}/fire-systems`, {
      token: w.admin,
      body: { facilityIds: FACILITIES.slice(0, 1) },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('facilityIds');
    expect(res.body.error.message).toContain('请先删除已下发的维保计划');
  });

  it('refuses to delete a distributed plan until its distributed facilities are removed', async () => {
    const refused = await t.request('DELETE', `/api/maintenance-plans/${planId}`, { token: tokens.lead! });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      '该维保计划已下发给操作员，请先在“已下发”中删除各设施的派发，再删除整个计划',
    );

    const view = (await t.request('GET', `/api/maintenance-plans/${planId}`, { token: tokens.lead! })).body;
    const [first, second] = view.facilities.flatMap((f: any) => f.assignments);
    // An operator who has started the facility's task (a later module) blocks removing it.
    await MaintenancePlanAssignment.update({ state: 'started' }, { where: { id: second.id } });
    // 接收下发计划 offers only facilities in no task yet: the started one is not offered again.
    const received = await t.request('GET', '/api/operators/me/maintenance-assignments', {
      token: tokens.caozuo01!,
    });
    expect(received.body.items.map((a: any) => a.id)).toEqual([first.id]);
    const started = await t.request('DELETE', `/api/maintenance-plans/${planId}/assignments/${second.id}`, {
      token: tokens.lead!,
    });
    expect(started.status).toBe(409);
    expect(started.body.error.message).toBe(
      '操作员已开始执行此设施的维保任务，请先由操作员在维保APP删除任务后再删除',
    );
    await MaintenancePlanAssignment.update({ state: 'pending' }, { where: { id: second.id } });

    const otherLead = await t.request('DELETE', `/api/maintenance-plans/${planId}/assignments/${first.id}`, {
      token: tokens.otherLead!,
    });
    expect(otherLead.status).toBe(403);
    const one = await t.request('DELETE', `/api/maintenance-plans/${planId}/assignments/${first.id}`, {
      token: tokens.lead!,
    });
    expect(one.status).toBe(200);
    expect(one.body.status).toBe('distributed');
    const two = await t.request('DELETE', `/api/maintenance-plans/${planId}/assignments/${second.id}`, {
      token: tokens.lead!,
    });
    expect(two.body.status).toBe('undistributed');
    expect(
      (await t.request('GET', '/api/operators/me/maintenance-assignments', { token: tokens.caozuo01! })).body
        .items,
    ).toEqual([]);

    expect(
      (await t.request('DELETE', `/api/maintenance-plans/${planId}`, { token: tokens.otherLead! })).status,
    ).toBe(403);
    const ok = await t.request('DELETE', `/api/maintenance-plans/${planId}`, { token: tokens.lead! });
    expect(ok.status).toBe(204);
    expect(await OperationLog.count({ where: { action: 'maintenance_plan.assignment_removed' } })).toBe(2);
    expect(await OperationLog.count({ where: { action: 'maintenance_plan.deleted' } })).toBe(1);
    const after = await list(projectId);
    expect(after.body.items.map((p: any) => p.kind).sort()).toEqual(['quarter', 'year']);
    expect(after.body.creatableKinds).toEqual(['month']);
    const recreated = await create(projectId, { kind: 'month', month: current });
    expect(recreated.status).toBe(201);
  });
});

// Last: it dispatches to caozuo01, whose assignments and dispatch logs the tests above count.
describe('a project filled in completely (下发维保计划的前提)', () => {
  it('refuses to dispatch while the project lacks buildings or a marked location (如果填写不完整，无法下发维保计划)', async () => {
    const bare = await maintenanceProject('未填写完整的维保大厦', { firstMonth, lastMonth }, false);
    const plan = await create(bare, { kind: 'month', month: current });
    expect(plan.status).toBe(201);
    const body = { facilityIds: ['M.02.1.01'], operatorAccountIds: [ids.caozuo01] };
    const none = await distribute(plan.body.id, body);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe(
      '项目信息填写不完整，无法下发维保计划：未添加建筑物、未标注项目位置',
    );
    await completeProject(bare, ['building']);
    const noFence = await distribute(plan.body.id, body);
    expect(noFence.status).toBe(409);
    expect(noFence.body.error.message).toBe('项目信息填写不完整，无法下发维保计划：未标注项目位置');
    expect(await MaintenancePlanAssignment.count({ where: { planId: plan.body.id } })).toBe(0);
    await completeProject(bare, ['geofence']);
    const done = await distribute(plan.body.id, body);
    expect(done.status).toBe(200);
    // The operator who received a facility reads the plan with its content lines (接收下发计划, kept offline);
    // an operator without one is refused.
    const read = await t.request('GET', `/api/maintenance-plans/${plan.body.id}`, {
      token: tokens.caozuo01!,
    });
    expect(read.status).toBe(200);
    expect(lineIds(read.body).length).toBeGreaterThan(0);
    const refused = await t.request('GET', `/api/maintenance-plans/${plan.body.id}`, {
      token: tokens.caozuo02!,
    });
    expect(refused.status).toBe(403);
  });
});
