import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Op } from 'sequelize';
import { startTestApp, type TestApp } from '../support/test-app';
import { Account } from '../../src/accounts/models';
import { Person } from '../../src/institutions/models';

let t: TestApp;
let admin: string;
let me: any;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('jigou01');
  me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
});
afterAll(async () => t?.close());

async function personWith(where: object) {
  const withAccount = (await Account.findAll({ attributes: ['personId'] }))
    .map((a) => a.personId)
    .filter(Boolean) as number[];
  return Person.findOne({
    where: { institutionId: me.institutionId, inRegistry: true, id: { [Op.notIn]: withAccount }, ...where },
  });
}

describe('staff accounts', () => {
  it('lists candidates with the derived kind, never offering people without certificates', async () => {
    const res = await t.request('GET', '/api/accounts/candidates', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const c of res.body) expect(['operator', 'project_lead', 'technical_lead']).toContain(c.accountKind);
    expect(res.body[0].idNumberMasked).toMatch(/\*{8}/);
  });

  it('creates an operator account from a registry person; the kind is derived, not chosen', async () => {
    const person = await personWith({ engineerLevel: null, operatorCertificateNumber: { [Op.ne]: null } });
    const res = await t.request('POST', '/api/accounts/staff', {
      token: admin,
      body: { personId: person!.id, accountName: 'opnew001', password: 'abc12345', kind: 'project_lead' },
    });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('operator');
    expect(res.body.kindLabel).toBe('现场维保检测人员');
  });

  it('creates a project lead account for a registered engineer', async () => {
    const person = await personWith({
      engineerLevel: { [Op.ne]: null },
      post: { [Op.ne]: 'technical_lead' },
    });
    const res = await t.request('POST', '/api/accounts/staff', {
      token: admin,
      body: { personId: person!.id, accountName: 'leadnew01', password: 'abc12345' },
    });
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('project_lead');
  });

  it('refuses bad account names and passwords with the field named, writing nothing', async () => {
    const person = await personWith({ operatorCertificateNumber: { [Op.ne]: null } });
    const before = await Account.count();
    for (const [body, field] of [
      [{ personId: person!.id, accountName: 'ab', password: 'abc12345' }, 'accountName'],
      [{ personId: person!.id, accountName: '中文账号abc', password: 'abc12345' }, 'accountName'],
      [{ personId: person!.id, accountName: 'x'.repeat(31), password: 'abc12345' }, 'accountName'],
      [{ personId: person!.id, accountName: 'goodname1', password: '12345' }, 'password'],
      [{ personId: person!.id, accountName: 'goodname1', password: '1'.repeat(21) }, 'password'],
      [{ accountName: 'goodname1', password: 'abc12345' }, 'personId'],
    ] as const) {
      const res = await t.request('POST', '/api/accounts/staff', { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await Account.count()).toBe(before);
  });

  it('refuses a person of another institution and a duplicate account name', async () => {
    const other = await Person.findOne({
      where: { institutionId: { [Op.ne]: me.institutionId }, operatorCertificateNumber: { [Op.ne]: null } },
    });
    const res = await t.request('POST', '/api/accounts/staff', {
      token: admin,
      body: { personId: other!.id, accountName: 'stranger1', password: 'abc12345' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('personId');
    const person = await personWith({ operatorCertificateNumber: { [Op.ne]: null } });
    const dup = await t.request('POST', '/api/accounts/staff', {
      token: admin,
      body: { personId: person!.id, accountName: 'caozuo01', password: 'abc12345' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('accountName');
  });

  it('account names are immutable: there is no route that edits them', async () => {
    const res = await t.request('PUT', '/api/accounts/1', { token: admin, body: { accountName: 'renamed' } });
    expect([404, 405]).toContain(res.status);
  });

  it('the project-lead list never offers the technical lead', async () => {
    const res = await t.request('GET', '/api/accounts/project-lead-candidates', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body.map((a: any) => a.kind)).not.toContain('technical_lead');
    expect(res.body.map((a: any) => a.accountName)).not.toContain('jishu01');
  });

  it('resets a staff password (forced change next time) and disables an account', async () => {
    const op = await Account.findOne({ where: { accountName: 'caozuo02' } });
    const reset = await t.request('POST', `/api/accounts/${op!.id}/reset-password`, {
      token: admin,
      body: { password: 'Reset1234' },
    });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    const disabled = await t.request('POST', `/api/accounts/${op!.id}/disable`, { token: admin });
    expect(disabled.body.disabled).toBe(true);
    const login = await t.request('POST', '/api/auth/login', {
      body: { channel: 'app', accountName: 'caozuo02', password: 'Reset1234' },
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('account_disabled');
    await t.request('POST', `/api/accounts/${op!.id}/enable`, { token: admin });
  });

  it('an institution admin cannot manage another institution’s accounts or issue admin accounts', async () => {
    const foreign = await Account.create({
      accountName: 'foreignop1',
      passwordHash: 'x',
      kind: 'operator',
      displayName: '外机构',
      institutionId: me.institutionId + 1,
      mustChangePassword: false,
    });
    const res = await t.request('POST', `/api/accounts/${foreign.id}/reset-password`, {
      token: admin,
      body: { password: 'Reset1234' },
    });
    expect(res.status).toBe(403);
    const issue = await t.request('POST', '/api/accounts/institution-admin', {
      token: admin,
      body: { institutionId: 3, accountName: 'sneaky01', password: 'abc12345' },
    });
    expect(issue.status).toBe(403);
    const list = await t.request('GET', '/api/accounts', { token: admin, query: undefined } as any);
    expect(list.body.items.every((a: any) => a.institutionId === me.institutionId)).toBe(true);
  });

  it('operators and leads cannot create accounts', async () => {
    const op = await t.login('caozuo01');
    const res = await t.request('POST', '/api/accounts/staff', {
      token: op,
      body: { personId: 1, accountName: 'abc123', password: 'abc12345' },
    });
    expect(res.status).toBe(403);
  });
});
