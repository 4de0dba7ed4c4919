import type { z } from 'zod';
import type { approveTestingRecordSchema, ReviewNodeInput } from '@xf/domain/api/testing-records';
import { api } from './server';

/**
 * 待审核 (manual §02 项目负责人在微信端审核APP提交结果, 退回已审核通过的记录): the review routes of the testing-records
 * contract (domain/src/api/testing-records.ts), through the generated client.
 */
export type ReviewAction = 'open' | 'close' | 'approve' | 'reopen';

export const getTestingReview = (projectId: number) => api.getProjectTestingReview(projectId);

const reviewActions = {
  open: api.postProjectTestingReviewOpen,
  close: api.postProjectTestingReviewClose,
  approve: api.postProjectTestingReviewApprove,
  reopen: api.postProjectTestingReviewReopen,
} as const;

/** 开启审核 / 关闭审核 / 审核计划 / 退回计划. */
export const changeReview = (projectId: number, action: ReviewAction) => reviewActions[action](projectId);

/** As computed, or with a changed result and its reason (红色标记). */
export const approveRecord = (recordId: number, body: z.input<typeof approveTestingRecordSchema> = {}) =>
  api.postTestingRecordApprove(recordId, body);

/** Every pending record of a sub-item at once, each as computed. */
export const approveRecords = (recordIds: number[]) => api.postTestingRecordsApprove({ recordIds });

/** 退回 an approved record to 待审核. */
export const returnRecord = (recordId: number) => api.postTestingRecordReturn(recordId);

/** Confirm or change the verdict of a sub-item, single item or 综合评定. */
export const reviewNode = (projectId: number, body: ReviewNodeInput) =>
  api.updateProjectTestingReviewNodes(projectId, body);
