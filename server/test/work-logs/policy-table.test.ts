import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWorld, type ProjectWorld } from '../projects/fixtures';
import { ACTORS, expectPolicyRow, policyActors, type ActorName } from '../support/policy-actors';
import { startTestApp, testDialect, type TestApp } from '../support/test-app';

/** The work logs' policy table through HTTP (work-logs/policies.ts): operators write; the list is scoped. */
let t: TestApp;
let w: ProjectWorld;
let who: Record<ActorName, string>;

beforeAll(async () => {
  t = await startTestApp();
  w = await projectWorld(t);
  who = await policyActors(t, w);
  const written = await t.request('PUT', '/api/work-logs/policy-table-log-1', {
    token: who.operator,
    body: { date: '2026-11-24', content: '权限表测试工作日志' },
  });
  expect(written.status).toBeLessThan(300);
}, 240_000);
afterAll(async () => t?.close());

describe(`work log policies, actor by actor (${testDialect})`, () => {
  it('写工作日志（空正文）: operator allowed, the rest refused', () =>
    expectPolicyRow(t, who, {
      call: '写工作日志',
      method: 'PUT',
      path: () => '/api/work-logs/policy-table-log-2',
      body: {},
      allowed: ['operator'],
    }));

  it('工作日志列表: every role lists, each only its scope (own, institution, jurisdiction-wide)', async () => {
    await expectPolicyRow(t, who, {
      call: '工作日志列表',
      method: 'GET',
      path: () => '/api/work-logs',
      allowed: ACTORS,
    });
    const sees = async (actor: ActorName) =>
      (await t.request('GET', '/api/work-logs?pageSize=200', { token: who[actor] })).body.items.some(
        (l: any) => l.content === '权限表测试工作日志',
      );
    for (const actor of ['operator', 'adminOwn', 'technicalLead', 'leadOf', 'brigade'] as const)
      expect(await sees(actor), actor).toBe(true);
    expect(await sees('adminOther')).toBe(false);
  });
});
