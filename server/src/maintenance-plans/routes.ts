import {
  idParamSchema,
  maintenanceAssignmentParamSchema,
  maintenancePlanCreateSchema,
  maintenancePlanDistributeSchema,
  maintenancePlanListSchema,
  maintenancePlanParamSchema,
  maintenancePlanViewSchema,
  operatorMaintenanceAssignmentListSchema,
} from '@xf/domain';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import './policies';
import {
  createPlan,
  deletePlan,
  distribute,
  listPlans,
  loadPlan,
  operatorAssignments,
  planView,
  removeAssignment,
} from './service';

const tag = '维保计划';
const project = (params: { id: number }) => findProject(params.id);
const plan = (params: { planId: number }) => loadPlan(params.planId);

export const maintenancePlanRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/maintenance-plans',
    summary:
      '维保计划列表：各计划的类别、月份、设施数、下发状态；当月可创建的类别；每个维保年度至少3个季计划和1个年计划的核对（年度未结束时为提醒）',
    tag,
    params: idParamSchema,
    policy: { action: 'list', resource: 'maintenance_plan', load: project },
    response: maintenancePlanListSchema,
    handler: async ({ subject, actor }) => listPlans(actor, subject),
  }),
  route({
    method: 'post',
    path: '/projects/:id/maintenance-plans',
    summary:
      '创建维保计划（月/季/年计划）：只能创建当月（北京时间）的计划，且在项目维保月份内，同一类别每月一个；内容按标准版本和所选消防设施自动生成，不可修改',
    tag,
    params: idParamSchema,
    policy: { action: 'create', resource: 'maintenance_plan', load: project },
    body: maintenancePlanCreateSchema,
    response: maintenancePlanViewSchema,
    handler: async ({ subject, body, context, ctx }) => {
      const view = await createPlan(context, subject, body);
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
    policy: { action: 'read', resource: 'maintenance_plan', load: plan },
    response: maintenancePlanViewSchema,
    handler: async ({ subject, actor }) => planView(actor, subject),
  }),
  route({
    method: 'post',
    path: '/maintenance-plans/:planId/assignments',
    summary:
      '下发维保计划：把所选设施派发给一名或多名本机构未停用的消防设施操作员（已派发的不重复），计划变为已下发',
    tag,
    params: maintenancePlanParamSchema,
    policy: { action: 'distribute', resource: 'maintenance_plan', load: plan },
    body: maintenancePlanDistributeSchema,
    response: maintenancePlanViewSchema,
    handler: async ({ subject, body, context }) => distribute(context, subject, body),
  }),
  route({
    method: 'delete',
    path: '/maintenance-plans/:planId/assignments/:assignmentId',
    summary: '删除已下发的设施：操作员尚未开始执行时可删除；最后一个派发删除后计划回到未下发',
    tag,
    params: maintenanceAssignmentParamSchema,
    policy: { action: 'remove', resource: 'maintenance_assignment', load: plan },
    response: maintenancePlanViewSchema,
    handler: async ({ subject, params, context }) => removeAssignment(context, subject, params.assignmentId),
  }),
  route({
    method: 'delete',
    path: '/maintenance-plans/:planId',
    summary: '删除维保计划：只能删除未下发的计划；已下发的须先删除各设施的派发',
    tag,
    params: maintenancePlanParamSchema,
    policy: { action: 'delete', resource: 'maintenance_plan', load: plan },
    handler: async ({ subject, context, ctx }) => {
      await deletePlan(context, subject);
      ctx.status = 204;
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/maintenance-assignments',
    summary: '接收下发计划：派发给当前操作员的维保计划设施（进行中的维保项目）',
    tag,
    policy: { action: 'list', resource: 'maintenance_assignment' },
    response: operatorMaintenanceAssignmentListSchema,
    handler: async ({ actor }) => ({ items: await operatorAssignments(actor) }),
  }),
];
