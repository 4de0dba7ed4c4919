import { actorName } from '../core/actor';
import { projectKindLabels, projectMachine } from '@xf/domain';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { conflict } from '../core/errors';
import { nextState } from '../core/transition';
import type { Project } from './models';
import { projectAudit } from './present';
import { endingOf } from './state';
import { now as clockNow } from '../core/clock';

type Ending = (typeof endingOf)[Project['kind']];

/**
 * 注销 a testing project or 终止 a maintenance project: a transition of the project machine, irreversible,
 * recorded with the reason and who did it (manual §02: 注销后不能恢复). Each kind has its own ending; the
 * other one is refused like a transition the table does not allow.
 */
export async function endProject(
  context: RequestContext,
  project: Project,
  how: Ending,
  input: { reason: string },
) {
  const actor = actorOf(context);
  if (endingOf[project.kind] !== how) {
    const proper = projectMachine.actions[endingOf[project.kind]];
    throw conflict(
      `项目类别：${projectKindLabels[project.kind]}项目不能${projectMachine.actions[how]}，${projectKindLabels[project.kind]}项目请使用${proper}`,
      'kind',
    );
  }
  const status = nextState(projectMachine, project.status, how, actor);
  const before = { status: project.status };
  return runCommand(context, `project.${status}`, async ({ transaction }) => {
    await project.update(
      {
        status,
        endedReason: input.reason,
        endedBy: actor.id,
        endedByName: actorName(actor),
        endedAt: clockNow(),
      },
      { transaction },
    );
    return {
      result: project,
      audit: { ...projectAudit(project), before, after: { status, reason: input.reason } },
    };
  });
}
