import { defineMachine } from './machine';

/** 现场申请 (开始申请 / 提交申请): decided once by the project lead, on site. */
export const siteRequestMachine = defineMachine({
  name: 'site_request',
  subject: '该现场申请',
  states: { pending: '待审批', approved: '已同意', rejected: '已驳回' },
  initial: 'pending',
  actions: { approve: '同意', reject: '驳回' },
  transitions: [
    { from: 'pending', action: 'approve', to: 'approved', by: ['project_lead'] },
    { from: 'pending', action: 'reject', to: 'rejected', by: ['project_lead'] },
  ],
  refusals: { approved: '该现场申请已同意，不能重复处理', rejected: '该现场申请已驳回，不能重复处理' },
});
