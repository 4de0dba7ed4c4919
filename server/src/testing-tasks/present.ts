import { testingTaskStatusLabels, type TestingTaskView } from '@xf/domain';
import { Project } from '../projects/models';
import { SiteRequest } from '../site-requests/models';
import { byId, presentSiteRequests } from '../site-requests/present';
import type { TestingTask } from './models';

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
    idempotencyKey: t.idempotencyKey,
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
