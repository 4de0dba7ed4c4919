import { z } from 'zod';
import { testingTaskMachine } from '../workflow/testing-task';
import type { ActionOf, StateOf } from '../workflow/machine';
import { idempotencyKeySchema, numeric } from './common';
import { flagSchema, locationFixSchema, siteRequestViewSchema } from './site-requests';

export type TestingTaskStatus = StateOf<typeof testingTaskMachine>;
export type TestingTaskAction = ActionOf<typeof testingTaskMachine>;
export const TESTING_TASK_STATUSES = Object.keys(testingTaskMachine.states) as [
  TestingTaskStatus,
  ...TestingTaskStatus[],
];
export const testingTaskStatusLabels: Record<TestingTaskStatus, string> = testingTaskMachine.states;

/**
 * 建立测试任务 + 开始申请: one, several or all (allAssigned) of the operator's assigned single items, with
 * the key the phone generated (`idempotencyKey`) so a retry from the outbox never creates a second task.
 */
export const createTestingTaskSchema = locationFixSchema.extend({
  idempotencyKey: idempotencyKeySchema.meta({ label: '请求编号' }),
  projectId: numeric(z.number({ error: '请选择项目' }).int().positive({ error: '请选择项目' })).meta({
    label: '项目',
  }),
  allAssigned: flagSchema('全部单项').default(false).meta({ label: '全部单项' }),
  planSingleItemIds: z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(z.string().min(1).max(150, { error: '检测单项编号不能超过150个字符' }), {
        error: '检测单项应为编号列表',
      }),
    )
    .default([])
    .meta({ label: '检测单项' }),
});
export type CreateTestingTaskInput = z.infer<typeof createTestingTaskSchema>;

export const testingTaskViewSchema = z.object({
  id: z.number().int(),
  idempotencyKey: z.string(),
  projectId: z.number().int(),
  siteName: z.string(),
  status: z.enum(TESTING_TASK_STATUSES),
  statusLabel: z.string(),
  planSingleItemIds: z.array(z.string()),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  /** The latest 开始申请 (a refused one may be followed by another). */
  startRequest: siteRequestViewSchema.nullable(),
  /** The latest 提交申请, once the task has started. */
  submitRequest: siteRequestViewSchema.nullable(),
});
export type TestingTaskView = z.infer<typeof testingTaskViewSchema>;
/** The answer to POST /testing-tasks: `replayed` when the key had been used (200 instead of 201). */
export const createdTestingTaskSchema = testingTaskViewSchema.extend({ replayed: z.boolean() });
export const testingTaskListSchema = z.object({ items: z.array(testingTaskViewSchema) });
