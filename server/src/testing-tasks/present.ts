import { testingTaskStatusLabels, type TestingTaskView } from '@xf/domain';
import { Project } from '../projects/models';
import { SiteRequest } from '../site-requests/models';
import { byId, presentSiteRequests } from '../site-requests/present';
import type { TestingTask } from './models';

export async function presentTestingTasks(tasks: TestingTask[]): Promise<TestingTaskView[]> {
  if (!tasks.length) return [];
  const [projects, requests] = await Promise.all([
    Project.findAll({ where: { id: [...new Set(tasks.map((t) => t.projectId))] } }).then(byId),
    SiteRequest.findAll({
      where: { testingTaskId: tasks.map((t) => t.id) },
      order: [['id', 'ASC']],
    }),
  ]);
  // Ordered by id: the latest request of each kind wins.
  const views = await presentSiteRequests(requests);
  const starts = new Map(views.filter((r) => r.kind === 'start').map((r) => [r.testingTaskId, r]));
  const submits = new Map(views.filter((r) => r.kind === 'submit').map((r) => [r.testingTaskId, r]));
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
    startRequest: starts.get(t.id) ?? null,
    submitRequest: submits.get(t.id) ?? null,
  }));
}
