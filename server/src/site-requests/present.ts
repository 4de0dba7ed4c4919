import {
  siteRequestKindLabels,
  siteRequestMachine,
  siteRequestStatusLabels,
  type SiteRequestView,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { Account } from '../accounts/models';
import { LocationCheck } from '../location-check/models';
import { presentLocationCheck } from '../location-check/service';
import { Project } from '../projects/models';
import { MaintenanceTask } from '../maintenance-tasks/models';
import { TestingTask } from '../testing-tasks/models';
import type { SiteRequest } from './models';
import { workflowAbilities } from './abilities';

export const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export async function presentSiteRequests(rows: SiteRequest[]): Promise<SiteRequestView[]> {
  if (!rows.length) return [];
  const ids = (pick: (r: SiteRequest) => number | null) =>
    rows.map(pick).filter((id): id is number => id !== null);
  const [accounts, projects, checks, tasks, maintenanceTasks] = await Promise.all([
    Account.findAll({ where: { id: [...new Set(rows.map((r) => r.requestedBy))] } }).then(byId),
    Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }).then(byId),
    LocationCheck.findAll({ where: { id: rows.map((r) => r.locationCheckId) } }).then(byId),
    TestingTask.findAll({ where: { id: ids((r) => r.testingTaskId) } }).then(byId),
    MaintenanceTask.findAll({ where: { id: ids((r) => r.maintenanceTaskId) } }).then(byId),
  ]);
  return rows.map((r) => {
    const a = accounts.get(r.requestedBy);
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: siteRequestKindLabels[r.kind],
      status: r.status,
      statusLabel: siteRequestStatusLabels[r.status],
      projectId: r.projectId,
      siteName: projects.get(r.projectId)?.siteName ?? '',
      taskKind: r.maintenanceTaskId !== null ? ('maintenance' as const) : ('testing' as const),
      testingTaskId: r.testingTaskId,
      maintenanceTaskId: r.maintenanceTaskId,
      requestedBy: {
        id: r.requestedBy,
        accountName: a?.accountName ?? '',
        displayName: a?.displayName ?? '',
      },
      requestedAt: r.requestedAt.toISOString(),
      planSingleItemIds: (r.testingTaskId && tasks.get(r.testingTaskId)?.planSingleItemIds) || [],
      facilityIds: (r.maintenanceTaskId && maintenanceTasks.get(r.maintenanceTaskId)?.facilityIds) || [],
      locationCheck: presentLocationCheck(checks.get(r.locationCheckId)!),
      faceCheck: { accepted: r.faceAccepted, distance: r.faceDistance, threshold: r.faceThreshold },
      photoUrl: `/api/files/${r.photoFileId}`,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionReason: r.decisionReason,
      forcedOverride: r.forcedOverride,
    };
  });
}

/** Requests as a lead sees them: with what the lead may do with each (approve / reject). */
export async function presentForLead(actor: Actor, rows: SiteRequest[]): Promise<SiteRequestView[]> {
  const views = await presentSiteRequests(rows);
  const projects = await Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }).then(
    byId,
  );
  return Promise.all(
    rows.map(async (request, i) => ({
      ...views[i]!,
      abilities: await workflowAbilities(
        actor,
        'site_request',
        { request, project: projects.get(request.projectId)! },
        siteRequestMachine,
        request.status,
        ['approve', 'reject'],
      ),
    })),
  );
}
