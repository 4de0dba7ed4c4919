import { type CreateTestingTaskInput } from '@xf/domain';
import { actorOf, type RequestContext } from '../core/command';
import { createOnceChecked } from '../core/idempotent';
import type { Actor } from '../core/actor';
import { badRequest, forbidden } from '../core/errors';
import type { Upload } from '../files/service';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { TestingPlanAssignment } from '../testing-plans/models';
import { projectTestingPlan, singleItemsById } from '../testing-plans/plan';
import { TestingTask } from './models';
import { fileStartWithTask, siteChecks } from '../site-requests/filing';

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
  const spec = {
    kind: 'testing_task',
    key: input.idempotencyKey,
    payload: { ...input, photo: photo.buffer },
    action: 'site_request.start_filed',
    replay: async (id: string) => (await TestingTask.findByPk(Number(id)))!,
  };
  return createOnceChecked(context, spec, async () => {
    const project = await findProject(input.projectId);
    if (project.kind !== 'testing') throw badRequest('项目：只有检测项目可以建立测试任务', 'projectId');
    assertInProgress(project);
    const planSingleItemIds = await chosenSingleItems(actor, project, input);
    const face = await siteChecks(context, project, input, photo, 'start');
    return async (c) => {
      const task = await TestingTask.create(
        {
          projectId: project.id,
          operatorAccountId: actor.id,
          idempotencyKey: input.idempotencyKey,
          planSingleItemIds,
          status: 'created',
        },
        { transaction: c.transaction },
      );
      const ref = { column: 'testingTaskId' as const, id: task.id };
      const audit = await fileStartWithTask(c, project, ref, input, photo, face, { planSingleItemIds });
      return { id: task.id, result: task, audit };
    };
  });
}
