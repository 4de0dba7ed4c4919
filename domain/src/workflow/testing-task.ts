import { defineMachine } from './machine';

/** 测试任务: created with its start request; started when the project lead approves it. */
export const testingTaskMachine = defineMachine({
  name: 'testing_task',
  subject: '该测试任务',
  states: { created: '待开始', started: '检测中' },
  initial: 'created',
  actions: { start: '开始' },
  transitions: [{ from: 'created', action: 'start', to: 'started', by: ['project_lead'] }],
  refusals: { started: '该测试任务已开始' },
});
