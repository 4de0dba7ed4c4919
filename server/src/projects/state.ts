import { projectMachine } from '@xf/domain';
import { nextState } from '../core/transition';
import type { Project } from './models';

/**
 * A project's entries (buildings, fence, fire systems, plans, reports …) change only while its work can still
 * be completed, i.e. while the machine still allows `complete` from its state (进行中). A cancelled (注销),
 * terminated (终止) or completed project answers 409 with the machine's text.
 */
export function assertInProgress(p: Pick<Project, 'status'>) {
  nextState(projectMachine, p.status, 'complete');
}

/** How each kind of project ends early (manual §02/§03): 注销 a testing project, 终止 a maintenance one. */
export const endingOf = { testing: 'cancel', maintenance: 'terminate' } as const satisfies Record<
  Project['kind'],
  'cancel' | 'terminate'
>;
