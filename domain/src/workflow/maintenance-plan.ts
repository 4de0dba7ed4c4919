import { defineMachine, GONE } from './machine';

/**
 * 维保计划: 未下发 until its first facility is distributed, 未下发 again when the last is removed; only an
 * undistributed plan may be deleted (manual §03).
 */
export const maintenancePlanMachine = defineMachine({
  name: 'maintenance_plan',
  subject: '该维保计划',
  states: { undistributed: '未下发', distributed: '已下发' },
  initial: 'undistributed',
  actions: { distribute: '下发', withdrawLast: '撤回最后一项设施', delete: '删除' },
  transitions: [
    { from: 'undistributed', action: 'distribute', to: 'distributed', by: ['project_lead'] },
    { from: 'undistributed', action: 'delete', to: GONE, by: ['project_lead'] },
    { from: 'distributed', action: 'distribute', to: 'distributed', by: ['project_lead'] },
    { from: 'distributed', action: 'withdrawLast', to: 'undistributed', by: ['project_lead'] },
  ],
  refusals: {
    distributed: '该维保计划已下发给操作员，请先在“已下发”中删除各设施的派发，再删除整个计划',
  },
});

/**
 * A distributed facility is 待开始 until the operator builds a maintenance task on it; only then removable. When the
 * operator deletes that task (before submitting it) the facility is 待开始 again (release).
 */
export const maintenanceAssignmentMachine = defineMachine({
  name: 'maintenance_assignment',
  subject: '该设施',
  states: { pending: '待开始', started: '已开始' },
  initial: 'pending',
  actions: { start: '开始', remove: '移除', release: '删除维保任务' },
  transitions: [
    { from: 'pending', action: 'start', to: 'started', by: ['operator'] },
    { from: 'started', action: 'release', to: 'pending', by: ['operator'] },
    { from: 'pending', action: 'remove', to: GONE, by: ['project_lead'] },
  ],
  refusals: {
    pending: { release: '该设施尚未建立维保任务' },
    started: {
      start: '该设施已在您的维保任务中',
      remove: '操作员已开始执行此设施的维保任务，请先由操作员在维保APP删除任务后再删除',
    },
  },
});
