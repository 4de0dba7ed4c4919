import { defineMachine } from './machine';

/**
 * 项目状态 (manual §02/§03): a project is 进行中 until its work is done (已完成), or it is ended early:
 * a testing project is 注销 (irreversible, re-enter it if needed), a maintenance project 终止.
 */
export const projectMachine = defineMachine({
  name: 'project',
  subject: '该项目',
  states: { in_progress: '进行中', completed: '已完成', cancelled: '已注销', terminated: '已终止' },
  initial: 'in_progress',
  actions: { complete: '完成', cancel: '注销', terminate: '终止' },
  transitions: [
    { from: 'in_progress', action: 'complete', to: 'completed' },
    { from: 'in_progress', action: 'cancel', to: 'cancelled', by: ['institution_admin'] },
    { from: 'in_progress', action: 'terminate', to: 'terminated', by: ['institution_admin'] },
  ],
  refusals: {
    completed: '该项目已完成，不能再操作',
    cancelled: '该项目已注销，不能再操作',
    terminated: '该项目已终止，不能再操作',
  },
});
