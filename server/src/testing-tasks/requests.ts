import { testingTaskMachine, type LocationFix, type SiteRequestKind } from '@xf/domain';
import type { RequestContext } from '../core/command';
import { findOr404 } from '../core/find';
import type { Upload } from '../files/service';
import { fileTaskRequest as fileRequest, type SiteRequestTaskKind } from '../site-requests/filing';
import { TestingTask } from './models';

/** 测试任务 as a task that files site requests (site-requests/filing.ts). */
export const testingTaskKind: SiteRequestTaskKind = {
  column: 'testingTaskId',
  name: '测试任务',
  results: '检测结果',
  machine: testingTaskMachine,
  lock: async (id, transaction) =>
    (await TestingTask.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE }))!,
};

/** 开始申请 again after a refusal, or 提交检测结果申请 (manual §02). */
export const fileTaskRequest = (
  context: RequestContext,
  task: TestingTask,
  kind: SiteRequestKind,
  input: LocationFix & { idempotencyKey: string },
  photo: Upload,
) => fileRequest(context, testingTaskKind, task, kind, input, photo);

export const findTestingTask = (id: number) => findOr404(TestingTask, id, '测试任务');
