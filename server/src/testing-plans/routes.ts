import { idParamSchema, testingPlanAssignmentsSchema } from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import '../projects/policies';
import './policies';
import { assignableOperators, operatorAssignments, saveAssignments, testingPlanView } from './service';

const tag = '检测计划';

export const testingPlanRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/testing-plan',
    summary:
      '检测计划：按标准版本、检测范围和建筑物自动生成（单项→子项→检测项，编号稳定），含各单项的操作员；内容不可修改',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      return testingPlanView(project);
    },
  }),
  route({
    method: 'put',
    path: '/projects/:id/testing-plan/assignments',
    summary:
      '下发检测计划／修改计划：项目负责人为每个单项选择一名或多名本机构的消防设施操作员（整体替换，变更记入操作日志）',
    tag,
    kinds: ['project_lead'],
    params: idParamSchema,
    body: testingPlanAssignmentsSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await findProject(params.id);
      await authorize(
        actor,
        'assignTestingOperators',
        'project',
        project,
        '只有本项目的项目负责人可以下发检测计划',
      );
      return saveAssignments(app, actor, project, body, requestId);
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id/assignable-operators',
    summary: '可派发检测计划的操作员：本机构未停用的消防设施操作员',
    tag,
    kinds: ['project_lead'],
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(
        actor,
        'assignTestingOperators',
        'project',
        project,
        '只有本项目的项目负责人可以下发检测计划',
      );
      return { items: await assignableOperators(project) };
    },
  }),
  route({
    method: 'get',
    path: '/operators/me/testing-assignments',
    summary: '接收下发计划：分配给当前操作员的检测单项（进行中的检测项目）',
    tag,
    kinds: ['operator'],
    handler: async ({ actor }) => {
      await authorize(actor, 'list', 'testing_assignment');
      return { items: await operatorAssignments(actor) };
    },
  }),
];
