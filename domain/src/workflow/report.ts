import { defineMachine, GONE } from './machine';

/**
 * 报告: a filed report is final; nothing may delete or change it (manual §02/§03: 备案后的报告不能被删除和修改).
 */
export const reportMachine = defineMachine({
  name: 'report',
  subject: '该报告',
  states: { uploaded: '待备案', filed: '已备案' },
  initial: 'uploaded',
  actions: { file: '备案', replace: '替换', delete: '删除' },
  transitions: [
    { from: 'uploaded', action: 'file', to: 'filed', by: ['technical_lead'] },
    { from: 'uploaded', action: 'replace', to: 'uploaded', by: ['institution_admin'] },
    { from: 'uploaded', action: 'delete', to: GONE, by: ['institution_admin'] },
  ],
  refusals: {
    filed: {
      file: '该报告已备案，不能重复备案',
      replace: '备案后的报告不能被删除和修改',
      delete: '备案后的报告不能被删除和修改',
    },
  },
});
