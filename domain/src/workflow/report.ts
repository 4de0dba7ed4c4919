import { defineMachine, GONE, type Machine } from './machine';

const states = {
  generating: '生成中',
  failed: '生成失败',
  uploaded: '待备案',
  filed: '已备案',
} as const;
const actions = {
  complete: '完成生成',
  fail: '生成失败',
  file: '备案',
  replace: '替换',
  delete: '删除',
} as const;
type State = keyof typeof states;
type Action = keyof typeof actions;
const filedRefusals = {
  file: '该报告已备案，不能重复备案',
  replace: '备案后的报告不能被删除和修改',
  delete: '备案后的报告不能被删除和修改',
};

/**
 * 报告 uploaded directly after a special application (manual §04): replaced or deleted until it is filed; a filed
 * report is final, nothing may delete or change it (manual §02/§03: 备案后的报告不能被删除和修改).
 */
export const reportMachine = defineMachine<'uploaded' | 'filed', Action>({
  name: 'report',
  subject: '该报告',
  states: { uploaded: states.uploaded, filed: states.filed },
  initial: 'uploaded',
  actions,
  transitions: [
    { from: 'uploaded', action: 'file', to: 'filed', by: ['technical_lead'] },
    { from: 'uploaded', action: 'replace', to: 'uploaded', by: ['institution_admin'] },
    { from: 'uploaded', action: 'delete', to: GONE, by: ['institution_admin'] },
  ],
  refusals: { filed: filedRefusals },
});

/**
 * 系统生成的报告, testing (manual §02 生成检测报告 1–5) and monthly maintenance (§03 生成维保报告): a job renders it (生成中, then 待备案 or 生成失败); it is never deleted
 * or replaced (报告生成后不能删除), a failed generation stays on record and the admin starts a new one; filing is
 * the technical lead's, as for uploaded reports, and a filed report never changes.
 */
export const generatedReportMachine = defineMachine<State, Action>({
  name: 'generated_report',
  subject: '该报告',
  states,
  initial: 'generating',
  actions,
  transitions: [
    { from: 'generating', action: 'complete', to: 'uploaded' },
    { from: 'generating', action: 'fail', to: 'failed' },
    { from: 'uploaded', action: 'file', to: 'filed', by: ['technical_lead'] },
  ],
  refusals: {
    generating: {
      file: '报告正在生成，请生成完成后再备案',
      delete: '系统生成的报告生成后不能删除',
      replace: '系统生成的报告不能替换',
    },
    failed: {
      file: '报告生成失败，请重新生成',
      delete: '系统生成的报告生成后不能删除',
      replace: '系统生成的报告不能替换',
    },
    uploaded: { delete: '系统生成的报告生成后不能删除', replace: '系统生成的报告不能替换' },
    filed: filedRefusals,
  },
});

/** The machine a report row follows, by how it was made (报告生成形式). */
export const reportMachineFor = (source: 'generated' | 'direct_upload'): Machine<State, Action> =>
  source === 'generated'
    ? generatedReportMachine
    : (reportMachine as Machine<string, Action> as Machine<State, Action>);
