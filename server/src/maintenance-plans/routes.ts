import {
  idParamSchema,
  maintenanceAssignmentParamSchema,
  maintenancePlanCreateSchema,
  maintenancePlanDistributeSchema,
  maintenancePlanParamSchema,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import '../projects/policies';
import './policies';
import {
  createPlan,
  deletePlan,
  distribute,
  findPlan,
  listPlans,
  operatorAssignments,
  planView,
  removeAssignment,
} from './service';

const tag = '维保计划';
const leadOnly = '只有本项目的项目负责人可以管理维保计划';

async function planAsLead(actor: Actor, planId: number) {
  const plan = await findPlan(planId);
  const project = await findProject(plan.projectId);
  await authorize(actor, 'manageMaintenancePlans', 'project', project, leadOnly);
  return { plan, project };
}

export const maintenancePlanRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/maintenance-plans',
    summary:
      '维保计划列表：各计划的类别、月份、设施数、下发状态；当月可创建的类别；每个维保年度至少3个季计划和1个年计划的核对（年度未结束时为提醒）',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      return listPlans(project);
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/maintenance-plans',
    summary:
      '创建维保计划（月/季/年计划）：只能创建当月（北京时间）的计划，且在项目维保月份内，同一类别每月一个；内容按标准版本和所选消防设施自动生成，不可修改',
    tag,
    kinds: ['project_lead'],
    params: idParamSchema,
    body: maintenancePlanCreateSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'manageMaintenancePlans', 'project', project, leadOnly);
      const view = await createPlan(app, actor, project, body, requestId);
      ctx.status = 201;
      return view;
    },
  }),
  route({
    method: 'get',
    path: '/maintenance-plans/:planId',
    summary: '维保计划详情：按设施列出维保内容（不可修改）及各设施的派发情况',
    tag,
    params: maintenancePlanParamSchema,
    handler: async ({ params, actor }) => {
      const plan = await findPlan(params.planId);
      const project = await findProject(plan.projectId);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      return planView(plan, project);
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-plans/:planId/assignments',
    summary:
      '下发维保计划：把所选设施派发给一名或多名本机构未停用的消防设施操作员（已派发的不重复），计划变为已下发',
    tag,
    kinds: ['project_lead'],
    params: maintenancePlanParamSchema,
    body: maintenancePlanDistributeSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const { plan, project } = await planAsLead(actor, params.planId);
      return distribute(app, actor, project, plan, body, requestId);
    },
  }),
  route({
    method: 'delete',
    path: '/maintenance-plans/:planId/assignments/:assignmentId',
    summary:
      '删除已下发的设施：操作员尚未开始执行时可删除；最后一个派发删除后计划回到未下发',
    tag,
    kinds: ['project_lead'],
    params: maintenanceAssignmentParamSchema,
    handler: async ({ params, actor, app, requestId }) => {
      const { plan, project } = await planAsLead(actor, params.planId);
      return removeAssignment(app, actor, project, plan, params.assignmentId, requestId);
    },
  }),
  route({
    method: 'delete',
    path: '/maintenance-plans/:planId',
    summary: '删除维保计划：只能删除未下发的计划；已下发的须先删除各设施的派发',
    tag,
    kinds: ['project_lead'],
    params: maintenancePlanParamSchema,
    handler: async ({ params, actor, app, requestId, ctx }) => {
      const { plan, project } = await planAsLead(actor, params.planId);
      await deletePlan(app, actor, project, plan, requestId);
      ctx.status = 204;
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/maintenance-assignments',
    summary: '接收下发计划：派发给当前操作员的维保计划设施（进行中的维保项目）',
    tag,
    kinds: ['operator'],
    handler: async ({ actor }) => {
      await authorize(actor, 'list', 'maintenance_assignment');
      return { items: await operatorAssignments(actor) };
    },
  }),
];
