import { projectKindLabels } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { conflict } from '../core/errors';
import { logChange } from './log';
import type { Project } from './models';
import { assertInProgress } from './state';

const endings = {
  cancel: { kind: 'testing', status: 'cancelled', action: 'project.cancelled', word: '注销' },
  terminate: { kind: 'maintenance', status: 'terminated', action: 'project.terminated', word: '终止' },
} as const;

/**
 * 注销 a testing project or 终止 a maintenance project: irreversible, with the reason and who did it
 * (manual §02: 注销后不能恢复).
 */
export async function endProject(
  app: AppContext,
  actor: Actor,
  project: Project,
  how: keyof typeof endings,
  reason: string,
  requestId: string,
) {
  const e = endings[how];
  if (project.kind !== e.kind)
    throw conflict(
      `类别（kind）：${projectKindLabels[project.kind]}项目不能${e.word}，${project.kind === 'testing' ? '检测项目请使用注销' : '维保项目请使用终止'}`,
      'kind',
    );
  assertInProgress(project);
  const before = { status: project.status };
  await app.sequelize.transaction(async (t) => {
    await project.update(
      {
        status: e.status,
        endedReason: reason,
        endedBy: actor.id,
        endedByName: `${actor.displayName}（${actor.accountName}）`,
        endedAt: new Date(),
      },
      { transaction: t },
    );
    await logChange(t, actor, requestId, {
      action: e.action,
      entityType: 'project',
      entityId: project.id,
      institutionId: project.institutionId,
      before,
      after: { status: project.status, reason },
    });
  });
  return project;
}
