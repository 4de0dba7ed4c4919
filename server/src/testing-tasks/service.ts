import { type CreateTestingTaskInput } from '@xf/domain';
import { actorOf, type RequestContext } from '../core/command';
import { createOnce, IdempotencyRecord } from '../core/idempotent';
import type { Actor } from '../core/actor';
import { badRequest, forbidden } from '../core/errors';
import { compareWithProfile } from '../face-profiles/service';
import { storeFile, type Upload } from '../files/service';
import { checkLocation, flagUnknownMock } from '../location-check/service';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { SiteRequest } from '../site-requests/models';
import { refuseLogged } from '../site-requests/refuse';
import { TestingPlanAssignment } from '../testing-plans/models';
import { projectTestingPlan, singleItemsById } from '../testing-plans/plan';
import { TestingTask } from './models';

const KIND = 'testing_task';

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
  if (!chosen.length) throw badRequest('检测单项：请至少选择一个检测单项，或选择全部', 'planSingleItemIds');
  const mine = new Set(assigned);
  chosen.forEach((id, i) => {
    if (!mine.has(id))
      throw forbidden(`检测单项：“${id}”未下发给您，不能建立测试任务`, 'not_assigned', {
        field: `planSingleItemIds.${i}`,
      });
  });
  return chosen;
}

/**
 * 建立测试任务 and file its 开始申请 (manual §02). The location check and face comparison run on the server and
 * their results are stored on the request for the project lead; only a mock location is refused outright
 * (and logged). Created once by the phone's key: a retry from the offline outbox returns the task first
 * created, ten racing copies make one task, and another request under a used key is refused.
 */
export async function createTestingTask(
  context: RequestContext,
  input: CreateTestingTaskInput,
  photo: Upload,
) {
  const actor = actorOf(context);
  const payload = { ...input, photo: photo.buffer };
  const replay = async (id: string) => (await TestingTask.findByPk(Number(id)))!;
  const known = await IdempotencyRecord.findOne({
    where: { accountId: actor.id, kind: KIND, idempotencyKey: input.idempotencyKey },
  });
  if (known)
    return createOnce(context, {
      kind: KIND,
      key: input.idempotencyKey,
      payload,
      action: 'site_request.start_filed',
      create: () => Promise.reject(new Error('the key was used; createOnce replays it')),
      replay,
    });

  const project = await findProject(input.projectId);
  if (project.kind !== 'testing') throw badRequest('项目：只有检测项目可以建立测试任务', 'projectId');
  assertInProgress(project);
  const planSingleItemIds = await chosenSingleItems(actor, project, input);
  if (input.isMock) {
    // The check is kept whatever the outcome; the refusal is logged on its own.
    const location = await checkLocation(actor, project, input, 'site_request_start');
    await refuseLogged(
      context,
      'site_request.mock_location_refused',
      forbidden(location.message, 'mock_location'),
      {
        entityType: 'project',
        entityId: project.id,
        institutionId: project.institutionId,
        after: { locationCheckId: location.check.id, idempotencyKey: input.idempotencyKey },
      },
    );
  }
  // Outside the command: the comparison records itself, and must not wait on the command's transaction.
  const face = await compareWithProfile(context.app, actor, photo.buffer, 'site_request_start');

  return createOnce(context, {
    kind: KIND,
    key: input.idempotencyKey,
    payload,
    action: 'site_request.start_filed',
    replay,
    create: async (c) => {
      const { transaction } = c;
      const location = await checkLocation(actor, project, input, 'site_request_start', transaction);
      const { file } = await storeFile(c, photo);
      const task = await TestingTask.create(
        {
          projectId: project.id,
          operatorAccountId: actor.id,
          idempotencyKey: input.idempotencyKey,
          planSingleItemIds,
          status: 'created',
        },
        { transaction },
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
        { transaction },
      );
      await flagUnknownMock(
        context.app.config,
        project,
        location.check,
        `操作员${actor.displayName}`,
        transaction,
      );
      return {
        id: task.id,
        result: task,
        audit: {
          entityType: 'site_request',
          entityId: request.id,
          institutionId: project.institutionId,
          after: {
            testingTaskId: task.id,
            planSingleItemIds,
            locationInside: location.inside,
            locationReason: location.reason,
            distanceM: location.distanceM,
            isMock: location.check.isMock,
            faceAccepted: face.accepted,
          },
        },
      };
    },
  });
}
