import { defineMachine } from './machine';

/**
 * 测试任务 (manual §02 操作员使用检测APP): created with its 开始申请; started when the project lead approves it;
 * submitted once the lead approved its 提交申请 and every record and photo arrived (all or nothing). A rejected
 * start request leaves the task 待开始 and the operator asks again.
 */
export const testingTaskMachine = defineMachine({
  name: 'testing_task',
  subject: '该测试任务',
  states: { created: '待开始', started: '检测中', submitted: '已提交' },
  initial: 'created',
  actions: { start: '开始', submit: '提交' },
  transitions: [
    { from: 'created', action: 'start', to: 'started', by: ['project_lead'] },
    { from: 'started', action: 'submit', to: 'submitted', by: ['operator'] },
  ],
  refusals: {
    created: { submit: '该测试任务的开始申请尚未同意，不能提交检测结果' },
    started: { start: '该测试任务已开始' },
    submitted: { start: '该测试任务已开始', submit: '该测试任务的检测结果已提交' },
  },
});
