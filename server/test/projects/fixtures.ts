import { Op } from 'sequelize';
import { afterAll, beforeAll } from 'vitest';
import { Account } from '../../src/accounts/models';
import { hashPassword } from '../../src/auth/passwords';
import { DEMO_PASSWORD } from '../../src/demo/seed';
import { Detachment, Institution } from '../../src/institutions/models';
import { RegistryProject, SocialUnit } from '../../src/registries/models';
import { samplePdf } from '../platform/fixtures/sample-files';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An account made straight in the database (demo password, no forced change), for set-ups that need people
 * the demo data does not have. Returns its id.
 */
export async function createAccount(a: {
  accountName: string;
  kind: string;
  institutionId?: number | null;
  detachmentId?: number | null;
  displayName?: string;
  disabled?: boolean;
}) {
  const row = await Account.create({
    displayName: `测试${a.accountName}`,
    ...a,
    passwordHash: await hashPassword(DEMO_PASSWORD, 4),
    mustChangePassword: false,
  });
  return row.id;
}

/** A building with only the fields every project entry needs. */
export const plainBuilding = (name: string) => ({
  name,
  aboveGroundArea: 3000,
  belowGroundArea: 2000,
  totalArea: 5000,
  aboveGroundFloors: 5,
  belowGroundFloors: 1,
  height: 23,
  useFunction: '办公',
});

/** A testing project entered by the institution admin with plain buildings of these names; returns its id. */
export async function testingProjectWithBuildings(
  t: TestApp,
  w: ProjectWorld,
  parties: Parties,
  fileId: number,
  siteName: string,
  buildings: string[],
) {
  const project = await created(
    t,
    w.admin,
    '/api/testing-projects',
    testingBody(w, parties, fileId, { siteName }),
  );
  for (const name of buildings)
    await created(t, w.admin, `/api/projects/${project.id}/buildings`, plainBuilding(name));
  return project.id as number;
}

/** Everything the project-entry tests need from the demo data, plus a second institution's admin. */
export async function projectWorld(t: TestApp) {
  const admin = await t.login('jigou01');
  const me = (await t.request('GET', '/api/auth/me', { token: admin })).body;
  const institutionId = me.institutionId as number;
  const other = (await Institution.findOne({
    where: { id: { [Op.ne]: institutionId } },
    order: [['id', 'ASC']],
  }))!;
  if (!(await Account.findOne({ where: { accountName: 'jigou02' } })))
    await createAccount({
      accountName: 'jigou02',
      kind: 'institution_admin',
      displayName: `${other.name}管理员`,
      institutionId: other.id,
    });
  const otherAdmin = await t.login('jigou02');
  const dongcheng = (await Detachment.findOne({ where: { code: 'dongcheng' } }))!;
  const elsewhere = (await Detachment.findOne({ where: { id: { [Op.ne]: dongcheng.id } } }))!;
  const leadId = (await Account.findOne({ where: { accountName: 'xiangmu01' } }))!.id;
  const technicalLeadId = (await Account.findOne({ where: { accountName: 'jishu01' } }))!.id;
  const registry = await RegistryProject.findAll({ where: { institutionId }, order: [['id', 'ASC']] });
  const dongchengUnit = (await SocialUnit.findOne({ where: { detachmentId: dongcheng.id } }))!;
  return {
    admin,
    otherAdmin,
    brigade: await t.login('zongdui'),
    detachment: await t.login('dongcheng'),
    projectLead: await t.login('xiangmu01'),
    institutionId,
    otherInstitutionId: other.id,
    dongcheng,
    elsewhere,
    leadId,
    technicalLeadId,
    registry,
    dongchengUnit,
  };
}
export type ProjectWorld = Awaited<ReturnType<typeof projectWorld>>;

