import type { z } from 'zod';
import type { SiteRequestView } from '@xf/domain/api/site-requests';
import type { TestingTaskView } from '@xf/domain/api/testing-tasks';
import type { TestingPlanView, OperatorTestingAssignment } from '@xf/domain/api/testing-plans';
import type { testingRecordListQuerySchema, TestingRecordView } from '@xf/domain/api/testing-records';
import { request } from './http';
import { api } from './server';

/**
 * The operator's testing calls in one place. Routes already in the generated client (domain/src/api-client) go
 * through it; the routes the server branch adds now (submit requests, submission, history) are small typed
 * calls with the domain schemas' types. TODO(after the server branch is merged and `npm run api-client -w
 * server` ran): replace the hand-written calls below with `api.*` and drop this note.
 * The submission and the submit request themselves travel through the offline outbox (offline/transport.ts).
 */

/** 接收下发计划: the single items assigned to me. */
export const myAssignments = async (): Promise<OperatorTestingAssignment[]> =>
  (await api.getOperatorsMeTestingAssignments()).items;

/** The plan of a project (content of the single items: sub-items, items, method, requirement, limits). */
export const projectTestingPlan = (projectId: number): Promise<TestingPlanView> =>
  api.getProjectTestingPlan(projectId);

/** The task as the operator's list gives it; `submitRequest` once the server reports 提交申请 on the task. */
export type OperatorTestingTask = TestingTaskView & { submitRequest?: SiteRequestView | null };

export const myTestingTasks = async (): Promise<OperatorTestingTask[]> =>
  (await api.getOperatorsMeTestingTasks()).items as OperatorTestingTask[];

/** 查询历史记录: my submitted records (GET /testing-records). */
export const myTestingRecords = async (
  query: z.input<typeof testingRecordListQuerySchema> = {},
): Promise<TestingRecordView[]> => {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  const path = `/testing-records${parts.length ? `?${parts.join('&')}` : ''}`;
  return (await request<{ items: TestingRecordView[] }>(path)).items;
};

/** Delete a submitted record (only while the lead has not approved it and review is closed; the server decides). */
export const deleteTestingRecord = (id: number): Promise<unknown> =>
  request(`/testing-records/${id}`, { method: 'DELETE' });
