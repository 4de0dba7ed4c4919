import { defineMachine } from './machine';

/**
 * 检测计划的下发 (manual §02 下发计划/修改计划): a project's testing plan is 未下发 until the project lead first
 * assigns operators; it can be revised (修改计划) any number of times afterwards.
 */
export const testingAssignmentMachine = defineMachine({
  name: 'testing_assignment',
  subject: '该检测计划',
  states: { not_dispatched: '未下发', dispatched: '已下发' },
  initial: 'not_dispatched',
  actions: { dispatch: '下发', revise: '修改' },
  transitions: [
    { from: 'not_dispatched', action: 'dispatch', to: 'dispatched', by: ['project_lead'] },
    { from: 'dispatched', action: 'revise', to: 'dispatched', by: ['project_lead'] },
  ],
});
