import {
  siteRequestKindLabels,
  siteRequestStatusLabels,
  testingTaskStatusLabels,
  type SiteRequestView,
  type TestingTaskView,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { LocationCheck } from '../location-check/models';
import { presentLocationCheck } from '../location-check/service';
import { Project } from '../projects/models';
import { SiteRequest, TestingTask } from './models';

const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

export async function presentSiteRequests(rows: SiteRequest[]): Promise<SiteRequestView[]> {
  if (!rows.length) return [];
  const [accounts, projects, checks, tasks] = await Promise.all([
    Account.findAll({ where: { id: [...new Set(rows.map((r) => r.requestedBy))] } }).then(byId),
    Project.findAll({ where: { id: [...new Set(rows.map((r) => r.projectId))] } }).then(byId),
    LocationCheck.findAll({ where: { id: rows.map((r) => r.locationCheckId) } }).then(byId),
    TestingTask.findAll({ where: { id: rows.map((r) => r.testingTaskId) } }).then(byId),
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
      testingTaskId: r.testingTaskId,
      requestedBy: {
        id: r.requestedBy,
        accountName: a?.accountName ?? '',
        displayName: a?.displayName ?? '',
      },
      requestedAt: r.requestedAt.toISOString(),
      planSingleItemIds: tasks.get(r.testingTaskId)?.planSingleItemIds ?? [],
      locationCheck: presentLocationCheck(checks.get(r.locationCheckId)!),
      faceCheck: { accepted: r.faceAccepted, distance: r.faceDistance, threshold: r.faceThreshold },
      photoUrl: `/api/files/${r.photoFileId}`,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionReason: r.decisionReason,
      forcedOverride: r.forcedOverride,
    };
  });
}

export async function presentTestingTasks(tasks: TestingTask[]): Promise<TestingTaskView[]> {
  if (!tasks.length) return [];
  const [projects, starts] = await Promise.all([
    Project.findAll({ where: { id: [...new Set(tasks.map((t) => t.projectId))] } }).then(byId),
    SiteRequest.findAll({
      where: { testingTaskId: tasks.map((t) => t.id), kind: 'start' },
      order: [['id', 'ASC']],
    }),
  ]);
  const requests = new Map((await presentSiteRequests(starts)).map((r) => [r.testingTaskId, r]));
  return tasks.map((t) => ({
    id: t.id,
    clientRequestId: t.clientRequestId,
    projectId: t.projectId,
    siteName: projects.get(t.projectId)?.siteName ?? '',
    status: t.status,
    statusLabel: testingTaskStatusLabels[t.status],
    planSingleItemIds: t.planSingleItemIds,
    createdAt: t.createdAt.toISOString(),
    startedAt: t.startedAt?.toISOString() ?? null,
    startRequest: requests.get(t.id) ?? null,
  }));
}
