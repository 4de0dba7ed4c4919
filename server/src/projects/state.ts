import { projectStatusLabels } from '@xf/domain';
import { conflict } from '../core/errors';
import type { Project } from './models';

/** Only a running project changes: a cancelled (注销) or terminated (终止) one never again, a completed one is closed. */
export function assertInProgress(p: Project) {
  if (p.status !== 'in_progress')
    throw conflict(`状态（status）：项目${projectStatusLabels[p.status]}，不能修改`, 'status');
}
