import { Op } from 'sequelize';
import {
  beijingMonthOf,
  buildingInputSchema,
  clientContactInputSchema,
  clientInputSchema,
  geofenceInputSchema,
  maintenanceContractInputSchema,
  maintenanceProjectInputSchema,
  monthsInclusive,
  testingProjectInputSchema,
  type StandardEdition,
} from '@xf/domain';
import { contractPdf } from './fixtures/contract-pdf';
import {
  DEMO_CLIENTS,
  DEMO_FENCES,
  DEMO_MAINTENANCE_BUILDINGS,
  DEMO_MAINTENANCE_SYSTEMS,
  DEMO_TESTING_BUILDINGS,
  DEMO_TESTING_SCOPE,
  OTHER_INSTITUTION_CLIENTS,
  type DemoBuilding,
  type DemoClient,
} from './fixtures/demo-projects';
import { Account } from '../accounts/models';
import { createBuilding } from '../buildings/service';
import { createClient, createContact } from '../clients/service';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { storeUpload } from '../files/service';
import { Institution, Person } from '../institutions/models';
import { createContract } from '../maintenance-contracts/service';
import { createPlan, distribute, loadPlan } from '../maintenance-plans/service';
import { setFireSystems } from '../projects/fire-systems';
import { markGeofence } from '../projects/geofence';
import { createMaintenanceProject } from '../projects/maintenance-service';
import { editionOnSigning } from '../projects/parties';
import { createTestingProject } from '../projects/testing-service';
import type { Project } from '../projects/models';
import { RegistryProject, SocialUnit } from '../registries/models';

const REQUEST_ID = 'demo-seed';

/**
 * The server tests and browser tests start from empty project lists, so they get the demo projects only
 * when they ask for them (DEMO_PROJECTS=on); a development start always gets them.
 */
export function wantsDemoProjects(app: AppContext) {
  return app.config.env !== 'test' || process.env.DEMO_PROJECTS === 'on';
}

const actorOf = (account: Account): Actor => ({
  id: account.id,
  kind: account.kind,
  accountName: account.accountName,
  displayName: account.displayName,
  institutionId: account.institutionId,
  detachmentId: account.detachmentId,
  personId: account.personId,
  channel: 'web',
  account,
});

async function addClient(app: AppContext, actor: Actor, demo: DemoClient) {
  const context = { app, actor, requestId: REQUEST_ID };
  const client = await createClient(
    context,
    clientInputSchema.parse({ ...demo, province: '北京市', city: '市辖区' }),
  );
  const contactIds: number[] = [];
  for (const c of demo.contacts) {
    const contact = await createContact(context, client, clientContactInputSchema.parse(c));
    contactIds.push(contact.id);
  }
  return { clientId: client.id, contactId: contactIds[0]! };
}

/** The scope page goes through the same upload path as a file sent to POST /api/files. */
async function uploadScopePage(app: AppContext, actor: Actor, title: string, lines: string[]) {
  const { file } = await storeUpload(
    app,
    actor,
    { buffer: contractPdf(title, lines), originalname: `${title}.pdf` },
    undefined,
  );
  return file.id;
}

const building = (b: DemoBuilding) =>
  buildingInputSchema.parse({ ...b, totalArea: b.aboveGroundArea + b.belowGroundArea });

const month = (date: string) => date.slice(0, 7);
const dayBefore = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

function facilitiesOf(edition: StandardEdition, systemNames: string[]) {
  return edition.maintenance
    .filter((s) => systemNames.includes(s.name))
    .flatMap((s) => s.categories.flatMap((c) => c.facilities.map((f) => f.id)));
}

/** Scope systems that the pinned edition names; falls back to its first six if a corrected edition renamed them. */
function scopeOf(edition: StandardEdition) {
  const names = new Set(edition.maintenance.map((s) => s.name));
  const known = DEMO_TESTING_SCOPE.filter((n) => names.has(n));
  return known.length >= 5 ? known : edition.maintenance.slice(0, 6).map((s) => s.name);
}

async function siteOf(rp: RegistryProject) {
  const unit = (await SocialUnit.findByPk(rp.socialUnitId!))!;
  return { siteName: unit.name, socialUnitId: unit.id, registryProjectId: rp.id };
}

