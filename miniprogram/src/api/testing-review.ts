import type { z } from 'zod';
import type {
  approveTestingRecordSchema,
  ReviewNodeInput,
  TestingRecordView,
  TestingReviewView,
} from '@xf/domain/api/testing-records';
import { request } from './http';

/**
 * 待审核 (manual §02 项目负责人在微信端审核APP提交结果, 退回已审核通过的记录): the review routes of the testing-records
 * contract (domain/src/api/testing-records.ts), typed from its schemas. They are written by hand until the routes
 * are in the generated client (`npm run api-client -w server`); then each becomes the `api.…` call named beside it.
 */
export type ReviewAction = 'open' | 'close' | 'approve' | 'reopen';

/** api.getProjectTestingReview */
export const getTestingReview = (projectId: number) =>
  request<TestingReviewView>(`/projects/${projectId}/testing-review`);

/** api.postProjectTestingReviewOpen / Close / Approve / Reopen */
export const changeReview = (projectId: number, action: ReviewAction) =>
  request<TestingReviewView>(`/projects/${projectId}/testing-review/${action}`, { method: 'POST', json: {} });

/** api.postTestingRecordApprove: as computed, or with a changed result and its reason (红色标记). */
export const approveRecord = (recordId: number, body: z.input<typeof approveTestingRecordSchema> = {}) =>
  request<TestingRecordView>(`/testing-records/${recordId}/approve`, { method: 'POST', json: body });

/** api.postTestingRecordsApprove: every pending record of a sub-item at once, each as computed. */
export const approveRecords = (recordIds: number[]) =>
  request<unknown>('/testing-records/approve', { method: 'POST', json: { recordIds } });

/** api.postTestingRecordReturn: 退回 an approved record to 待审核. */
export const returnRecord = (recordId: number) =>
  request<TestingRecordView>(`/testing-records/${recordId}/return`, { method: 'POST', json: {} });

/** api.putProjectTestingReviewNodes: confirm or change the verdict of a sub-item, single item or 综合评定. */
export const reviewNode = (projectId: number, body: ReviewNodeInput) =>
  request<TestingReviewView>(`/projects/${projectId}/testing-review/nodes`, { method: 'PUT', json: body });
