import { createdTestingTaskSchema, createTestingTaskSchema, testingTaskListSchema } from '@xf/domain';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { TestingTask } from './models';
import { presentTestingTasks } from './present';
import { createTestingTask } from './service';
import './policies';

const tag = '测试任务';

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
  route({
    method: 'get',
    path: '/operators/me/testing-tasks',
    summary: '我的测试任务（含开始申请及其位置校验、人脸比对结果）',
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
