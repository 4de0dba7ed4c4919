import { projectMachine, type ProjectKind } from '@xf/domain';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { Project } from './models';
import { projectAudit, projectSnapshot } from './present';

/**
 * What testing and maintenance project entry share once each kind has checked its own columns: the row is
 * created in the machine's initial state with its pinned edition, or updated while it is still running, and
 * either change is one command with its operation-log entry.
 */
export async function insertProject(
  context: RequestContext,
  kind: ProjectKind,
  editionId: string,
  columns: Partial<Project>,
) {
  const actor = actorOf(context);
  return runCommand(context, 'project.created', async ({ transaction }) => {
    const project = await Project.create(
      {
        ...columns,
        kind,
        institutionId: actor.institutionId,
        editionId,
        directReportUpload: false,
        status: projectMachine.initial,
        createdBy: actor.id,
      },
      { transaction },
    );
    return { result: project, audit: { ...projectAudit(project), after: projectSnapshot(project) } };
  });
}

/** The caller has checked `assertInProgress` before its columns, so a closed project is refused first. */
export async function reviseProject(context: RequestContext, project: Project, columns: Partial<Project>) {
  const before = projectSnapshot(project);
  return runCommand(context, 'project.updated', async ({ transaction }) => {
    await project.update(columns, { transaction });
    return {
      result: project,
      audit: { ...projectAudit(project), before, after: projectSnapshot(project) },
    };
  });
}
