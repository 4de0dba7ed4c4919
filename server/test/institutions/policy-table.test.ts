import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../src/accounts/models';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The organisation features' policy table through HTTP: every role against its own institution, another
 * institution, and (for the detachment) an institution inside and outside its jurisdiction. Policies are
 * checked before the body is validated, so an allowed write sent an empty body answers 400, a refused one 403.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
let own: number; // jigou01's institution
let other: number; // an institution outside the detachment's jurisdiction, not jigou01's
let inJurisdiction: number; // an institution the detachment sees
let ownStaffAccount: number; // a staff account of jigou01's institution
let otherStaffAccount: number; // a staff account of another institution
let ownAdminAccount: number; // jigou01 itself (an admin: not managed by another admin)
let ownInJurisdiction: boolean; // whether jigou01's institution has projects under the detachment

const ROLES = ['zongdui', 'dongcheng', 'jigou01', 'jishu01', 'xiangmu01', 'caozuo01'] as const;
type Role = (typeof ROLES)[number];

beforeAll(async () => {
  t = await startTestApp();
  for (const r of ROLES)
    tokens[r] = await t.login(r, undefined, r === 'xiangmu01' ? 'weapp' : r === 'caozuo01' ? 'app' : 'web');
  own = (await t.request('GET', '/api/auth/me', { token: tokens.jigou01 })).body.institutionId;
  const seen = (
    await t.request('GET', '/api/institutions?pageSize=200', { token: tokens.dongcheng })
  ).body.items.map((i: any) => i.id as number);
  const all = (
    await t.request('GET', '/api/institutions?pageSize=200', { token: tokens.zongdui })
  ).body.items.map((i: any) => i.id as number);
  ownInJurisdiction = seen.includes(own);
  inJurisdiction = seen.find((id: number) => id !== own);
  other = all.find((id: number) => id !== own && !seen.includes(id));
  const admin = await Account.findOne({ where: { accountName: 'jigou01' } });
  ownAdminAccount = admin!.id;
  ownStaffAccount = (await Account.findOne({ where: { accountName: 'jishu01' } }))!.id;
  const foreign = await Account.create({
    accountName: 'waijigou01',
    passwordHash: admin!.passwordHash,
    kind: 'operator',
    displayName: '他机构人员',
    institutionId: other,
    mustChangePassword: false,
  });
  otherStaffAccount = foreign.id;
  expect(inJurisdiction).toBeTruthy();
  expect(other).toBeTruthy();
});
afterAll(async () => t?.close());

type Row = [
  what: string,
  method: string,
  path: () => string,
  allowed: readonly Role[] | (() => readonly Role[]),
  body?: unknown,
];
/** The detachment sees jigou01's institution exactly when it is in its jurisdiction. */
const withDetachmentIfOwnSeen = (roles: readonly Role[]) => () =>
  ownInJurisdiction ? [...roles, 'dongcheng' as const] : roles;
const ALL = ROLES;