async function addTestingProject(
  app: AppContext,
  actor: Actor,
  rp: RegistryProject,
  parties: { clientId: number; contactId: number },
  leadId: number,
  fileId: number,
) {
  const signedOn = dayBefore(rp.startDate, 10);
  const edition = await editionOnSigning(signedOn);
  return createTestingProject(
    { app, actor, requestId: REQUEST_ID },
    testingProjectInputSchema.parse({
      ...(await siteOf(rp)),
      projectLeadAccountId: leadId,
      ...parties,
      signedOn,
      contractStart: rp.startDate,
      contractEnd: rp.endDate,
      testingType: 'annual',
      scope: scopeOf(edition),
      attachments: [{ fileId, kind: 'testing_scope' }],
    }),
  );
}

/** One contract covering every given registry maintenance project, one project per registry project. */
async function addMaintenance(
  app: AppContext,
  actor: Actor,
  rps: RegistryProject[],
  parties: { clientId: number; contactId: number },
  leadIds: number[],
  fileId: number,
) {
  const contractStart = rps.map((r) => r.startDate).sort()[0]!;
  const contractEnd = rps
    .map((r) => r.endDate)
    .sort()
    .at(-1)!;
  const contract = await createContract(
    { app, actor, requestId: REQUEST_ID },
    maintenanceContractInputSchema.parse({
      ...parties,
      signedOn: dayBefore(contractStart, 15),
      contractStart,
      contractEnd,
      attachments: [{ fileId, kind: 'maintenance_scope' }],
    }),
  );
  const projects = [];
  for (const [i, rp] of rps.entries()) {
    const firstMonth = month(rp.startDate);
    const lastMonth = month(rp.endDate);
    projects.push(
      await createMaintenanceProject(
        { app, actor, requestId: REQUEST_ID },
        maintenanceProjectInputSchema.parse({
          ...(await siteOf(rp)),
          projectLeadAccountId: leadIds[i % leadIds.length],
          contractId: contract.id,
          firstMonth,
          lastMonth,
          maintenanceCount: monthsInclusive(firstMonth, lastMonth),
        }),
      ),
    );
  }
  return { contract, projects };
}

async function registeredProjectLead(institutionId: number, except: number[] = []) {
  return Person.findOne({
    where: {
      institutionId,
      post: 'project_lead',
      engineerLevel: { [Op.ne]: null },
      inRegistry: true,
      id: { [Op.notIn]: except.length ? except : [0] },
    },
    order: [['id', 'ASC']],
  });
}

async function addAccount(
  template: Account,
  values: {
    accountName: string;
    kind: 'institution_admin' | 'project_lead';
    institution: Institution;
    person?: Person;
  },
) {
  return Account.create({
    accountName: values.accountName,
    passwordHash: template.passwordHash,
    kind: values.kind,
    displayName: values.person ? values.person.name : `${values.institution.name}管理员`,
    personId: values.person?.id ?? null,
    institutionId: values.institution.id,
    mustChangePassword: false,
  });
}

/**
 * The demo company's project entry as in the manual: one annual testing project and one maintenance
 * contract with two projects, one of which has no buildings, fire systems or location yet (未添加/去标注).
 */
async function seedDemoInstitution(app: AppContext, admin: Account) {
  const actor = actorOf(admin);
  const institutionId = admin.institutionId!;
  const lead = (await Account.findOne({ where: { accountName: 'xiangmu01' } }))!;
  const secondPerson = await registeredProjectLead(institutionId, [lead.personId!]);
  const secondLead = secondPerson
    ? await addAccount(admin, {
        accountName: 'xiangmu02',
        kind: 'project_lead',
        institution: (await Institution.findByPk(institutionId))!,
        person: secondPerson,
      })
    : lead;

  const registry = await RegistryProject.findAll({
    where: { institutionId, inRegistry: true },
    order: [['id', 'ASC']],
  });
  const testingRp = registry.find((r) => r.kind === 'testing')!;
  const maintenanceRps = registry.filter((r) => r.kind === 'maintenance').slice(0, 2);

  const clients = [];
  for (const c of DEMO_CLIENTS) clients.push(await addClient(app, actor, c));

  const testingFile = await uploadScopePage(app, actor, '年度检测合同-检测范围页', [
    'Annual fire protection testing contract - scope page',
    `Registry project ${testingRp.externalId}`,
    `Period ${testingRp.startDate} - ${testingRp.endDate}`,
  ]);
  const context = { app, actor, requestId: REQUEST_ID };
  const testing = await addTestingProject(app, actor, testingRp, clients[0]!, lead.id, testingFile);
  for (const b of DEMO_TESTING_BUILDINGS) await createBuilding(context, testing, building(b));
  await markGeofence(context, testing, geofenceInputSchema.parse(DEMO_FENCES.testing));

  const maintenanceFile = await uploadScopePage(app, actor, '维保合同-维保范围页', [
    'Fire protection maintenance contract - scope page',
    ...maintenanceRps.map((r) => `Registry project ${r.externalId}: ${r.startDate} - ${r.endDate}`),
  ]);
  const { projects } = await addMaintenance(
    app,
    actor,
    maintenanceRps,
    clients[1]!,
    // xiangmu01 also leads the project still waiting for its buildings and location
    [secondLead.id, lead.id],
    maintenanceFile,
  );
  const [marked] = projects;
  const edition = await editionOnSigning(marked!.signedOn);
  await setFireSystems(context, marked!, { facilityIds: facilitiesOf(edition, DEMO_MAINTENANCE_SYSTEMS) });
  for (const b of DEMO_MAINTENANCE_BUILDINGS) await createBuilding(context, marked!, building(b));
  await markGeofence(context, marked!, geofenceInputSchema.parse(DEMO_FENCES.maintenance));
  await dispatchDemoPlan(app, secondLead, marked!);
}

