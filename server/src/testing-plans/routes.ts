import {
  assignableOperatorListSchema,
  createRetestPlanSchema,
  idParamSchema,
  operatorTestingAssignmentListSchema,
  retestPlanViewSchema,
  testingPlanAssignmentsSchema,
  testingPlanViewSchema,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { abilities } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import './policies';
import { createRetestPlan } from './retest';
import { assignableOperators, operatorAssignments, saveAssignments, testingPlanView } from './service';

const tag = '检测计划';
const load = (params: { id: number }) => findProject(params.id);
const withAbilities = async (
  actor: Actor,
  project: Project,
  view: Awaited<ReturnType<typeof testingPlanView>>,
) => ({
  ...view,
  abilities: await abilities(actor, 'testing_plan', project, ['assignOperators']),
});

export const testingPlanRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/testing-plan',
    summary:
      '检测计划：按标准版本、检测范围和建筑物自动生成（单项→子项→检测项，编号稳定），含各单项的操作员；内容不可修改',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'testing_plan', load },
    response: testingPlanViewSchema,
    handler: async ({ subject, actor }) => withAbilities(actor, subject, await testingPlanView(subject)),
  }),
  route({
    method: 'put',
    path: '/projects/:id/testing-plan/assignments',
    summary:
      '下发检测计划／修改计划：项目负责人为每个单项选择一名或多名本机构的消防设施操作员（整体替换，变更记入操作日志）',
    tag,
    params: idParamSchema,
    policy: { action: 'assignOperators', resource: 'testing_plan', load },
    body: testingPlanAssignmentsSchema,
    response: testingPlanViewSchema,
    handler: async ({ subject, body, actor, context }) =>
      withAbilities(actor, subject, await saveAssignments(context, subject, body)),
  }),
  route({
    method: 'get',
    path: '/projects/:id/assignable-operators',
    summary: '可派发检测计划的操作员：本机构未停用的消防设施操作员',
    tag,
    params: idParamSchema,
    policy: { action: 'assignOperators', resource: 'testing_plan', load },
    response: assignableOperatorListSchema,
    handler: async ({ subject }) => ({ items: await assignableOperators(subject) }),
  }),
  route({
    method: 'get',
    path: '/operators/me/testing-assignments',
    summary: '接收下发计划：分配给当前操作员的检测单项（进行中的检测项目）',
    tag,
    policy: { action: 'list', resource: 'testing_assignment' },
    response: operatorTestingAssignmentListSchema,
    handler: async ({ actor }) => ({ items: await operatorAssignments(actor) }),
  }),
  route({
    method: 'post',
    path: '/projects/:id/retest-plan',
    summary:
      '建立复检计划（机构管理员）：检测报告生成后、在检测期限内，针对报告中的不合格项（不含不具备测试条件和现场无此设备）建立复检计划，作为名称带“（复检）”的检测项目按正常流程下发、记录、审核并生成复检报告；原报告不变；复检计划只能进行一次（再次建立返回409）',
    tag,
    params: idParamSchema,
    policy: { action: 'createRetest', resource: 'testing_plan', load },
    body: createRetestPlanSchema,
    response: retestPlanViewSchema,
    handler: async ({ subject, body, context, ctx }) => {
      const { plan, replayed } = await createRetestPlan(context, subject, body);
      ctx.status = replayed ? 200 : 201;
      return plan;
    },
  }),
];