const table: Row[] = [
  ['list accounts', 'GET', () => '/api/accounts', ['zongdui', 'jigou01']],
  ['staff candidates', 'GET', () => '/api/accounts/candidates', ['jigou01']],
  [
    'reset own staff password',
    'POST',
    () => `/api/accounts/${ownStaffAccount}/reset-password`,
    ['zongdui', 'jigou01'],
    {},
  ],
  [
    'reset other institution staff password',
    'POST',
    () => `/api/accounts/${otherStaffAccount}/reset-password`,
    ['zongdui'],
    {},
  ],
  [
    'reset an admin password',
    'POST',
    () => `/api/accounts/${ownAdminAccount}/reset-password`,
    ['zongdui'],
    {},
  ],
  ['enable own staff', 'POST', () => `/api/accounts/${ownStaffAccount}/enable`, ['zongdui', 'jigou01']],
  ['enable other institution staff', 'POST', () => `/api/accounts/${otherStaffAccount}/enable`, ['zongdui']],
  ['issue a staff account', 'POST', () => '/api/accounts/staff', ['jigou01'], {}],
  ['issue an institution admin', 'POST', () => '/api/accounts/institution-admin', ['zongdui'], {}],
  ['issue a detachment account', 'POST', () => '/api/accounts/detachment', ['zongdui'], {}],
  ['list institutions', 'GET', () => '/api/institutions', ALL],
  [
    'read own institution',
    'GET',
    () => `/api/institutions/${own}`,
    withDetachmentIfOwnSeen(['zongdui', 'jigou01', 'jishu01', 'xiangmu01', 'caozuo01']),
  ],
  [
    'read an institution in jurisdiction',
    'GET',
    () => `/api/institutions/${inJurisdiction}`,
    ['zongdui', 'dongcheng'],
  ],
  ['read an institution outside jurisdiction', 'GET', () => `/api/institutions/${other}`, ['zongdui']],
  [
    'persons of own institution',
    'GET',
    () => `/api/institutions/${own}/persons`,
    withDetachmentIfOwnSeen(['zongdui', 'jigou01', 'jishu01']),
  ],
  [
    'persons of an institution in jurisdiction',
    'GET',
    () => `/api/institutions/${inJurisdiction}/persons`,
    ['zongdui', 'dongcheng'],
  ],
  ['persons of another institution', 'GET', () => `/api/institutions/${other}/persons`, ['zongdui']],
  ['mark own office', 'PUT', () => `/api/institutions/${own}/office-address`, ['jigou01'], {}],
  ['mark another office', 'PUT', () => `/api/institutions/${other}/office-address`, [], {}],
  ['face review queue', 'GET', () => '/api/face-profiles', ['zongdui']],
  ['registry import history', 'GET', () => '/api/registry/imports', ['zongdui']],
  ['run the compliance pass', 'POST', () => '/api/compliance/run', ['zongdui']],
  ['red flags', 'GET', () => '/api/red-flags', ['zongdui', 'dongcheng', 'jigou01']],
  ['publish a standard edition', 'POST', () => '/api/standard-editions/json', ['zongdui'], { edition: 'x' }],
];

describe('organisation policy table (roles × own/other institution × jurisdiction)', () => {
  for (const [what, method, path, allowed, body] of table)
    it(what, async () => {
      for (const role of ROLES) {
        const res = await t.request(method, path(), { token: tokens[role], body });
        const label = `${role} ${method} ${path()} → ${res.status} ${JSON.stringify(res.body?.error ?? '')}`;
        if ((typeof allowed === 'function' ? allowed() : allowed).includes(role)) {
          expect(res.status, label).not.toBe(403);
          expect(res.status, label).toBeLessThan(500);
        } else expect(res.status, label).toBe(403);
      }
    });

  it('rows carry abilities: an admin may disable its staff, not itself; other staff are not listed', async () => {
    const list = await t.request('GET', '/api/accounts?pageSize=200', { token: tokens.jigou01 });
    expect(list.body.items.every((a: any) => a.institutionId === own && a.kind !== 'institution_admin')).toBe(
      true,
    );
    const staff = list.body.items.find((a: any) => a.id === ownStaffAccount);
    expect(staff.abilities).toEqual({ resetPassword: true, disable: true, enable: true });
    const brigadeList = await t.request('GET', '/api/accounts?pageSize=200', { token: tokens.zongdui });
    const self = brigadeList.body.items.find((a: any) => a.accountName === 'zongdui');
    expect(self.abilities.disable).toBe(false);
    const institution = await t.request('GET', `/api/institutions/${own}`, { token: tokens.jigou01 });
    expect(institution.body.abilities).toEqual({ confirmRegistration: true, markOffice: true });
    const asBrigade = await t.request('GET', `/api/institutions/${own}`, { token: tokens.zongdui });
    expect(asBrigade.body.abilities).toEqual({ confirmRegistration: false, markOffice: false });
  });

  it('validation names the field in Chinese without its key', async () => {
    const res = await t.request('POST', `/api/accounts/${ownStaffAccount}/reset-password`, {
      token: tokens.jigou01,
      body: { password: '1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('password');
    expect(res.body.error.message).toBe('密码：密码长度为6-20位');
  });
});