export async function uploadPdf(t: TestApp, token: string): Promise<number> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(samplePdf())]), '检测范围页.pdf');
  const res = await t.request('POST', '/api/files', { token, form });
  if (res.status !== 201) throw new Error(`upload failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function createClientWithContact(t: TestApp, token: string, name: string) {
  const client = await t.request('POST', '/api/clients', {
    token,
    body: { name, province: '北京市', city: '市辖区', district: '海淀区', address: '西直门外大街16号' },
  });
  if (client.status !== 201) throw new Error(`client failed ${JSON.stringify(client.body)}`);
  const contact = await t.request('POST', `/api/clients/${client.body.id}/contacts`, {
    token,
    body: { name: '王经理', mobile: '13800138000', position: '物业经理' },
  });
  return { clientId: client.body.id as number, contactId: contact.body.id as number };
}

export function testingBody(
  w: ProjectWorld,
  parties: Parties,
  fileId: number,
  extra: Record<string, unknown> = {},
) {
  return {
    siteName: '枫蓝国际中心',
    siteUscc: 'NULL',
    detachmentId: w.dongcheng.id,
    district: '东城区',
    address: '东城区东直门南大街1号',
    projectLeadAccountId: w.leadId,
    ...parties,
    signedOn: '2024-03-01',
    contractStart: '2024-03-01',
    contractEnd: '2024-12-31',
    testingType: 'annual',
    scope: ['消防电梯', 'A.12'],
    attachments: [{ fileId, kind: 'testing_scope' }],
    ...extra,
  };
}

export type Parties = { clientId: number; contactId: number };

/** What every project-entry test file starts with: a fresh app, its world, one client and one scope page. */
export interface ProjectSuite {
  t: TestApp;
  w: ProjectWorld;
  parties: Parties;
  fileId: number;
}

/**
 * Opens the app before the file's tests and closes it after; `ready` receives the suite so the file can keep
 * its own short names (`t`, `w`, …).
 */
export function projectSuite(clientName: string, ready: (s: ProjectSuite) => unknown) {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp();
    const w = await projectWorld(t);
    const parties = await createClientWithContact(t, w.admin, clientName);
    await ready({ t, w, parties, fileId: await uploadPdf(t, w.admin) });
  });
  afterAll(async () => t?.close());
}

/** A project suite that also holds one maintenance contract (the manual's example) to enter projects under. */
export function maintenanceSuite(
  clientName: string,
  ready: (s: ProjectSuite & { contractId: number }) => void,
) {
  projectSuite(clientName, async (s) => {
    const contract = await created(
      s.t,
      s.w.admin,
      '/api/maintenance-contracts',
      contractBody(s.parties, s.fileId),
    );
    ready({ ...s, contractId: contract.id });
  });
}

/** A maintenance contract body like the manual's example: 2021-04-25 – 2022-04-24. */
export const contractBody = (parties: Parties, fileId: number, extra: Record<string, unknown> = {}) => ({
  ...parties,
  signedOn: '2021-04-20',
  contractStart: '2021-04-25',
  contractEnd: '2022-04-24',
  attachments: [{ fileId, kind: 'maintenance_scope' }],
  ...extra,
});

/** A maintenance project of that contract, twelve monthly visits. */
export const maintenanceBody = (
  w: ProjectWorld,
  contractId: number,
  extra: Record<string, unknown> = {},
) => ({
  contractId,
  siteName: '平安里',
  siteUscc: 'NULL',
  detachmentId: w.dongcheng.id,
  district: '西城区',
  address: '西城区平安里西大街1号',
  projectLeadAccountId: w.leadId,
  firstMonth: '2021-04',
  lastMonth: '2022-03',
  maintenanceCount: 12,
  ...extra,
});

export const buildingBody = (extra: Record<string, unknown> = {}) => ({
  name: '1号楼',
  totalArea: 5000,
  aboveGroundArea: 3000,
  belowGroundArea: 2000,
  aboveGroundFloors: 5,
  belowGroundFloors: 1,
  height: 23,
  useFunction: '办公',
  waterSupplies: [{ kind: 'fire_pool', location: '地下一层', capacity: 540 }],
  remark: '',
  ...extra,
});

/** Creates through HTTP and fails loudly, for set-up steps whose own checks live elsewhere. */
export async function created(t: TestApp, token: string, path: string, body: unknown): Promise<any> {
  const res = await t.request('POST', path, { token, body });
  if (res.status !== 201) throw new Error(`POST ${path} failed ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** 注销 or 终止 a project through HTTP. */
export const endProject = (
  t: TestApp,
  token: string,
  id: number,
  how: 'cancel' | 'terminate',
  reason: string,
) => t.request('POST', `/api/projects/${id}/${how}`, { token, body: { reason } });
