import { maintenanceTaskMachine } from '@xf/domain';
import { Op } from 'sequelize';
import { actorOf, runCommand, type RequestContext } from '../core/command';
import { conflict } from '../core/errors';
import { nextState } from '../core/transition';
import { MaintenanceFault } from '../maintenance-faults/models';
import { MaintenanceRecord } from '../maintenance-records/models';
import { assertInProgress } from '../projects/state';
import { notifyOperator } from '../reminders/service';
import { MaintenanceTask } from './models';
import type { MaintenanceTaskSubject } from './policies';
import { taskAudit } from './service';
import { now as clockNow } from '../core/clock';

/** The faults a task's current results opened or joined. */
export async function faultIdsOfTask(taskId: number, transaction?: import('sequelize').Transaction) {
  const rows = await MaintenanceRecord.findAll({
    where: { maintenanceTaskId: taskId, faultId: { [Op.ne]: null } },
    attributes: ['faultId'],
    transaction,
  });
  return [...new Set(rows.map((r) => r.faultId!))];
}

/**
 * 消防维保-待审核 → 审核通过 (manual §03 项目负责人审核APP提交结果 2): refused while any fault of the task has no
 * handling yet (still 待处理): 与业主沟通中, a 排查/维修 task, or a recorded outcome first.
 */
export async function approveMaintenanceTask(
  context: RequestContext,
  subject: MaintenanceTaskSubject,
  note?: string,
) {
  const actor = actorOf(context);
  assertInProgress(subject.project);
  nextState(maintenanceTaskMachine, subject.task.status, 'approve', actor);
  return runCommand(context, 'maintenance_task.approved', async (c) => {
    const { transaction } = c;
    const row = (await MaintenanceTask.findByPk(subject.task.id, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    }))!;
    const status = nextState(maintenanceTaskMachine, row.status, 'approve', actor);
    const faultIds = await faultIdsOfTask(row.id, transaction);
    const unhandled = faultIds.length
      ? await MaintenanceFault.count({ where: { id: faultIds, status: 'pending' }, transaction })
      : 0;
    if (unhandled)
      throw conflict(
        `该维保任务有${unhandled}项故障（不符合项）尚未给出处理方式，请先选择与业主沟通、下发排查或维修任务，或填写处理结果后再审核通过`,
        'faults',
      );
    const before = { status: row.status };
    await row.update(
      { status, reviewedBy: actor.id, reviewedAt: clockNow(), reviewReason: note ?? null },
      { transaction },
    );
    // The operator's app hears of every review decision, as of the lead's decisions on its requests.
    await notifyOperator(c, {
      accountId: row.operatorAccountId,
      kind: 'maintenance_task_approved',
      title: '维保任务审核通过',
      body: `${subject.project.siteName}：维保任务${row.id}审核通过${note ? `（${note}）` : ''}`,
      subjectType: 'maintenance_task',
      subjectId: row.id,
    });
    return { result: row, audit: { ...taskAudit(subject), before, after: { status, note: note ?? null } } };
  });
}

/**
 * 审核不通过 (manual §03 APP重新提交测试结果 1) or 退回 an approved task to 待审核 (项目负责人退回已审核 1): the reason
 * is kept on the task, and the operator's app is told.
 */
export async function decideMaintenanceTask(
  context: RequestContext,
  subject: MaintenanceTaskSubject,
  action: 'reject' | 'return',
  reason: string | undefined,
) {
  const actor = actorOf(context);
  assertInProgress(subject.project);
  nextState(maintenanceTaskMachine, subject.task.status, action, actor);
  return runCommand(
    context,
    `maintenance_task.${action === 'reject' ? 'rejected' : 'returned'}`,
    async (c) => {
      const { transaction } = c;
      const row = (await MaintenanceTask.findByPk(subject.task.id, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      }))!;
      const status = nextState(maintenanceTaskMachine, row.status, action, actor);
      const before = { status: row.status };
      await row.update(
        { status, reviewedBy: actor.id, reviewedAt: clockNow(), reviewReason: reason ?? null },
        { transaction },
      );
      const label = action === 'reject' ? '审核不通过' : '已退回到待审核';
      await notifyOperator(c, {
        accountId: row.operatorAccountId,
        kind: action === 'reject' ? 'maintenance_task_rejected' : 'maintenance_task_returned',
        title: `维保任务${label}`,
        body: `${subject.project.siteName}：维保任务${row.id}${label}${reason ? `（${reason}）` : ''}`,
        subjectType: 'maintenance_task',
        subjectId: row.id,
      });
      return {
        result: row,
        audit: { ...taskAudit(subject), before, after: { status, reason: reason ?? null } },
      };
    },
  );
}
