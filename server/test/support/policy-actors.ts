import { expect } from 'vitest';
import { Account } from '../../src/accounts/models';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { createAccount, type ProjectWorld } from '../projects/fixtures';
import type { TestApp } from './test-app';

/**
 * The actors a policy table tries on one row of the demo institution in 东城 led by xiangmu01: each role,
 * the row's own detachment/institution/lead and another one.
 */
export const ACTORS = [
  'brigade',
  'detachmentOwn',
  'detachmentOther',
  'adminOwn',
  'adminOther',
  'technicalLead',
  'leadOf',
  'leadNot',
  'operator',
] as const;
export type ActorName = (typeof ACTORS)[number];

export async function policyActors(t: TestApp, w: ProjectWorld): Promise<Record<ActorName, string>> {
  if (!(await Account.findOne({ where: { accountName: 'zhidui98' } })))
    await createAccount({ accountName: 'zhidui98', kind: 'detachment', detachmentId: w.elsewhere.id });
  if (!(await Account.findOne({ where: { accountName: 'xiangmu98' } })))
    await createAccount({ accountName: 'xiangmu98', kind: 'project_lead', institutionId: w.institutionId });
  return {
    brigade: w.brigade,
    detachmentOwn: w.detachment,
    detachmentOther: await t.login('zhidui98'),
    adminOwn: w.admin,
    adminOther: w.otherAdmin,
    technicalLead: await t.login('jishu01'),
    leadOf: w.projectLead,
    leadNot: await t.login('xiangmu98', DEMO_PASSWORD, 'weapp'),
    operator: await t.login('caozuo01'),
  };
}

export interface PolicyRow {
  call: string;
  method: string;
  path: () => string;
  body?: unknown;
  allowed: readonly ActorName[];
}

/**
 * One row of a policy table through HTTP: a refused actor gets 403 before the body is read; an allowed one
 * reaches validation or the handler (an empty body gives 400, an absent row 404, a state refusal 409).
 */
export async function expectPolicyRow(t: TestApp, who: Record<ActorName, string>, row: PolicyRow) {
  const got: Record<string, boolean> = {};
  for (const actor of ACTORS) {
    const res = await t.request(row.method, row.path(), { token: who[actor], body: row.body });
    expect(res.status, `${actor} ${res.status} ${JSON.stringify(res.body?.error)}`).not.toBe(500);
    got[actor] = res.status !== 403;
  }
  expect(got).toEqual(Object.fromEntries(ACTORS.map((a) => [a, row.allowed.includes(a)])));
}
