import { Op } from 'sequelize';
import {
  locationCheckReasonLabels,
  siteRequestKindLabels,
  maintenanceTaskMachine,
  siteRequestMachine,
  testingTaskMachine,
  type ApproveSiteRequestInput,
  type LocationCheckReason,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { badRequest, forbidden, notFound } from '../core/errors';
import { nextState } from '../core/transition';
import { compareWithProfile } from '../face-profiles/service';
import type { Upload } from '../files/service';
import { checkLocation, flagUnknownMock } from '../location-check/service';
import { LocationCheck } from '../location-check/models';
import { findProject } from '../projects/find';
import { raiseRedFlag } from '../red-flags/service';
import { notifyOperatorOfDecision } from '../reminders/service';
import { MaintenanceTask } from '../maintenance-tasks/models';
import { TestingTask } from '../testing-tasks/models';
import { SiteRequest } from './models';
import { leadProjectIds, type SiteRequestSubject } from './policies';
import { refuseLogged } from './refuse';
import { now as clockNow } from '../core/clock';

export async function loadSiteRequest(id: number): Promise<SiteRequestSubject> {
  const request = await SiteRequest.findByPk(id);
  if (!request) throw notFound('现场申请');
  return { request, project: await findProject(request.projectId) };
}

const audit = ({ request, project }: SiteRequestSubject) => ({
  entityType: 'site_request',
  entityId: request.id,
  institutionId: project.institutionId,
});

/**
 * 同意开始申请 or 提交申请: the lead must be on site (7号令 第十八条(三)), proved by their own location check and face check;
 * each refused attempt is logged. Approving over a failed operator check is a forced override: it needs a
 * note and raises a red flag.
 */
export async function approveSiteRequest(
  context: RequestContext,
  subject: SiteRequestSubject,
  input: ApproveSiteRequestInput,
  photo: Upload,
) {
  const actor = actorOf(context);
  const { request, project } = subject;
  nextState(siteRequestMachine, request.status, 'approve', actor);
  const operatorCheck = (await LocationCheck.findByPk(request.locationCheckId))!;
  const failed = [
    ...(operatorCheck.inside
      ? []
      : [`位置校验未通过（${locationCheckReasonLabels[operatorCheck.reason as LocationCheckReason]}）`]),
    ...(request.faceAccepted ? [] : ['人脸比对未通过']),
  ];
  if (failed.length && !input.reason)
    throw badRequest(`说明：操作员${failed.join('、')}，强行同意须填写说明，并将记入跟踪标红`, 'reason');

  const own = await checkLocation(actor, project, input, 'site_request_approval');
  if (!own.inside)
    await refuseLogged(
      context,
      'site_request.approval_refused_off_site',
      forbidden(`项目负责人须在现场处理申请：${own.message}`, 'not_on_site'),
      {
        ...audit(subject),
        after: { locationCheckId: own.check.id, reason: own.reason, distanceM: own.distanceM },
      },
    );
  const face = await compareWithProfile(context.app, actor, photo.buffer, 'site_request_approval');
  if (!face.accepted)
    await refuseLogged(
      context,
      'site_request.approval_refused_face',
      forbidden('人脸比对未通过，不能处理现场申请。请本人重新拍照后再试', 'face_mismatch'),
      { ...audit(subject), after: { distance: face.distance, threshold: face.threshold } },
    );

  return runCommand(context, 'site_request.approved', async ({ transaction }) => {
    // Re-read under the lock: two approvals racing decide once.
    const row = (await SiteRequest.findByPk(request.id, { transaction, lock: transaction.LOCK.UPDATE }))!;
    const status = nextState(siteRequestMachine, row.status, 'approve', actor);
    // The request's task: a 测试任务 or a 维保任务, each started by its own machine.
    const lock = { transaction, lock: transaction.LOCK.UPDATE };
    const start = async () => {
      if (row.maintenanceTaskId !== null) {
        const task = (await MaintenanceTask.findByPk(row.maintenanceTaskId, lock))!;
        const next = nextState(maintenanceTaskMachine, task.status, 'start', actor);
        await task.update({ status: next, startedAt: now }, { transaction });
      } else {
        const task = (await TestingTask.findByPk(row.testingTaskId!, lock))!;
        const next = nextState(testingTaskMachine, task.status, 'start', actor);
        await task.update({ status: next, startedAt: now }, { transaction });
      }
    };
    const now = clockNow();
    await row.update(
      {
        status,
        decidedBy: actor.id,
        decidedAt: now,
        decisionReason: input.reason ?? null,
        deciderLocationCheckId: own.check.id,
        forcedOverride: failed.length > 0,
      },
      { transaction },
    );
    // 同意开始申请 starts the task; 同意提交申请 lets the operator submit (the submission moves the task on).
    if (row.kind === 'start') await start();
    await flagUnknownMock(
      context.app.config,
      project,
      own.check,
      `项目负责人${actor.displayName}`,
      transaction,
    );
    if (failed.length)
      await raiseRedFlag(
        {
          kind: 'forced_override',
          subjectType: 'site_request',
          subjectId: row.id,
          subjectName: `${project.siteName} ${siteRequestKindLabels[row.kind]}#${row.id}`,
          institutionId: project.institutionId,
          reason: `项目负责人${actor.displayName}强行同意${siteRequestKindLabels[row.kind]}：${failed.join('、')}。说明：${input.reason}`,
          details: {
            projectId: project.id,
            ...(row.maintenanceTaskId !== null
              ? { maintenanceTaskId: row.maintenanceTaskId }
              : { testingTaskId: row.testingTaskId }),
            operatorLocationCheckId: operatorCheck.id,
            distanceM: operatorCheck.distanceM,
            faceAccepted: row.faceAccepted,
          },
        },
        transaction,
      );
    await notifyOperatorOfDecision({ ...context, transaction }, row);
    return {
      result: row,
      audit: {
        ...audit(subject),
        before: { status: request.status },
        after: {
          status,
          forcedOverride: failed.length > 0,
          reason: input.reason ?? null,
          leadLocationCheckId: own.check.id,
          leadFaceDistance: face.distance,
        },
      },
    };
  });
}

export async function rejectSiteRequest(
  context: RequestContext,
  subject: SiteRequestSubject,
  input: { reason: string },
) {
  const actor = actorOf(context);
  nextState(siteRequestMachine, subject.request.status, 'reject', actor);
  return runCommand(context, 'site_request.rejected', async ({ transaction }) => {
    const row = (await SiteRequest.findByPk(subject.request.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const status = nextState(siteRequestMachine, row.status, 'reject', actor);
    const before = { status: row.status };
    await row.update(
      { status, decidedBy: actor.id, decidedAt: clockNow(), decisionReason: input.reason },
      { transaction },
    );
    await notifyOperatorOfDecision({ ...context, transaction }, row);
    return { result: row, audit: { ...audit(subject), before, after: { status, reason: input.reason } } };
  });
}

/** Pending requests of the projects this lead leads (all, or only those of maintenance tasks): home page counts. */
export async function countPendingForLead(actor: Actor, only?: 'maintenance') {
  const ids = await leadProjectIds(actor);
  if (!ids.length) return 0;
  return SiteRequest.count({
    where: {
      projectId: { [Op.in]: ids },
      status: 'pending',
      ...(only === 'maintenance' ? { maintenanceTaskId: { [Op.ne]: null } } : {}),
    },
  });
}
