import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { OperationLog } from '../../src/operation-log/model';
import { Project } from '../../src/projects/models';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  createAccount,
  createClientWithContact,
  testingProjectWithBuildings,
  projectWorld,
  uploadPdf,
  type ProjectWorld,
} from '../projects/fixtures';

let t: TestApp;
let w: ProjectWorld;
let parties: { clientId: number; contactId: number };
let fileId: number;
let projectId: number;
let ids: Record<string, number>;
let tokens: Record<string, string>;

const account = (accountName: string, kind: string, institutionId: number, disabled = false) =>
  createAccount({ accountName, kind, institutionId, disabled });

const newTestingProject = (siteName: string, buildings: string[]) =>
  testingProjectWithBuildings(t, w, parties, fileId, siteName, buildings);

const plan = (id: number, token = tokens.lead!) =>
  t.request('GET', `/api/projects/${id}/testing-plan`, { token });
const assign = (id: number, body: unknown, token = tokens.lead!) =>
  t.request('PUT', `/api/projects/${id}/testing-plan/assignments`, { token, body });
const mine = (token: string) => t.request('GET', '/api/operators/me/testing-assignments', { token });

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  parties = await createClientWithContact(t, w.admin, '检测计划测试甲方');
  fileId = await uploadPdf(t, w.admin);
  const find = async (n: string) => (await Account.findOne({ where: { accountName: n } }))!.id;
  ids = {
    caozuo01: await find('caozuo01'),
    caozuo02: await find('caozuo02'),
    jishu01: w.technicalLeadId,
    foreignOperator: await account('caozuo91', 'operator', w.otherInstitutionId),
    disabledOperator: await account('caozuo92', 'operator', w.institutionId, true),
    otherLead: await account('xiangmu91', 'project_lead', w.institutionId),
  };
  tokens = {
    lead: w.projectLead,
    otherLead: await t.login('xiangmu91', DEMO_PASSWORD, 'weapp'),
    technicalLead: await t.login('jishu01'),
    caozuo01: await t.login('caozuo01'),
    caozuo02: await t.login('caozuo02'),
  };
  projectId = await newTestingProject('检测计划测试大厦', ['主楼', '裙楼']);
});
afterAll(async () => t?.close());

describe('检测计划 (testing plan) generated from the pinned edition', () => {
  it('lists every building × single item in scope with sub-items and test items, ids stable across calls', async () => {
    const first = await plan(projectId);
    expect(first.status).toBe(200);
    const project = (await Project.findByPk(projectId))!;
    expect(first.body.editionId).toBe(project.editionId);
    expect(first.body.dispatchStatus).toBe('not_dispatched');
    expect(first.body.buildings.map((b: any) => b.buildingName)).toEqual(['主楼', '裙楼']);
    const [main] = first.body.buildings;
    expect(main.singleItems.length).toBeGreaterThanOrEqual(2);
    expect(main.singleItems.map((s: any) => s.code)).toContain('A.12');
    for (const s of main.singleItems) {
      expect(s.planSingleItemId).toBe(`${main.buildingId}:${s.code}`);
      expect(s.operators).toEqual([]);
      expect(s.subItemCount).toBe(s.subItems.length);
      expect(s.itemCount).toBe(s.subItems.reduce((n: number, x: any) => n + x.items.length, 0));
      expect(s.itemCount).toBeGreaterThan(0);
      for (const sub of s.subItems)
        for (const item of sub.items) expect(item.planItemId).toBe(`${main.buildingId}:${item.itemId}`);
    }
    const again = await plan(projectId, w.admin);
    expect(again.status).toBe(200);
    expect(again.body.buildings).toEqual(first.body.buildings);
  });

  it('is refused for a project without buildings, without scope, or that is not a testing project', async () => {
    const bare = await newTestingProject('无建筑物项目', []);
    const noBuildings = await plan(bare);
    expect(noBuildings.status).toBe(409);
    expect(noBuildings.body.error.message).toContain('请先添加建筑物');
    expect(
      (
        await assign(bare, {
          assignments: [{ planSingleItemId: '1:A.12', operatorAccountIds: [ids.caozuo01] }],
        })
      ).status,
    ).toBe(409);

    const noScope = await newTestingProject('无检测范围项目', ['一号楼']);
    await Project.update({ scope: [] }, { where: { id: noScope } });
    const refusedScope = await plan(noScope);
    expect(refusedScope.status).toBe(409);
    expect(refusedScope.body.error.field).toBe('scope');

    const source = (await Project.findByPk(projectId))!.get({ plain: true });
    const maintenance = await Project.create({
      ...source,
      id: undefined,
      kind: 'maintenance',
      testingType: null,
    });
    const notTesting = await plan(maintenance.id);
    expect(notTesting.status).toBe(409);
    expect(notTesting.body.error.message).toContain('只有检测项目才有检测计划');
  });

  it('is readable only by those who read the project', async () => {
    expect((await plan(projectId, w.otherAdmin)).status).toBe(403);
    expect((await plan(projectId, tokens.otherLead)).status).toBe(403);
    expect((await plan(projectId, w.brigade)).status).toBe(200);
  });
});

