import { defineMachine } from './machine';

/** 特殊申请 (manual §04): only a pending application is decided, once, by the brigade. */
export const specialApplicationMachine = defineMachine({
  name: 'special_application',
  subject: '该特殊申请',
  states: { pending: '待审核', approved: '已通过', rejected: '已驳回' },
  initial: 'pending',
  actions: { approve: '通过', reject: '驳回' },
  transitions: [
    { from: 'pending', action: 'approve', to: 'approved', by: ['brigade'] },
    { from: 'pending', action: 'reject', to: 'rejected', by: ['brigade'] },
  ],
});
