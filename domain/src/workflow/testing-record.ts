import { defineMachine, GONE } from './machine';

/**
 * 检测记录: one result of one test item at one position (manual §02 记录测试结果). Submitted records wait for the
 * project lead's review; an approved record is returned (退回) to 待审核 before anything changes it; the operator
 * deletes a record only while it waits and the lead has closed review (manual §02 APP删除已提交记录 1–2).
 */
export const testingRecordMachine = defineMachine({
  name: 'testing_record',
  subject: '该检测记录',
  states: { submitted: '待审核', approved: '已审核' },
  initial: 'submitted',
  actions: { approve: '审核通过', return: '退回', delete: '删除' },
  transitions: [
    { from: 'submitted', action: 'approve', to: 'approved', by: ['project_lead'] },
    { from: 'approved', action: 'return', to: 'submitted', by: ['project_lead'] },
    { from: 'submitted', action: 'delete', to: GONE, by: ['operator'] },
  ],
  refusals: {
    submitted: { return: '该检测记录尚未审核，无需退回' },
    approved: {
      approve: '该检测记录已审核通过',
      delete: '该检测记录已审核通过，需项目负责人先退回到待审核并关闭审核后才能删除',
    },
  },
});

/**
 * 审核检测记录 of a project (manual §02 项目负责人审核APP提交结果 2–4, 退回 1): the lead opens review (the app may then
 * neither submit nor delete), closes it again to let the operators correct records, and finally approves the plan
 * once the items, sub-items, single items and 综合评定 are all reviewed. An approved plan is what a report is
 * generated from; returning a record reopens it.
 */
export const testingReviewMachine = defineMachine({
  name: 'testing_review',
  subject: '该项目的检测审核',
  states: { closed: '未开启审核', open: '审核中', approved: '审核通过' },
  initial: 'closed',
  actions: { open: '开启审核', close: '关闭审核', approve: '审核计划', reopen: '退回计划' },
  transitions: [
    { from: 'closed', action: 'open', to: 'open', by: ['project_lead'] },
    { from: 'open', action: 'close', to: 'closed', by: ['project_lead'] },
    { from: 'open', action: 'approve', to: 'approved', by: ['project_lead'] },
    { from: 'approved', action: 'reopen', to: 'open', by: ['project_lead'] },
  ],
  refusals: {
    closed: { approve: '请先开启审核并逐一审核检测记录', close: '审核已关闭' },
    open: { open: '审核已开启', reopen: '检测计划尚未审核通过' },
    approved: {
      open: '检测计划已审核通过',
      close: '检测计划已审核通过，请先退回计划',
      approve: '检测计划已审核通过',
    },
  },
});
