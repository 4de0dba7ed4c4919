import {
  faultTaskKindLabels,
  maintenanceFaultMachine,
  maintenanceFaultTaskMachine,
  type CompleteFaultTaskInput,
  type DispatchFaultTaskInput,
} from '@xf/domain';
import { Account } from '../accounts/models';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { badRequest, notFound } from '../core/errors';
import { nextState } from '../core/transition';
import { StoredFile } from '../files/model';
import { findProject } from '../projects/find';
import { assertInProgress } from '../projects/state';
import { notifyOperator } from '../reminders/service';
import { checkOperators } from '../testing-plans/operators';
import { MaintenanceFault, MaintenanceFaultTask } from './models';
import type { FaultSubject, FaultTaskSubject } from './policies';
import { addFaultEvent } from './timeline';
import { now as clockNow } from '../core/clock';

export async function loadFault(id: number): Promise<FaultSubject> {
  const fault = await MaintenanceFault.findByPk(id);
  if (!fault) throw notFound('故障');
  return { fault, project: await findProject(fault.projectId) };
}

export async function loadFaultTask(id: number): Promise<FaultTaskSubject> {
  const faultTask = await MaintenanceFaultTask.findByPk(id);
  if (!faultTask) throw notFound('排查维修任务');
  return { faultTask, project: await findProject(faultTask.projectId) };
}

const faultAudit = ({ fault, project }: FaultSubject) => ({
  entityType: 'maintenance_fault',
  entityId: fault.id,
  institutionId: project.institutionId,
});

