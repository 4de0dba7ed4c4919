import { describe, expect, it } from 'vitest';
import { OperationLog } from '../../src/operation-log/model';
import { Project } from '../../src/projects/models';
import type { TestApp } from '../support/test-app';
import { contractBody, created, endProject, maintenanceBody, projectSuite, testingBody } from './fixtures';
import type { Parties, ProjectWorld } from './fixtures';

/** 项目状态 follows the project machine: a transition the table does not hold answers 409 in Chinese. */
let t: TestApp, w: ProjectWorld, parties: Parties, fileId: number;
projectSuite('状态测试甲方', (s) => ({ t, w, parties, fileId } = s));

const end = (id: number, how: 'cancel' | 'terminate', reason = '状态测试') =>
  endProject(t, w.admin, id, how, reason);

/** A refusal the client can show as it is: 409, Chinese only, no field key in the text. */
function expectRefused(res: { status: number; body: any }, text: string) {
  expect(res.status).toBe(409);
  expect(res.body.error.message).toContain(text);
  expect(res.body.error.message).not.toMatch(/[A-Za-z]/);
}

describe('project transitions (注销/终止)', () => {
  it('refuses cancelling a cancelled project and terminating a testing project', async () => {
    const testing = await created(t, w.admin, '/api/testing-projects', testingBody(w, parties, fileId));
    const wrongKind = await end(testing.id, 'terminate');
    expectRefused(wrongKind, '检测项目不能终止');
    expect(wrongKind.body.error.field).toBe('kind');
    expect((await end(testing.id, 'cancel')).status).toBe(200);
    const again = await end(testing.id, 'cancel', '再次注销');
    expectRefused(again, '该项目已注销');
    expect(again.body.error.field).toBe('status');
    const row = (await Project.findByPk(testing.id))!;
    expect(row.endedReason).toBe('状态测试');
    expect(
      await OperationLog.count({ where: { entityId: String(testing.id), action: 'project.cancelled' } }),
    ).toBe(1);
  });

  it('refuses cancelling a maintenance project and terminating a terminated one', async () => {
    const contract = await created(t, w.admin, '/api/maintenance-contracts', contractBody(parties, fileId));
    const project = await created(t, w.admin, '/api/maintenance-projects', maintenanceBody(w, contract.id));
    expectRefused(await end(project.id, 'cancel'), '维保项目不能注销');
    expect((await end(project.id, 'terminate')).status).toBe(200);
    expectRefused(await end(project.id, 'terminate', '再次终止'), '该项目已终止');
    expectRefused(await end(project.id, 'cancel'), '维保项目不能注销');
    expect((await Project.findByPk(project.id))!.status).toBe('terminated');
  });

  it('refuses editing a project whose work is over, with the machine’s text', async () => {
    const testing = await created(t, w.admin, '/api/testing-projects', testingBody(w, parties, fileId));
    await Project.update({ status: 'completed' }, { where: { id: testing.id } });
    const edit = await t.request('PUT', `/api/testing-projects/${testing.id}`, {
      token: w.admin,
      body: testingBody(w, parties, fileId, { siteName: '完成后修改' }),
    });
    expectRefused(edit, '该项目已完成');
    expectRefused(await end(testing.id, 'cancel'), '该项目已完成');
  });
});
