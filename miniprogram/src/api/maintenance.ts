import type { MaintenancePlanView, OperatorMaintenanceAssignment } from '@xf/domain/api/maintenance-plans';
import type { z } from 'zod';
import type { AssignableOperator } from '@xf/domain';
import type {
  dispatchFaultTaskSchema,
  FaultTaskView,
  negotiateFaultSchema,
  resolveFaultSchema,
} from '@xf/domain/api/maintenance-faults';
import type {
  approveMaintenanceTaskSchema,
  rejectMaintenanceTaskSchema,
  returnMaintenanceTaskSchema,
  MaintenanceTaskDetail,
  MaintenanceTaskStatus,
  MaintenanceTaskView,
} from '@xf/domain/api/maintenance-tasks';
import { api } from './server';

/**
 * The maintenance calls of the operator's app and the lead's pages in one place, through the generated client
 * (domain/src/api-client). The start request, the submit request and the submission travel through the offline
 * outbox (offline/maintenance.ts).
 */

/** 接收下发计划: the facilities of maintenance plans dispatched to me. */
export const myMaintenanceAssignments = async (): Promise<OperatorMaintenanceAssignment[]> =>
  (await api.getOperatorsMeMaintenanceAssignments()).items;

/** A plan with the content lines of its facilities (what the phone keeps for offline recording). */
export const maintenancePlan = (planId: number): Promise<MaintenancePlanView> =>
  api.getMaintenancePlan(planId);

/** 我的维保任务 (待开始工作 joins them to the phone's; 查询历史记录 lists the submitted ones). */
export const myMaintenanceTasks = async (status?: MaintenanceTaskStatus): Promise<MaintenanceTaskView[]> =>
  (await api.getOperatorsMeMaintenanceTasks(status ? { status } : {})).items;

/** A task with its line results (each with its 合格标准) and faults (the review page; 修改 of a rejected one). */
export const maintenanceTask = (id: number): Promise<MaintenanceTaskDetail> => api.getMaintenanceTask(id);

/** The operator deletes a task not yet submitted (then the lead may remove the dispatch). */
export const deleteServerMaintenanceTask = (id: number): Promise<unknown> => api.deleteMaintenanceTask(id);

/** 排查维修: the troubleshooting and repair tasks dispatched to me. */
export const myFaultTasks = async (): Promise<FaultTaskView[]> =>
  (await api.getOperatorsMeMaintenanceFaultTasks()).items;

/** 消防维保-待审核 (and 审核通过 / 审核不通过): the maintenance tasks of my projects in a state. */
export const maintenanceTasksOfLead = async (status: MaintenanceTaskStatus): Promise<MaintenanceTaskView[]> =>
  (await api.getMaintenanceTasks({ status, pageSize: 200 })).items;

export const approveMaintenanceTask = (id: number, body: z.input<typeof approveMaintenanceTaskSchema>) =>
  api.postMaintenanceTaskApprove(id, body);
export const rejectMaintenanceTask = (id: number, body: z.input<typeof rejectMaintenanceTaskSchema>) =>
  api.postMaintenanceTaskReject(id, body);
export const returnMaintenanceTask = (id: number, body: z.input<typeof returnMaintenanceTaskSchema>) =>
  api.postMaintenanceTaskReturn(id, body);

/** A fault's handling: 与业主沟通中, a 排查/维修 task to an operator, or the recorded outcome. */
export const negotiateFault = (id: number, body: z.input<typeof negotiateFaultSchema>) =>
  api.postMaintenanceFaultNegotiate(id, body);
export const dispatchFaultTask = (id: number, body: z.input<typeof dispatchFaultTaskSchema>) =>
  api.postMaintenanceFaultDispatch(id, body);
export const resolveFault = (id: number, body: z.input<typeof resolveFaultSchema>) =>
  api.postMaintenanceFaultResolve(id, body);

/** Operators of the institution a 排查/维修 task can go to. */
export const assignableOperators = async (projectId: number): Promise<AssignableOperator[]> =>
  (await api.getProjectAssignableOperators(projectId)).items;
