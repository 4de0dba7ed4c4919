import {
  maintenanceAssignmentMachine,
  maintenanceTaskMachine,
  type CreateMaintenanceTaskInput,
  type LocationFix,
  type SiteRequestKind,
} from '@xf/domain';
import { Op } from 'sequelize';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { conflict, badRequest, forbidden, notFound } from '../core/errors';
import { createOnceChecked } from '../core/idempotent';
import { nextState, transition } from '../core/transition';
import type { Upload } from '../files/service';
import { MaintenancePlanAssignment, MaintenancePlanRecord } from '../maintenance-plans/models';
import { findProject } from '../projects/find';
import { assertInProgress } from '../projects/state';
import {
  fileStartWithTask,
  fileTaskRequest as fileRequest,
  siteChecks,
  type SiteRequestTaskKind,
} from '../site-requests/filing';
import { SiteRequest } from '../site-requests/models';
import { MaintenanceTask } from './models';
import type { MaintenanceTaskSubject } from './policies';

/** 维保任务 as a task that files site requests (site-requests/filing.ts). */
export const maintenanceTaskKind: SiteRequestTaskKind = {
  column: 'maintenanceTaskId',
  name: '维保任务',
  results: '维保结果',
  machine: maintenanceTaskMachine,
  lock: async (id, transaction) =>
    (await MaintenanceTask.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE }))!,
};

export async function loadMaintenanceTask(id: number): Promise<MaintenanceTaskSubject> {
  const task = await MaintenanceTask.findByPk(id);
  if (!task) throw notFound('维保任务');
  return { task, project: await findProject(task.projectId) };
}

export const taskAudit = ({ task, project }: MaintenanceTaskSubject) => ({
  entityType: 'maintenance_task',
  entityId: task.id,
  institutionId: project.institutionId,
});

/**
 * The facilities chosen: all of the plan's facilities dispatched to the operator and not yet in one of their
 * tasks, or the listed ones, each of which must be dispatched to the operator (403) and still 待开始 (409).
 */
async function chosenAssignments(
  actor: Actor,
  plan: MaintenancePlanRecord,
  input: CreateMaintenanceTaskInput,
) {
  const mine = await MaintenancePlanAssignment.findAll({
    where: { planId: plan.id, operatorAccountId: actor.id },
    order: [['id', 'ASC']],
  });
  if (!mine.length) throw forbidden('该维保计划没有下发给您的消防设施', 'not_assigned');
  if (input.allAssigned) {
    const pending = mine.filter((a) => a.state === 'pending');
    if (!pending.length) throw conflict('该维保计划下发给您的消防设施都已建立维保任务', 'facilityIds');
    return pending;
  }
  const chosen = [...new Set(input.facilityIds)];
  if (!chosen.length) throw badRequest('消防设施：请至少选择一个消防设施，或选择全部', 'facilityIds');
  const byFacility = new Map(mine.map((a) => [a.facilityId, a]));
  return chosen.map((id) => {
    const field = `facilityIds.${input.facilityIds.indexOf(id)}`;
    const a = byFacility.get(id);
    if (!a) throw forbidden(`消防设施：“${id}”未下发给您，不能建立维保任务`, 'not_assigned', { field });
    if (a.state !== 'pending') throw conflict(`消防设施：“${id}”已在您的另一个维保任务中`, field);
    return a;
  });
}

/**
 * 建立维保任务 and file its 开始申请 (manual §03 操作员使用APP说明 2): facilities of a dispatched plan dispatched to
 * this operator; location and face checks as in testing. Created once by the phone's key.
 */
export async function createMaintenanceTask(
  context: RequestContext,
  input: CreateMaintenanceTaskInput,
  photo: Upload,
) {
  const actor = actorOf(context);
  const spec = {
    kind: 'maintenance_task',
    key: input.idempotencyKey,
    payload: { ...input, photo: photo.buffer },
    action: 'site_request.start_filed',
    replay: async (id: string) => (await MaintenanceTask.findByPk(Number(id)))!,
  };
  return createOnceChecked(context, spec, async () => {
    const plan = await MaintenancePlanRecord.findByPk(input.planId);
    if (!plan) throw notFound('维保计划');
    const project = await findProject(plan.projectId);
    assertInProgress(project);
    if (plan.status !== 'distributed') throw conflict('该维保计划尚未下发，不能建立维保任务', 'planId');
    const chosen = await chosenAssignments(actor, plan, input);
    const face = await siteChecks(context, project, input, photo, 'start');
    return async (c) => {
      const { transaction } = c;
      // The assignments under their locks: two tasks racing for one facility make one.
      const rows = await MaintenancePlanAssignment.findAll({
        where: { id: chosen.map((a) => a.id) },
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (rows.length !== chosen.length)
        throw conflict('所选消防设施的派发已被项目负责人删除', 'facilityIds');
      for (const a of rows) {
        if (a.state !== 'pending')
          throw conflict(`消防设施：“${a.facilityId}”已在您的另一个维保任务中`, 'status');
        await a.update(
          { state: nextState(maintenanceAssignmentMachine, a.state, 'start', actor) },
          { transaction },
        );
      }
      const task = await MaintenanceTask.create(
        {
          projectId: project.id,
          planId: plan.id,
          operatorAccountId: actor.id,
          idempotencyKey: input.idempotencyKey,
          facilityIds: chosen.map((a) => a.facilityId),
          assignmentIds: chosen.map((a) => a.id),
          status: maintenanceTaskMachine.initial,
        },
        { transaction },
      );
      const audit = await fileStartWithTask(
        c,
        project,
        { column: 'maintenanceTaskId', id: task.id },
        input,
        photo,
        face,
        { planId: plan.id, facilityIds: task.facilityIds },
      );
      return { id: task.id, result: task, audit };
    };
  });
}

/** 开始申请 again after a refusal, or 提交申请 (manual §03 操作员使用APP说明 2, 4). */
export const fileMaintenanceTaskRequest = (
  context: RequestContext,
  task: MaintenanceTask,
  kind: SiteRequestKind,
  input: LocationFix & { idempotencyKey: string },
  photo: Upload,
) => fileRequest(context, maintenanceTaskKind, task, kind, input, photo);

/**
 * 操作员在维保APP端删除此任务 (manual §03 删除已下发的维保计划 3): only before it is submitted; its facilities are
 * 待开始 again, so the lead may then remove their dispatch. Its site requests go with it (the operation log keeps
 * the deletion, the location checks stay).
 */
export async function deleteMaintenanceTask(context: RequestContext, subject: MaintenanceTaskSubject) {
  const actor = actorOf(context);
  assertInProgress(subject.project);
  await runCommand(context, 'maintenance_task.deleted', async ({ transaction }) => {
    const row = await MaintenanceTask.findByPk(subject.task.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!row) throw notFound('维保任务');
    transition(maintenanceTaskMachine, row.status, 'delete', actor);
    const assignments = await MaintenancePlanAssignment.findAll({
      where: { id: { [Op.in]: row.assignmentIds } },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    for (const a of assignments)
      if (a.state === 'started')
        await a.update(
          { state: nextState(maintenanceAssignmentMachine, a.state, 'release', actor) },
          { transaction },
        );
    await SiteRequest.destroy({ where: { maintenanceTaskId: row.id }, transaction });
    const before = { status: row.status, facilityIds: row.facilityIds };
    await row.destroy({ transaction });
    return { result: undefined, audit: { ...taskAudit(subject), before, after: null } };
  });
}
