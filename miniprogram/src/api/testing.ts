import type { z } from 'zod';
import type { TestingTaskView } from '@xf/domain/api/testing-tasks';
import type { TestingPlanView, OperatorTestingAssignment } from '@xf/domain/api/testing-plans';
import type { testingRecordListQuerySchema, TestingRecordView } from '@xf/domain/api/testing-records';
import { api } from './server';

/**
 * The operator's testing calls in one place, through the generated client (domain/src/api-client).
 * The submission and the submit request themselves travel through the offline outbox (offline/transport.ts).
 */

/** 接收下发计划: the single items assigned to me. */
export const myAssignments = async (): Promise<OperatorTestingAssignment[]> =>
  (await api.getOperatorsMeTestingAssignments()).items;

/** The plan of a project (content of the single items: sub-items, items, method, requirement, limits). */
export const projectTestingPlan = (projectId: number): Promise<TestingPlanView> =>
  api.getProjectTestingPlan(projectId);

/** The task as the operator's list gives it, with its latest 开始申请 and 提交申请. */
export type OperatorTestingTask = TestingTaskView;

export const myTestingTasks = async (): Promise<OperatorTestingTask[]> =>
  (await api.getOperatorsMeTestingTasks()).items;

/** 查询历史记录: my submitted records. */
export const myTestingRecords = async (
  query: z.input<typeof testingRecordListQuerySchema> = {},
): Promise<TestingRecordView[]> => (await api.getTestingRecords(query)).items;

/** Delete a submitted record (only while the lead has not approved it and review is closed; the server decides). */
export const deleteTestingRecord = (id: number): Promise<unknown> => api.deleteTestingRecord(id);
