import { findOr404 } from '../core/find';
import {
  projectKindLabels,
  specialApplicationMachine,
  type CreateSpecialApplicationInput,
  type SpecialApplicationDecision,
} from '@xf/domain';
import { UniqueConstraintError } from 'sequelize';
import { actorName } from '../core/actor';
import { actorOf, runCommand, type Audit, type RequestContext } from '../core/command';
import { badRequest, conflict } from '../core/errors';
import { nextState } from '../core/transition';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { institutionFiles } from './files';
import { SpecialApplication } from './models';
import { now as clockNow } from '../core/clock';

/**
 * 特殊申请 (manual §04): for a site where phones may not be carried, the institution asks to upload its own
 * reports. A testing project must bring the client's proof (甲方单位出具的证明材料); one pending at a time.
 */
export async function applyForSpecial(
  context: RequestContext,
  project: Project,
  input: CreateSpecialApplicationInput,
) {
  const actor = actorOf(context);
  assertInProgress(project);
  if (project.directReportUpload)
    throw conflict('该项目已获准直接上传本公司自行编制的报告，无需再次申请', 'kind');
  if (project.kind === 'testing' && input.fileIds.length === 0)
    throw badRequest('说明材料：检测项目须提交甲方单位出具的证明材料', 'fileIds');
  const files = await institutionFiles(input.fileIds, project.institutionId, 'fileIds', '说明材料');
  try {
    return await runCommand(context, 'special_application.submitted', async ({ transaction }) => {
      const row = await SpecialApplication.create(
        {
          projectId: project.id,
          institutionId: project.institutionId,
          kind: input.kind,
          reason: input.reason,
          fileIds: files.map((f) => f.id),
          status: specialApplicationMachine.initial,
          pendingProjectId: project.id,
          appliedBy: actor.id,
          appliedByName: actorName(actor),
        },
        { transaction },
      );
      return {
        result: row,
        audit: {
          entityType: 'special_application',
          entityId: row.id,
          institutionId: project.institutionId,
          after: { projectId: project.id, kind: input.kind, reason: input.reason, fileIds: row.fileIds },
        },
      };
    });
  } catch (e) {
    if (e instanceof UniqueConstraintError) throw pendingConflict(project);
    throw e;
  }
}

const pendingConflict = (project: Project) =>
  conflict(`该${projectKindLabels[project.kind]}项目已有待总队审核的特殊申请，请等待审核结果`, 'projectId');

export const findApplication = (id: number) => findOr404(SpecialApplication, id, '特殊申请');

/** The brigade approves or rejects a pending application; approval lets the project upload its own reports. */
export async function decideSpecialApplication(
  context: RequestContext,
  application: SpecialApplication,
  decision: SpecialApplicationDecision,
  rejectReason: string | null,
) {
  const actor = actorOf(context);
  nextState(specialApplicationMachine, application.status, decision, actor);
  return runCommand(context, `special_application.${decision}`, async ({ transaction }) => {
    // Re-read under the lock so two reviewers cannot both decide the same application.
    const row = (await SpecialApplication.findByPk(application.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const next = nextState(specialApplicationMachine, row.status, decision, actor);
    const before = { status: row.status };
    await row.update(
      {
        status: next,
        pendingProjectId: null,
        decidedBy: actor.id,
        decidedByName: actorName(actor),
        decidedAt: clockNow(),
        rejectReason: decision === 'reject' ? rejectReason : null,
      },
      { transaction },
    );
    const audit: Audit[] = [
      {
        action: `special_application.${next}`,
        entityType: 'special_application',
        entityId: row.id,
        institutionId: row.institutionId,
        before,
        after: { status: next, rejectReason: row.rejectReason },
      },
    ];
    if (next === 'approved') {
      const project = (await Project.findByPk(row.projectId, { transaction }))!;
      await project.update({ directReportUpload: true }, { transaction });
      audit.push({
        action: 'project.direct_report_upload_granted',
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        before: { directReportUpload: false },
        after: { directReportUpload: true, specialApplicationId: row.id },
      });
    }
    return { result: row, audit };
  });
}