describe('下发检测计划 / 修改计划 (assignments)', () => {
  const singles = async () => (await plan(projectId)).body.buildings.flatMap((b: any) => b.singleItems);

  it('only the lead of this project assigns; others are refused and nothing changes', async () => {
    const [a] = await singles();
    const body = {
      assignments: [{ planSingleItemId: a.planSingleItemId, operatorAccountIds: [ids.caozuo01] }],
    };
    for (const token of [w.admin, tokens.technicalLead, tokens.otherLead, tokens.caozuo01, w.brigade])
      expect((await assign(projectId, body, token)).status).toBe(403);
    expect((await plan(projectId)).body.dispatchStatus).toBe('not_dispatched');
  });

  it('assigns only enabled operators of the same institution, to single items of this plan', async () => {
    const [a] = await singles();
    const cases: [unknown, string, string][] = [
      [[ids.jishu01], '只能派发给消防设施操作员', 'assignments.0.operatorAccountIds.0'],
      [[ids.caozuo01, ids.foreignOperator], '不是本机构的人员', 'assignments.0.operatorAccountIds.1'],
      [[ids.disabledOperator], '账号已停用', 'assignments.0.operatorAccountIds.0'],
      [[], '至少选择一名操作员', 'assignments.0.operatorAccountIds'],
    ];
    for (const [operatorAccountIds, message, field] of cases) {
      const res = await assign(projectId, {
        assignments: [{ planSingleItemId: a.planSingleItemId, operatorAccountIds }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(res.body.error.field).toBe(field);
    }
    const unknown = await assign(projectId, {
      assignments: [{ planSingleItemId: '999999:A.8', operatorAccountIds: [ids.caozuo01] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('不是本项目检测计划中的单项');
    const view = await plan(projectId);
    expect(view.body.dispatchStatus).toBe('not_dispatched');
    expect(
      view.body.buildings.flatMap((b: any) => b.singleItems).every((s: any) => s.operators.length === 0),
    ).toBe(true);
  });

  it('offers the institution operators as assignable, and only to the lead', async () => {
    const res = await t.request('GET', `/api/projects/${projectId}/assignable-operators`, {
      token: tokens.lead,
    });
    expect(res.status).toBe(200);
    const names = res.body.items.map((o: any) => o.accountName);
    expect(names).toEqual(expect.arrayContaining(['caozuo01', 'caozuo02']));
    expect(names).not.toContain('caozuo91');
    expect(names).not.toContain('caozuo92');
    expect(names).not.toContain('jishu01');
    expect(res.body.items.find((o: any) => o.accountName === 'caozuo01').faceApproved).toBe(true);
    expect(
      (await t.request('GET', `/api/projects/${projectId}/assignable-operators`, { token: tokens.otherLead }))
        .status,
    ).toBe(403);
  });

  it('first save is 下发, later saves are 修改计划, with the history in the operation log; operators see exactly theirs', async () => {
    const [a, b] = await singles();
    const dispatch = await assign(projectId, {
      assignments: [
        {
          planSingleItemId: a.planSingleItemId,
          operatorAccountIds: [ids.caozuo01, ids.caozuo02, ids.caozuo01],
        },
        { planSingleItemId: b.planSingleItemId, operatorAccountIds: [ids.caozuo01] },
      ],
    });
    expect(dispatch.status).toBe(200);
    expect(dispatch.body.dispatchStatus).toBe('dispatched');
    expect(dispatch.body.revisionCount).toBe(0);
    const after = dispatch.body.buildings.flatMap((x: any) => x.singleItems);
    expect(
      after
        .find((s: any) => s.planSingleItemId === a.planSingleItemId)
        .operators.map((o: any) => o.accountName)
        .sort(),
    ).toEqual(['caozuo01', 'caozuo02']);
    expect((await mine(tokens.caozuo01)).body.items.map((i: any) => i.planSingleItemId).sort()).toEqual(
      [a.planSingleItemId, b.planSingleItemId].sort(),
    );
    const second = (await mine(tokens.caozuo02)).body.items;
    expect(second.map((i: any) => i.planSingleItemId)).toEqual([a.planSingleItemId]);
    expect(second[0]).toMatchObject({
      projectId,
      siteName: '检测计划测试大厦',
      code: a.code,
      itemCount: a.itemCount,
    });
    expect(second[0].coOperators.map((o: any) => o.accountName)).toEqual(['caozuo01']);

    const revise = await assign(projectId, {
      assignments: [{ planSingleItemId: a.planSingleItemId, operatorAccountIds: [ids.caozuo02] }],
    });
    expect(revise.status).toBe(200);
    expect(revise.body.revisionCount).toBe(1);
    expect(revise.body.revisedAt).not.toBeNull();
    expect((await mine(tokens.caozuo01)).body.items).toEqual([]);
    expect((await mine(tokens.caozuo02)).body.items.map((i: any) => i.planSingleItemId)).toEqual([
      a.planSingleItemId,
    ]);
    // The app keeps the plan's content for offline recording: an assigned operator reads the plan, others not.
    const operatorView = await plan(projectId, tokens.caozuo02);
    expect(operatorView.status).toBe(200);
    expect(operatorView.body.abilities.assignOperators).toBe(false);
    expect((await plan(projectId, tokens.caozuo01)).status).toBe(403);

    const logs = await OperationLog.findAll({
      where: { entityType: 'project', entityId: String(projectId) },
      order: [['id', 'ASC']],
    });
    const history = logs.filter((l) => l.action.startsWith('testing_plan.'));
    expect(history.map((l) => l.action)).toEqual(['testing_plan.dispatched', 'testing_plan.revised']);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as any;
    expect(parse(history[1]!.before).assignments[a.planSingleItemId]).toEqual(
      [ids.caozuo01, ids.caozuo02].sort((x, y) => x - y),
    );
    expect(parse(history[1]!.after).assignments).toEqual({ [a.planSingleItemId]: [ids.caozuo02] });
    expect((await mine(w.admin)).status).toBe(403);
  });

  it('a cancelled project refuses assignment and drops out of the operators’ lists', async () => {
    const [a] = await singles();
    const cancel = await t.request('POST', `/api/projects/${projectId}/cancel`, {
      token: w.admin,
      body: { reason: '测试注销' },
    });
    expect(cancel.status).toBe(200);
    const refused = await assign(projectId, {
      assignments: [{ planSingleItemId: a.planSingleItemId, operatorAccountIds: [ids.caozuo01] }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('已注销');
    expect((await mine(tokens.caozuo02)).body.items).toEqual([]);
  });
});
