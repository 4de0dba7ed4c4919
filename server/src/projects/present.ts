import {
  allowedActions,
  attachmentKindLabels,
  projectKindLabels,
  projectMachine,
  projectStatusLabels,
  testingTypeLabels,
  type Abilities,
  type ProjectDetail,
  type ProjectRow,
} from '@xf/domain';
import { Account } from '../accounts/models';
import type { Actor } from '../core/actor';
import { lookups } from '../core/lookups';
import { abilities } from '../core/policy';
import { Building } from '../buildings/models';
import { Client, ClientContact } from '../clients/models';
import { detachmentsById, Institution } from '../institutions/models';
import { RegistryProject, SocialUnit } from '../registries/models';
import { fenceOf } from './geofence';
import type { Project } from './models';
import { endingOf } from './state';

/**
 * What the actor may do with a project: the policy's answer, narrowed by the project's state (only a running
 * project changes) and kind (注销 is for testing projects, 终止 and fire systems for maintenance ones), so the
 * clients show exactly the buttons that would succeed.
 */
export async function projectAbilities(actor: Actor, p: Project): Promise<Abilities> {
  const may = await abilities(actor, 'project', p, [
    'update',
    'cancel',
    'terminate',
    'markGeofence',
    'setFireSystems',
    'manageBuildings',
  ]);
  const open = allowedActions(projectMachine, p.status);
  const running = open.includes('complete');
  return {
    update: may.update! && running,
    cancel: may.cancel! && endingOf[p.kind] === 'cancel' && open.includes('cancel'),
    terminate: may.terminate! && endingOf[p.kind] === 'terminate' && open.includes('terminate'),
    markGeofence: may.markGeofence! && running,
    setFireSystems: may.setFireSystems! && running && p.kind === 'maintenance',
    manageBuildings: may.manageBuildings! && running,
  };
}

/** The stored columns that matter, for operation-log before/after. */
export function projectSnapshot(p: Project) {
  const { fenceLng, fenceLat, fenceCrs, fenceInputLng, fenceInputLat, fenceInputCrs, ...rest } = p.get({
    plain: true,
  }) as Record<string, unknown>;
  void [fenceLng, fenceLat, fenceCrs, fenceInputLng, fenceInputLat, fenceInputCrs];
  delete rest.createdAt;
  delete rest.updatedAt;
  return rest;
}

/**
 * List rows as in the manual's project lists (添加建筑物, 添加消防系统, 标注项目位置 …): the names and building
 * counts of the whole page in one statement (core/lookups.ts), as plain rows.
 */
export async function presentProjects(actor: Actor, rows: Project[]): Promise<ProjectRow[]> {
  const [{ clients, contacts, leads, institutions, buildingCounts }, detachments] = await Promise.all([
    lookups({
      clients: { model: Client, ids: rows.map((p) => p.clientId), attributes: ['name'] },
      contacts: {
        model: ClientContact,
        ids: rows.map((p) => p.contactId),
        attributes: ['name', 'mobile', 'position'],
      },
      leads: { model: Account, ids: rows.map((p) => p.projectLeadAccountId), attributes: ['displayName'] },
      institutions: { model: Institution, ids: rows.map((p) => p.institutionId), attributes: ['name'] },
      buildingCounts: { model: Building, ids: rows.map((p) => p.id), count: true, key: 'projectId' },
    }),
    detachmentsById(),
  ]);
  const abilitiesOf = await Promise.all(rows.map((p) => projectAbilities(actor, p)));
  return rows.map((p, i) => {
    const buildings = buildingCounts.get(p.id) ?? 0;
    const fireSystemsAdded =
      p.kind === 'maintenance' ? (p.fireSystemFacilityIds ?? []).length > 0 : (p.scope ?? []).length > 0;
    const fence = fenceOf(p);
    const lead = leads.get(p.projectLeadAccountId);
    const contact = contacts.get(p.contactId);
    return {
      id: p.id,
      kind: p.kind,
      kindLabel: projectKindLabels[p.kind],
      siteName: p.siteName,
      institutionId: p.institutionId,
      institutionName: institutions.get(p.institutionId)?.name ?? null,
      contractId: p.contractId,
      clientId: p.clientId,
      clientName: clients.get(p.clientId)?.name ?? null,
      contact: contact
        ? { id: p.contactId, name: contact.name, mobile: contact.mobile, position: contact.position }
        : null,
      province: p.province,
      city: p.city,
      district: p.district,
      cityLabel: `${p.province}-${p.city}`,
      address: p.address,
      detachmentId: p.detachmentId,
      detachmentName: detachments.get(p.detachmentId)?.name ?? null,
      signedOn: p.signedOn,
      contractStart: p.contractStart,
      contractEnd: p.contractEnd,
      directReportUpload: p.directReportUpload,
      directReportUploadLabel: p.directReportUpload ? '是' : '否',
      projectLeadAccountId: p.projectLeadAccountId,
      projectLeadName: lead?.displayName ?? null,
      buildingCount: buildings,
      buildingsAdded: buildings > 0,
      buildingsAddedLabel: buildings > 0 ? '已添加' : '未添加',
      fireSystemsAdded,
      fireSystemsAddedLabel: fireSystemsAdded ? '已添加' : '未添加',
      geofenceMarked: !!fence,
      geofenceMarkedLabel: fence ? '已标注' : '去标注',
      status: p.status,
      statusLabel: projectStatusLabels[p.status],
      editionId: p.editionId,
      abilities: abilitiesOf[i]!,
    };
  });
}

/** One project with everything the edit form and later modules need. */
export async function presentProjectDetail(actor: Actor, p: Project): Promise<ProjectDetail> {
  const [row] = await presentProjects(actor, [p]);
  const [unit, registryProject] = await Promise.all([
    p.socialUnitId ? SocialUnit.findByPk(p.socialUnitId) : null,
    p.registryProjectId ? RegistryProject.findByPk(p.registryProjectId) : null,
  ]);
  return {
    ...row!,
    siteUscc: p.siteUscc,
    socialUnit: unit
      ? { id: unit.id, name: unit.name, safetyLevel: unit.safetyLevel, address: unit.address }
      : null,
    socialUnitLabel: unit ? unit.safetyLevel : '没有对应关系',
    registryProject: registryProject
      ? {
          id: registryProject.id,
          externalId: registryProject.externalId,
          socialUnitName: registryProject.socialUnitName,
        }
      : null,
    registryProjectLabel: registryProject ? registryProject.externalId : '没有对应关系',
    testingType: p.testingType,
    testingTypeLabel: p.testingType ? testingTypeLabels[p.testingType] : null,
    scope: p.scope,
    attachments: (p.attachments ?? []).map((a) => ({
      ...a,
      kindLabel: attachmentKindLabels[a.kind],
      url: `/api/files/${a.fileId}`,
    })),
    firstMonth: p.firstMonth,
    lastMonth: p.lastMonth,
    maintenanceCount: p.maintenanceCount,
    fireSystemFacilityIds: p.fireSystemFacilityIds ?? [],
    geofence: fenceOf(p),
    ended:
      p.endedAt != null
        ? {
            reason: p.endedReason,
            byAccountId: p.endedBy,
            byName: p.endedByName,
            at: p.endedAt.toISOString(),
          }
        : null,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Where a project change is recorded in the operation log. */
export const projectAudit = (p: Project) => ({
  entityType: 'project',
  entityId: p.id,
  institutionId: p.institutionId,
});
