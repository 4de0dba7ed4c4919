import {
  createSpecialApplicationSchema,
  idParamSchema,
  rejectSpecialApplicationSchema,
  specialApplicationListQuerySchema,
  specialApplicationListSchema,
  specialApplicationPageSchema,
  specialApplicationViewSchema,
} from '@xf/domain';
import { Op, type WhereOptions } from 'sequelize';
import type { Actor } from '../core/actor';
import { listScope, scopeWhere } from '../core/policy';
import { route } from '../core/route';
import { findPage } from '../core/page';
import { findProject } from '../projects/find';
import { SpecialApplication } from './models';
import { presentApplications } from './present';
import { applyForSpecial, decideSpecialApplication, findApplication } from './service';
import './policies';

const tag = '特殊申请';
const project = (params: { id: number }) => findProject(params.id);
const load = (params: { id: number }) => findApplication(params.id);
const view = async (actor: Actor, row: SpecialApplication) => (await presentApplications(actor, [row]))[0]!;

export const specialApplicationRoutes = [
  route({
    method: 'post',
    path: '/projects/:id/special-applications',
    summary:
      '特殊申请：直接上传本公司自行编制的报告（原因必填；说明材料先经 /files 上传，检测项目须提交甲方单位出具的证明材料；每个项目同时只能有一个待审核申请）',
    tag,
    params: idParamSchema,
    policy: { action: 'create', resource: 'special_application', load: project },
    body: createSpecialApplicationSchema,
    response: specialApplicationViewSchema,
    handler: async ({ subject, body, actor, context, ctx }) => {
      const row = await applyForSpecial(context, subject, body);
      ctx.status = 201;
      return view(actor, row);
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id/special-applications',
    summary: '查看申请记录：项目的全部特殊申请（新的在前）',
    tag,
    params: idParamSchema,
    policy: { action: 'listForProject', resource: 'special_application', load: project },
    response: specialApplicationListSchema,
    handler: async ({ subject, actor }) => {
      const rows = await SpecialApplication.findAll({
        where: { projectId: subject.id },
        order: [['id', 'DESC']],
      });
      return { items: await presentApplications(actor, rows) };
    },
  }),
  route({
    method: 'get',
    path: '/special-applications',
    summary: '特殊申请审核列表（总队；可按状态、项目筛选）',
    tag,
    policy: { action: 'list', resource: 'special_application' },
    query: specialApplicationListQuerySchema,
    response: specialApplicationPageSchema,
    handler: async ({ query, actor }) => {
      const filters: WhereOptions<SpecialApplication>[] = [
        scopeWhere(await listScope(actor, 'special_application')),
      ];
      if (query.status) filters.push({ status: query.status });
      if (query.projectId) filters.push({ projectId: query.projectId });
      const { rows, count } = await findPage(
        SpecialApplication,
        { where: { [Op.and]: filters }, order: [['id', 'DESC']] },
        query.page,
        query.pageSize,
      );
      return {
        items: await presentApplications(actor, rows),
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
    params: idParamSchema,
    policy: { action: 'read', resource: 'special_application', load },
    response: specialApplicationViewSchema,
    handler: async ({ subject, actor }) => view(actor, subject),
  }),
  route({
    method: 'post',
    path: '/special-applications/:id/approve',
    summary: '总队审核通过特殊申请：项目改为直传报告',
    tag,
    params: idParamSchema,
    policy: { action: 'approve', resource: 'special_application', load },
    response: specialApplicationViewSchema,
    handler: async ({ subject, actor, context }) =>
      view(actor, await decideSpecialApplication(context, subject, 'approve', null)),
  }),
  route({
    method: 'post',
    path: '/special-applications/:id/reject',
    summary: '总队驳回特殊申请（须填写驳回原因）',
    tag,
    params: idParamSchema,
    policy: { action: 'reject', resource: 'special_application', load },
    body: rejectSpecialApplicationSchema,
    response: specialApplicationViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      view(actor, await decideSpecialApplication(context, subject, 'reject', body.reason)),
  }),
];
