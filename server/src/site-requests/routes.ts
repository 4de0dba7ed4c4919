import { z } from 'zod';
import {
  approveSiteRequestSchema,
  createTestingTaskSchema,
  idParamSchema,
  rejectSiteRequestSchema,
} from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import './policies';
import { SiteRequest, TestingTask } from './models';
import { presentSiteRequests, presentTestingTasks } from './present';
import {
  approveSiteRequest,
  createTestingTask,
  findSiteRequest,
  leadProjectIds,
  rejectSiteRequest,
} from './service';

const tag = '现场申请';
const notLead = '只有本项目的项目负责人可以处理现场申请';

const listQuery = z.object({
  status: z
    .enum(['pending', 'approved', 'rejected'], { error: '状态只能是pending、approved或rejected' })
    .optional(),
});

const oneRequest = async (id: number) =>
  (await presentSiteRequests([(await SiteRequest.findByPk(id)) as SiteRequest]))[0];

export const siteRequestRoutes = [
  route({
    method: 'post',
    path: '/testing-tasks',
    summary:
      '建立测试任务并提交开始申请：操作员选择下发给自己的一个、多个或全部（allAssigned）检测单项，附现场定位与现场照片（multipart：photo 加其余字段）；服务器进行位置校验和人脸比对并记录结果，模拟定位直接拒绝；同一 clientRequestId 重放返回原任务',
    tag,
    kinds: ['operator'],
    guards: ['approvedFace'],
    upload: { field: 'photo', accept: ['image'] },
    body: createTestingTaskSchema,
    handler: async ({ body, actor, app, requestId, file, ctx }) => {
      await authorize(actor, 'create', 'testing_task');
      const { task, replayed } = await createTestingTask(app, actor, body, file!, requestId);
      ctx.status = replayed ? 200 : 201;
      return { ...(await presentTestingTasks([task]))[0], replayed };
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/testing-tasks',
    summary: '我的测试任务（含开始申请及其位置校验、人脸比对结果）',
    tag,
    kinds: ['operator'],
    handler: async ({ actor }) => {
      await authorize(actor, 'list', 'testing_task');
      const rows = await TestingTask.findAll({
        where: { operatorAccountId: actor.id },
        order: [['id', 'DESC']],
      });
      return { items: await presentTestingTasks(rows) };
    },
  }),
  route({
    method: 'get',
    path: '/site-requests',
    summary: '现场申请列表：项目负责人所负责项目的申请（status=pending 为待处理）',
    tag,
    kinds: ['project_lead'],
    query: listQuery,
    handler: async ({ actor, query }) => {
      await authorize(actor, 'list', 'site_request');
      const projectIds = await leadProjectIds(actor);
      const rows = projectIds.length
        ? await SiteRequest.findAll({
            where: { projectId: projectIds, ...(query.status ? { status: query.status } : {}) },
            order: [['id', 'DESC']],
          })
        : [];
      return { items: await presentSiteRequests(rows) };
    },
  }),
  route({
    method: 'post',
    path: '/site-requests/:id/approve',
    summary:
      '同意现场申请：项目负责人须在现场（本人定位在地理围栏内且人脸比对通过，multipart：photo 加定位字段）；操作员位置校验或人脸比对未通过时须填写说明（reason），并记入跟踪标红（强行修改判定）',
    tag,
    kinds: ['project_lead'],
    guards: ['approvedFace'],
    params: idParamSchema,
    upload: { field: 'photo', accept: ['image'] },
    body: approveSiteRequestSchema,
    handler: async ({ params, body, actor, app, requestId, file }) => {
      const request = await findSiteRequest(params.id);
      const project = await findProject(request.projectId);
      await authorize(actor, 'decideSiteRequest', 'project', project, notLead);
      await approveSiteRequest(app, actor, request, project, body, file!, requestId);
      return oneRequest(request.id);
    },
  }),
  route({
    method: 'post',
    path: '/site-requests/:id/reject',
    summary: '驳回现场申请：项目负责人填写驳回原因',
    tag,
    kinds: ['project_lead'],
    params: idParamSchema,
    body: rejectSiteRequestSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const request = await findSiteRequest(params.id);
      const project = await findProject(request.projectId);
      await authorize(actor, 'decideSiteRequest', 'project', project, notLead);
      await rejectSiteRequest(app, actor, request, project, body.reason, requestId);
      return oneRequest(request.id);
    },
  }),
];