/** A fault step by the lead, under the fault's lock: the machine decides, the timeline gets its row. */
async function leadStep(
  context: RequestContext,
  subject: FaultSubject,
  action: 'negotiate' | 'resolve',
  text: string,
  note: string,
) {
  const actor = actorOf(context);
  assertInProgress(subject.project);
  nextState(maintenanceFaultMachine, subject.fault.status, action, actor);
  return runCommand(context, `maintenance_fault.${action}`, async ({ transaction }) => {
    const row = (await MaintenanceFault.findByPk(subject.fault.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const status = nextState(maintenanceFaultMachine, row.status, action, actor);
    const before = { status: row.status };
    const now = clockNow();
    await row.update({ status, ...(status === 'resolved' ? { resolvedAt: now } : {}) }, { transaction });
    await addFaultEvent(
      row,
      { kind: action, status, text, note, actorAccountId: actor.id, at: now },
      transaction,
    );
    return { result: row, audit: { ...faultAudit(subject), before, after: { status, text, note } } };
  });
}

/** 与业主沟通中 (manual §03 审核 2: 一般可以选择与业主沟通). */
export const negotiateFault = (context: RequestContext, subject: FaultSubject, note = '') =>
  leadStep(context, subject, 'negotiate', '与业主协商中', note);

/** The lead records the outcome: the fault is 已解决. */
export const resolveFault = (context: RequestContext, subject: FaultSubject, outcome: string) =>
  leadStep(context, subject, 'resolve', `已解决：${outcome}`, outcome);

/**
 * 下发排查或维修任务 (manual §03 APP提交排查和维修任务 1) to an operator of the institution; the timeline reads
 * 由操作员1排查中 / 由操作员1维修中, and the operator's app is told.
 */
export async function dispatchFaultTask(
  context: RequestContext,
  subject: FaultSubject,
  input: DispatchFaultTaskInput,
) {
  const actor = actorOf(context);
  const { project } = subject;
  assertInProgress(project);
  nextState(maintenanceFaultMachine, subject.fault.status, input.kind, actor);
  await checkOperators(project, [{ id: input.operatorAccountId, field: 'operatorAccountId' }], '维保计划');
  const operator = (await Account.findByPk(input.operatorAccountId))!;
  const label = faultTaskKindLabels[input.kind];
  return runCommand(context, `maintenance_fault.${input.kind}`, async (c) => {
    const { transaction } = c;
    const row = (await MaintenanceFault.findByPk(subject.fault.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const status = nextState(maintenanceFaultMachine, row.status, input.kind, actor);
    const before = { status: row.status };
    const now = clockNow();
    const task = await MaintenanceFaultTask.create(
      {
        faultId: row.id,
        projectId: row.projectId,
        kind: input.kind,
        operatorAccountId: operator.id,
        status: maintenanceFaultTaskMachine.initial,
        note: input.note ?? '',
        dispatchedBy: actor.id,
        dispatchedAt: now,
        resultPhotoFileIds: [],
      },
      { transaction },
    );
    await row.update({ status }, { transaction });
    await addFaultEvent(
      row,
      {
        kind: input.kind,
        status,
        text: `由${operator.displayName}${label}中`,
        note: input.note ?? '',
        actorAccountId: actor.id,
        faultTaskId: task.id,
        at: now,
      },
      transaction,
    );
    await notifyOperator(c, {
      accountId: operator.id,
      kind: 'maintenance_fault_task_assigned',
      title: `新的${label}任务`,
      body: `${project.siteName}：${row.description}`,
      subjectType: 'maintenance_fault_task',
      subjectId: task.id,
    });
    return {
      result: task,
      audit: {
        ...faultAudit(subject),
        before,
        after: { status, faultTaskId: task.id, kind: input.kind, operatorAccountId: operator.id },
      },
    };
  });
}

/**
 * 排查维修 (manual §03 APP提交排查和维修任务 2): the operator's 解决 closes the fault (it leaves later reports);
 * 未解决 records the progress and the lead may dispatch again. The phone's key makes a retry answer the recorded
 * result.
 */
export async function completeFaultTask(
  context: RequestContext,
  subject: FaultTaskSubject,
  input: CompleteFaultTaskInput,
) {
  const actor = actorOf(context);
  const { faultTask, project } = subject;
  if (faultTask.completionKey === input.idempotencyKey) return faultTask;
  assertInProgress(project);
  const action = input.result === 'resolved' ? 'resolve' : 'unresolved';
  nextState(maintenanceFaultTaskMachine, faultTask.status, action, actor);
  const photoIds = [...new Set(input.photoFileIds)];
  if (photoIds.length) {
    const files = new Map((await StoredFile.findAll({ where: { id: photoIds } })).map((f) => [f.id, f]));
    photoIds.forEach((id, i) => {
      const f = files.get(id);
      if (!f || f.ownerAccountId !== actor.id || f.category !== 'image')
        throw badRequest(`现场照片：文件${id}不存在或不是您上传的图片`, `photoFileIds.${i}`);
    });
  }
  const label = faultTaskKindLabels[faultTask.kind];
  return runCommand(context, `maintenance_fault_task.${action}`, async ({ transaction }) => {
    const task = (await MaintenanceFaultTask.findByPk(faultTask.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    if (task.completionKey === input.idempotencyKey) return { result: task, audit: null };
    const taskStatus = nextState(maintenanceFaultTaskMachine, task.status, action, actor);
    const fault = (await MaintenanceFault.findByPk(task.faultId, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const faultAction = input.result === 'resolved' ? 'resolve' : 'progress';
    const status = nextState(maintenanceFaultMachine, fault.status, faultAction, actor);
    const now = clockNow();
    const before = { status: task.status, faultStatus: fault.status };
    await task.update(
      {
        status: taskStatus,
        completionKey: input.idempotencyKey,
        completedAt: now,
        resultNote: input.note,
        resultPhotoFileIds: photoIds,
      },
      { transaction },
    );
    await fault.update({ status, ...(status === 'resolved' ? { resolvedAt: now } : {}) }, { transaction });
    await addFaultEvent(
      fault,
      {
        kind: faultAction,
        status,
        text:
          input.result === 'resolved'
            ? `${actor.displayName}${label}后已解决`
            : `由${actor.displayName}${label}中（未解决）`,
        note: input.note,
        actorAccountId: actor.id,
        faultTaskId: task.id,
        at: now,
      },
      transaction,
    );
    return {
      result: task,
      audit: {
        entityType: 'maintenance_fault',
        entityId: fault.id,
        institutionId: project.institutionId,
        before,
        after: { status: taskStatus, faultStatus: status, note: input.note },
      },
    };
  });
}
