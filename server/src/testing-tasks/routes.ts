import {
  createdTestingTaskSchema,
  createTestingTaskSchema,
  idParamSchema,
  testingSubmissionResultSchema,
  testingSubmissionSchema,
  testingTaskListSchema,
} from '@xf/domain';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { taskRequestRoutes } from '../site-requests/task-routes';
import { submitTestingRecords } from '../testing-records/submission';
import { TestingTask } from './models';
import { presentTestingTasks } from './present';
import { fileTaskRequest, findTestingTask } from './requests';
import { createTestingTask } from './service';
import './policies';

const tag = '测试任务';
const load = (params: { id: number }) => findTestingTask(params.id);

export const testingTaskRoutes = [
  route({
    method: 'post',
    path: '/testing-tasks',
    summary:
      '建立测试任务并提交开始申请：操作员选择下发给自己的一个、多个或全部检测单项，附现场定位与现场照片；服务器进行位置校验和人脸比对并记录结果，模拟定位直接拒绝；同一请求编号重放返回原任务，内容不同则拒绝',
    tag,
    policy: { action: 'create', resource: 'testing_task' },
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    body: createTestingTaskSchema,
    response: createdTestingTaskSchema,
    handler: async ({ body, context, file, ctx }) => {
      const { result: task, replayed } = await createTestingTask(context, body, file!);
      ctx.status = replayed ? 200 : 201;
      return { ...(await presentTestingTasks([task]))[0]!, replayed };
    },
  }),
  ...taskRequestRoutes({
    path: '/testing-tasks',
    resource: 'testing_task',
    tag,
    load,
    file: fileTaskRequest,
    summaries: {
      start:
        '重新提交开始申请：上一次开始申请被驳回后，操作员再次附现场定位与现场照片申请；待处理时不能重复申请；同一请求编号重放返回原申请',
      submit:
        '提交检测结果申请：已开始的测试任务，操作员附现场定位与现场照片申请提交，由项目负责人在现场同意或驳回；驳回后可再次申请；同一请求编号重放返回原申请',
    },
  }),
  route({
    method: 'post',
    path: '/testing-tasks/:id/submission',
    summary:
      '提交检测结果：提交申请已同意且项目负责人未开启审核时，一次提交测试任务的全部检测记录（照片须先上传），全部保存或全部不保存；同一请求编号重放返回原结果，内容不同则拒绝',
    tag,
    params: idParamSchema,
    policy: { action: 'submit', resource: 'testing_task', load },
    body: testingSubmissionSchema,
    response: testingSubmissionResultSchema,
    handler: async ({ subject, body, context, ctx }) => {
      const result = await submitTestingRecords(context, subject, body);
      ctx.status = result.replayed ? 200 : 201;
      return result;
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/testing-tasks',
    summary: '我的测试任务（含开始申请、提交申请及其位置校验、人脸比对结果）',
    tag,
    policy: { action: 'list', resource: 'testing_task' },
    response: testingTaskListSchema,
    handler: async ({ actor }) => {
      const rows = await TestingTask.findAll({
        where: scopeWhere(await listScope(actor, 'testing_task')),
        order: [['id', 'DESC']],
      });
      return { items: await presentTestingTasks(rows) };
    },
  }),
];