/**
 * 维保 right after `npm start`: the lead of the complete maintenance project (xiangmu02) has created this month's
 * 月计划 and dispatched its first facilities to caozuo01, who finds them under 接收下发计划.
 */
async function dispatchDemoPlan(app: AppContext, lead: Account, project: Project) {
  const operator = await Account.findOne({
    where: { accountName: 'caozuo01', institutionId: project.institutionId },
  });
  const month = beijingMonthOf(new Date());
  if (!operator || month < project.firstMonth! || month > project.lastMonth!) return;
  const context = { app, actor: actorOf(lead), requestId: REQUEST_ID };
  const plan = await createPlan(context, project, { kind: 'month', month });
  const facilityIds = plan.facilities.slice(0, 3).map((f) => f.facilityId);
  await distribute(context, await loadPlan(plan.id), {
    facilityIds,
    operatorAccountIds: [operator.id],
  });
}

/**
 * Three other institutions link one, two and all of their registry projects, so the brigade's coverage
 * page shows different rates. Each gets an institution admin (jigou11…) and a project lead (xiangmu11…).
 */
async function seedOtherInstitutions(app: AppContext, demoAdmin: Account) {
  const candidates = await Institution.findAll({
    where: { id: { [Op.ne]: demoAdmin.institutionId! } },
    order: [['id', 'ASC']],
  });
  let linkedInstitutions = 0;
  for (const institution of candidates) {
    if (linkedInstitutions >= OTHER_INSTITUTION_CLIENTS.length) break;
    const registry = await RegistryProject.findAll({
      where: { institutionId: institution.id, inRegistry: true, socialUnitId: { [Op.ne]: null } },
      order: [['id', 'ASC']],
    });
    const person = await registeredProjectLead(institution.id);
    if (registry.length < 2 || !person) continue;
    const n = linkedInstitutions + 1;
    const admin = await addAccount(demoAdmin, {
      accountName: `jigou1${n}`,
      kind: 'institution_admin',
      institution,
    });
    const lead = await addAccount(demoAdmin, {
      accountName: `xiangmu1${n}`,
      kind: 'project_lead',
      institution,
      person,
    });
    const actor = actorOf(admin);
    const toLink = n === 3 ? registry : registry.slice(0, n);
    const parties = await addClient(app, actor, OTHER_INSTITUTION_CLIENTS[linkedInstitutions]!);
    const fileId = await uploadScopePage(app, actor, '合同范围页', [
      `Contract scope page of ${institution.uscc}`,
      ...toLink.map((r) => `Registry project ${r.externalId}`),
    ]);
    for (const rp of toLink.filter((r) => r.kind === 'testing'))
      await addTestingProject(app, actor, rp, parties, lead.id, fileId);
    const maintenance = toLink.filter((r) => r.kind === 'maintenance');
    if (maintenance.length) await addMaintenance(app, actor, maintenance, parties, [lead.id], fileId);
    linkedInstitutions++;
  }
}

/** Adds the demo project entry; runs once, right after the registries and accounts are loaded. */
export async function seedDemoProjects(app: AppContext) {
  const admin = await Account.findOne({ where: { accountName: 'jigou01' } });
  if (!admin?.institutionId) return false;
  await seedDemoInstitution(app, admin);
  await seedOtherInstitutions(app, admin);
  return true;
}
