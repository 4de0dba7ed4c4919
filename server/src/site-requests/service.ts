import { Op, UniqueConstraintError } from 'sequelize';
import {
  siteRequestMachine,
  testingTaskMachine,
  type ApproveSiteRequestInput,
  type CreateTestingTaskInput,
} from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest, forbidden, notFound } from '../core/errors';
import { compareWithProfile } from '../face-profiles/service';
import { storeUpload } from '../files/service';
import { checkLocation } from '../location-check/service';
import { LocationCheck } from '../location-check/models';
import { recordOperation } from '../operation-log/record';
import { findProject } from '../projects/find';
import { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { raiseRedFlag } from '../red-flags/service';
import { TestingPlanAssignment } from '../testing-plans/models';
import { projectTestingPlan, singleItemsById } from '../testing-plans/plan';
import { SiteRequest, TestingTask } from './models';
import { nextState } from '../core/transition';

type Photo = { buffer: Buffer; originalname: string };

/** The single items chosen: all assigned ones, or the listed ones, each of which must be assigned to the operator. */
async function chosenSingleItems(actor: Actor, project: Project, input: CreateTestingTaskInput) {
  const plan = singleItemsById(await projectTestingPlan(project));
  const assigned = (
    await TestingPlanAssignment.findAll({
      where: { projectId: project.id, operatorAccountId: actor.id },
      order: [['id', 'ASC']],
    })
  )
    .map((a) => a.planSingleItemId)
    .filter((id) => plan.has(id));
  if (input.allAssigned) {
    if (!assigned.length) throw forbidden('本项目没有下发给您的检测单项', 'not_assigned');
    return assigned;
  }
  const chosen = [...new Set(input.planSingleItemIds)];
  if (!chosen.length)
    throw badRequest(
      '检测单项（planSingleItemIds）：请至少选择一个检测单项，或选择全部',
      'planSingleItemIds',
    );
  const mine = new Set(assigned);
  chosen.forEach((id, i) => {
    if (!mine.has(id))
      throw forbidden(
        `检测单项（planSingleItemIds.${i}）：“${id}”未下发给您，不能建立测试任务`,
        'not_assigned',
      );
  });
  return chosen;
}

const findTask = (actor: Actor, clientRequestId: string) =>
  TestingTask.findOne({ where: { operatorAccountId: actor.id, clientRequestId } });

/**
 * 建立测试任务 and file its 开始申请 (manual §02). The location check and face comparison run on the server and
 * their results are stored on the request for the project lead; only a mock location is refused outright.
 * A retry from the offline outbox with the same clientRequestId returns the task first created.
 */
export async function createTestingTask(
  app: AppContext,
  actor: Actor,
  input: CreateTestingTaskInput,
  photo: Photo,
  requestId: string,
): Promise<{ task: TestingTask; replayed: boolean }> {
  const existing = await findTask(actor, input.clientRequestId);
  if (existing) return { task: existing, replayed: true };
  const project = await findProject(input.projectId);
  if (project.kind !== 'testing')
    throw badRequest('项目（projectId）：只有检测项目可以建立测试任务', 'projectId');
  assertInProgress(project);
  const planSingleItemIds = await chosenSingleItems(actor, project, input);

  const location = await checkLocation(actor, project, input, 'site_request_start');
  if (location.reason === 'mock_location') {
    await recordOperation(
      null,
      actor,
      {
        action: 'site_request.mock_location_refused',
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        after: { locationCheckId: location.check.id, clientRequestId: input.clientRequestId },
      },
      requestId,
    );
    throw forbidden(location.message, 'mock_location');
  }
  const face = await compareWithProfile(app, actor, photo.buffer, 'site_request_start');
  const { file } = await storeUpload(app, actor, photo, undefined);

  try {
    const task = await app.sequelize.transaction(async (t) => {
      const task = await TestingTask.create(
        {
          projectId: project.id,
          operatorAccountId: actor.id,
          clientRequestId: input.clientRequestId,
          planSingleItemIds,
          status: 'created',
        },
        { transaction: t },
      );
      const request = await SiteRequest.create(
        {
          kind: 'start',
          status: 'pending',
          projectId: project.id,
          testingTaskId: task.id,
          requestedBy: actor.id,
          requestedAt: new Date(),
          photoFileId: file.id,
          locationCheckId: location.check.id,
          faceAccepted: face.accepted,
          faceDistance: face.distance,
          faceThreshold: face.threshold,
        },
        { transaction: t },
      );
      await recordOperation(
        t,
        actor,
        {
          action: 'site_request.start_filed',
          entityType: 'site_request',
          entityId: request.id,
          institutionId: project.institutionId,
          after: {
            testingTaskId: task.id,
            planSingleItemIds,
            locationInside: location.inside,
            locationReason: location.reason,
            distanceM: location.distanceM,
            faceAccepted: face.accepted,
          },
        },
        requestId,
      );
      return task;
    });
    return { task, replayed: false };
  } catch (e) {
    // Two retries racing: the unique index lets one win and the other returns the winner.
    if (e instanceof UniqueConstraintError) {
      const winner = await findTask(actor, input.clientRequestId);
      if (winner) return { task: winner, replayed: true };
    }
    throw e;
  }
}

export async function findSiteRequest(id: number) {
  const r = await SiteRequest.findByPk(id);
  if (!r) throw notFound('现场申请');
  return r;
}

async function refuseApproval(
  actor: Actor,
  request: SiteRequest,
  project: Project,
  action: string,
  after: object,
  requestId: string,
) {
  await recordOperation(
    null,
    actor,
    { action, entityType: 'site_request', entityId: request.id, institutionId: project.institutionId, after },
    requestId,
  );
}

/**
 * 同意开始申请: the lead must be on site (7号令 第十八条(三)), proved by their own location check and face check.
 * Approving over a failed operator check is a forced override: it needs a note and raises a red flag.
 */
export async function approveSiteRequest(
  app: AppContext,
  actor: Actor,
  request: SiteRequest,
  project: Project,
  input: ApproveSiteRequestInput,
  photo: Photo,
  requestId: string,
) {
  nextState(siteRequestMachine, request.status, 'approve');
  const operatorCheck = (await LocationCheck.findByPk(request.locationCheckId))!;
  const failed = [
    ...(operatorCheck.inside ? [] : [`位置校验未通过（${operatorCheck.reason}）`]),
    ...(request.faceAccepted ? [] : ['人脸比对未通过']),
  ];
  if (failed.length && !input.reason)
    throw badRequest(
      `说明（reason）：操作员${failed.join('、')}，强行同意须填写说明，并将记入跟踪标红`,
      'reason',
    );

  const own = await checkLocation(actor, project, input, 'site_request_approval');
  if (!own.inside) {
    await refuseApproval(
      actor,
      request,
      project,
      'site_request.approval_refused_off_site',
      { locationCheckId: own.check.id, reason: own.reason, distanceM: own.distanceM },
      requestId,
    );
    throw forbidden(`项目负责人须在现场处理申请：${own.message}`, 'not_on_site');
  }
  const face = await compareWithProfile(app, actor, photo.buffer, 'site_request_approval');
  if (!face.accepted) {
    await refuseApproval(
      actor,
      request,
      project,
      'site_request.approval_refused_face',
      { distance: face.distance, threshold: face.threshold },
      requestId,
    );
    throw forbidden('人脸比对未通过，不能处理现场申请。请本人重新拍照后再试', 'face_mismatch');
  }

  return app.sequelize.transaction(async (t) => {
    const row = (await SiteRequest.findByPk(request.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const status = nextState(siteRequestMachine, row.status, 'approve');
    const task = (await TestingTask.findByPk(row.testingTaskId, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const now = new Date();
    await row.update(
      {
        status,
        decidedBy: actor.id,
        decidedAt: now,
        decisionReason: input.reason ?? null,
        deciderLocationCheckId: own.check.id,
        forcedOverride: failed.length > 0,
      },
      { transaction: t },
    );
    await task.update(
      { status: nextState(testingTaskMachine, task.status, 'start'), startedAt: now },
      { transaction: t },
    );
    if (failed.length)
      await raiseRedFlag(
        {
          kind: 'forced_override',
          subjectType: 'site_request',
          subjectId: row.id,
          subjectName: `${project.siteName} 开始申请#${row.id}`,
          institutionId: project.institutionId,
          reason: `项目负责人${actor.displayName}强行同意开始申请：${failed.join('、')}。说明：${input.reason}`,
          details: {
            projectId: project.id,
            testingTaskId: task.id,
            operatorLocationCheckId: operatorCheck.id,
            distanceM: operatorCheck.distanceM,
            faceAccepted: row.faceAccepted,
          },
        },
        t,
      );
    await recordOperation(
      t,
      actor,
      {
        action: 'site_request.approved',
        entityType: 'site_request',
        entityId: row.id,
        institutionId: project.institutionId,
        before: { status: 'pending' },
        after: {
          status,
          forcedOverride: failed.length > 0,
          reason: input.reason ?? null,
          leadLocationCheckId: own.check.id,
          leadFaceDistance: face.distance,
        },
      },
      requestId,
    );
    return row;
  });
}

export async function rejectSiteRequest(
  app: AppContext,
  actor: Actor,
  request: SiteRequest,
  project: Project,
  reason: string,
  requestId: string,
) {
  nextState(siteRequestMachine, request.status, 'reject');
  return app.sequelize.transaction(async (t) => {
    const row = (await SiteRequest.findByPk(request.id, { transaction: t, lock: t.LOCK.UPDATE }))!;
    const status = nextState(siteRequestMachine, row.status, 'reject');
    await row.update(
      { status, decidedBy: actor.id, decidedAt: new Date(), decisionReason: reason },
      { transaction: t },
    );
    await recordOperation(
      t,
      actor,
      {
        action: 'site_request.rejected',
        entityType: 'site_request',
        entityId: row.id,
        institutionId: project.institutionId,
        before: { status: 'pending' },
        after: { status, reason },
      },
      requestId,
    );
    return row;
  });
}

/** Pending requests of the projects this lead leads: the home page count and the 待办 list. */
export async function leadProjectIds(actor: Actor) {
  return (await Project.findAll({ where: { projectLeadAccountId: actor.id }, attributes: ['id'] })).map(
    (p) => p.id,
  );
}

export async function countPendingForLead(actor: Actor) {
  const ids = await leadProjectIds(actor);
  return ids.length ? SiteRequest.count({ where: { projectId: { [Op.in]: ids }, status: 'pending' } }) : 0;
}
