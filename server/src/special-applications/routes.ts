import {
  createSpecialApplicationSchema,
  idParamSchema,
  rejectSpecialApplicationSchema,
  specialApplicationListQuerySchema,
} from '@xf/domain';
import type { WhereOptions } from 'sequelize';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import { SpecialApplication } from './models';
import { presentApplications } from './present';
import { applyForSpecial, decideSpecialApplication, findApplication } from './service';
import './policies';

const tag = '特殊申请';
const denied = '只能处理本机构的项目';

export const specialApplicationRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/special-applications',
    summary:
      '特殊申请：直接上传本公司自行编制的报告（原因必填；说明材料先经 /files 上传，检测项目须提交甲方单位出具的证明材料；每个项目同时只能有一个待审核申请）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: createSpecialApplicationSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'applySpecial', 'project', project, denied);
      const row = await applyForSpecial(app, actor, project, body, requestId);
      ctx.status = 201;
      return (await presentApplications([row]))[0];
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id/special-applications',
    summary: '查看申请记录：项目的全部特殊申请（新的在前）',
    tag,
    kinds: ['institution_admin', 'brigade'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'listSpecialApplications', 'project', project, denied);
      const rows = await SpecialApplication.findAll({
        where: { projectId: project.id },
        order: [['id', 'DESC']],
      });
      return { items: await presentApplications(rows) };
    },
  }),
  route({
    method: 'get',
    path: '/special-applications',
    summary: '特殊申请审核列表（总队；可按状态、项目筛选）',
    tag,
    kinds: ['brigade'],
    query: specialApplicationListQuerySchema,
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'special_application');
      const where: WhereOptions<SpecialApplication> = {};
      if (query.status) Object.assign(where, { status: query.status });
      if (query.projectId) Object.assign(where, { projectId: query.projectId });
      const { rows, count } = await SpecialApplication.findAndCountAll({
        where,
        order: [['id', 'DESC']],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return {
        items: await presentApplications(rows),
        total: count,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  }),
  route({
    method: 'get',
    path: '/special-applications/:id',
    summary: '特殊申请详情',
    tag,
    kinds: ['institution_admin', 'brigade'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const row = await findApplication(params.id);
      await authorize(actor, 'read', 'special_application', row, '无权查看此特殊申请');
      return (await presentApplications([row]))[0];
    },
  }),
  route({
    method: 'post',
    path: '/special-applications/:id/approve',
    summary: '总队审核通过特殊申请：项目改为直传报告',
    tag,
    kinds: ['brigade'],
    params: idParamSchema,
    handler: async ({ params, actor, app, requestId }) => {
      const row = await findApplication(params.id);
      await authorize(actor, 'decide', 'special_application', row);
      const done = await decideSpecialApplication(app, actor, row, 'approve', null, requestId);
      return (await presentApplications([done]))[0];
    },
  }),
  route({
    method: 'post',
    path: '/special-applications/:id/reject',
    summary: '总队驳回特殊申请（须填写驳回原因）',
    tag,
    kinds: ['brigade'],
    params: idParamSchema,
    body: rejectSpecialApplicationSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const row = await findApplication(params.id);
      await authorize(actor, 'decide', 'special_application', row);
      const done = await decideSpecialApplication(app, actor, row, 'reject', body.reason, requestId);
      return (await presentApplications([done]))[0];
    },
  }),
];
