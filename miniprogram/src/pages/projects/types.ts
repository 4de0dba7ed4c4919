import type { ProjectRow } from '@xf/domain';

/** The lead pages show the server's own response types (domain/src/api/projects.ts). */
export type { BuildingList, ProjectDetail, ProjectRow } from '@xf/domain';

/** The NutUI tag colour of each project status. */
export const STATUS_TAG: Record<ProjectRow['status'], 'success' | 'warning' | 'danger'> = {
  in_progress: 'success',
  completed: 'warning',
  cancelled: 'danger',
  terminated: 'danger',
};
