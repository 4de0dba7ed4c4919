import { defineMachine, GONE } from './machine';

/**
 * 维保任务 (manual §03 操作员使用维保APP接收和执行维保计划流程 … 项目负责人退回已审核): the operator builds it from
 * chosen facilities of a dispatched plan with its 开始申请; it starts when the project lead approves that request;
 * it is submitted once the lead approved its 提交申请 and every line result arrived (all or nothing). The lead
 * reviews it in 消防维保-待审核: approves (only when every fault of the task has a handling) or rejects it; the
 * operator corrects a rejected task from 查询历史记录 and submits it again. An approved task is returned (退回) to
 * 待审核 before it can be rejected. The operator deletes a task only before it is submitted (the lead may then
 * remove the facility's dispatch, manual §03 删除已下发的维保计划 3).
 */
export const maintenanceTaskMachine = defineMachine({
  name: 'maintenance_task',
  subject: '该维保任务',
  states: {
    created: '待开始',
    started: '维保中',
    submitted: '待审核',
    approved: '审核通过',
    rejected: '审核不通过',
  },
  initial: 'created',
  actions: {
    start: '开始',
    submit: '提交',
    approve: '审核通过',
    reject: '审核不通过',
    return: '退回',
    resubmit: '修改后重新提交',
    delete: '删除',
  },
  transitions: [
    { from: 'created', action: 'start', to: 'started', by: ['project_lead'] },
    { from: 'started', action: 'submit', to: 'submitted', by: ['operator'] },
    { from: 'submitted', action: 'approve', to: 'approved', by: ['project_lead'] },
    { from: 'submitted', action: 'reject', to: 'rejected', by: ['project_lead'] },
    { from: 'approved', action: 'return', to: 'submitted', by: ['project_lead'] },
    { from: 'rejected', action: 'resubmit', to: 'submitted', by: ['operator'] },
    { from: 'created', action: 'delete', to: GONE, by: ['operator'] },
    { from: 'started', action: 'delete', to: GONE, by: ['operator'] },
  ],
  refusals: {
    created: {
      submit: '该维保任务的开始申请尚未同意，不能提交维保结果',
      approve: '该维保任务尚未提交，不能审核',
      reject: '该维保任务尚未提交，不能审核',
      return: '该维保任务尚未审核通过，无需退回',
      resubmit: '该维保任务未被审核不通过，不能重新提交',
    },
    started: {
      start: '该维保任务已开始',
      approve: '该维保任务尚未提交，不能审核',
      reject: '该维保任务尚未提交，不能审核',
      return: '该维保任务尚未审核通过，无需退回',
      resubmit: '该维保任务未被审核不通过，不能重新提交',
    },
    submitted: {
      start: '该维保任务已开始',
      submit: '该维保任务的维保结果已提交',
      return: '该维保任务尚未审核通过，无需退回',
      resubmit: '该维保任务正在等待审核，不能重新提交',
      delete: '该维保任务已提交，不能删除',
    },
    approved: {
      start: '该维保任务已开始',
      submit: '该维保任务的维保结果已提交',
      approve: '该维保任务已审核通过',
      reject: '该维保任务已审核通过，请先退回到待审核再审核不通过',
      resubmit: '该维保任务已审核通过，不能重新提交',
      delete: '该维保任务已审核通过，不能删除',
    },
    rejected: {
      start: '该维保任务已开始',
      submit: '该维保任务审核不通过，请在查询历史记录中修改后重新提交',
      approve: '该维保任务审核不通过，须操作员修改后重新提交',
      reject: '该维保任务已审核不通过',
      return: '该维保任务尚未审核通过，无需退回',
      delete: '该维保任务已提交，不能删除',
    },
  },
});

/**
 * 设施故障 (manual §03 项目负责人审核APP提交结果 2, APP提交排查和维修任务): every 不符合 result of a maintenance line
 * opens one (one open fault per facility, position and content line of a project: a later 不符合 of the same line
 * joins it). The lead gives it a handling — 与业主沟通中, or from 待处理 a 排查 or 维修 task to an operator, or a
 * recorded outcome (处理结果, which closes it); the operator's 解决 in 排查维修 closes it too. An open fault stays
 * in every monthly report until it is 已解决.
 */
export const maintenanceFaultMachine = defineMachine({
  name: 'maintenance_fault',
  subject: '该故障',
  states: {
    pending: '待处理',
    negotiating: '与业主沟通中',
    troubleshooting: '排查中',
    repairing: '维修中',
    resolved: '已解决',
  },
  initial: 'pending',
  actions: {
    negotiate: '与业主沟通',
    troubleshoot: '下发排查任务',
    repair: '下发维修任务',
    progress: '记录排查维修进展',
    resolve: '解决',
  },
  transitions: [
    { from: 'pending', action: 'negotiate', to: 'negotiating', by: ['project_lead'] },
    { from: 'pending', action: 'troubleshoot', to: 'troubleshooting', by: ['project_lead'] },
    { from: 'negotiating', action: 'troubleshoot', to: 'troubleshooting', by: ['project_lead'] },
    { from: 'troubleshooting', action: 'troubleshoot', to: 'troubleshooting', by: ['project_lead'] },
    { from: 'repairing', action: 'troubleshoot', to: 'troubleshooting', by: ['project_lead'] },
    { from: 'pending', action: 'repair', to: 'repairing', by: ['project_lead'] },
    { from: 'negotiating', action: 'repair', to: 'repairing', by: ['project_lead'] },
    { from: 'troubleshooting', action: 'repair', to: 'repairing', by: ['project_lead'] },
    { from: 'repairing', action: 'repair', to: 'repairing', by: ['project_lead'] },
    { from: 'troubleshooting', action: 'progress', to: 'troubleshooting', by: ['operator'] },
    { from: 'repairing', action: 'progress', to: 'repairing', by: ['operator'] },
    { from: 'pending', action: 'resolve', to: 'resolved', by: ['project_lead'] },
    { from: 'negotiating', action: 'resolve', to: 'resolved', by: ['project_lead'] },
    { from: 'troubleshooting', action: 'resolve', to: 'resolved', by: ['project_lead', 'operator'] },
    { from: 'repairing', action: 'resolve', to: 'resolved', by: ['project_lead', 'operator'] },
  ],
  refusals: {
    pending: { progress: '该故障尚未下发排查或维修任务' },
    negotiating: { negotiate: '该故障已在与业主沟通中', progress: '该故障尚未下发排查或维修任务' },
    troubleshooting: { negotiate: '该故障已下发排查任务' },
    repairing: { negotiate: '该故障已下发维修任务' },
    resolved: '该故障已解决',
  },
});

/** 排查/维修任务 of a fault, dispatched by the lead to an operator (排查维修); the operator's result closes it. */
export const maintenanceFaultTaskMachine = defineMachine({
  name: 'maintenance_fault_task',
  subject: '该排查维修任务',
  states: { assigned: '待处理', resolved: '已解决', unresolved: '未解决' },
  initial: 'assigned',
  actions: { resolve: '解决', unresolved: '未解决' },
  transitions: [
    { from: 'assigned', action: 'resolve', to: 'resolved', by: ['operator'] },
    { from: 'assigned', action: 'unresolved', to: 'unresolved', by: ['operator'] },
  ],
  refusals: {
    resolved: '该排查维修任务已完成（已解决）',
    unresolved: '该排查维修任务已完成（未解决），请由项目负责人重新下发',
  },
});
