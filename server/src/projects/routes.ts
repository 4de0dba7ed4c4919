import type { z } from 'zod';
import {
  endProjectSchema,
  fireSystemSelectionSchema,
  fireSystemsViewSchema,
  geofenceInputSchema,
  geofenceResultSchema,
  idParamSchema,
  maintenanceProjectInputSchema,
  projectDetailSchema,
  projectKindLabels,
  projectListQuerySchema,
  projectListSchema,
  testingProjectInputSchema,
  type ProjectKind,
} from '@xf/domain';
import type { RequestContext } from '../core/command';
import { conflict } from '../core/errors';
import { route } from '../core/route';
import { endProject } from './end-service';
import './field-labels';
import { findProject } from './find';
import { fireSystemsOf, setFireSystems } from './fire-systems';
import { markGeofence } from './geofence';
import { listProjects } from './list';
import { createMaintenanceProject, updateMaintenanceProject } from './maintenance-service';
import type { Project } from './models';
import { presentProjectDetail } from './present';
import { createTestingProject, updateTestingProject } from './testing-service';
import './policies';

const tag = '项目';
const load = (params: { id: number }) => findProject(params.id);

/**
 * 录入 and 修改 of one kind of project: the testing and maintenance routes differ only in path, words, body
 * and service. Editing a project of the other kind through these routes is refused with a pointer.
 */
function entryRoutes<S extends z.ZodType>(
  kind: ProjectKind,
  o: {
    path: string;
    createSummary: string;
    updateSummary: string;
    body: S;
    create: (context: RequestContext, input: z.infer<S>) => Promise<Project>;
    update: (context: RequestContext, project: Project, input: z.infer<S>) => Promise<Project>;
  },
) {
  return [
    route({
      method: 'post',
      path: `/${o.path}`,
      summary: o.createSummary,
      tag,
      policy: { action: 'create', resource: 'project' },
      body: o.body as z.ZodType,
      response: projectDetailSchema,
      handler: async ({ body, actor, context, ctx }) => {
        const project = await o.create(context, body as z.infer<S>);
        ctx.status = 201;
        return presentProjectDetail(actor, project);
      },
    }),
    route({
      method: 'put',
      path: `/${o.path}/:id`,
      summary: o.updateSummary,
      tag,
      params: idParamSchema,
      policy: { action: 'update', resource: 'project', load },
      body: o.body as z.ZodType,
      response: projectDetailSchema,
      handler: async ({ subject, body, actor, context }) => {
        if (subject.kind !== kind) {
          const other = projectKindLabels[subject.kind];
          throw conflict(`项目类别：这是${other}项目，请在${other}项目中修改`, 'kind');
        }
        return presentProjectDetail(actor, await o.update(context, subject, body as z.infer<S>));
      },
    }),
  ];
}

/** 注销 (testing) and 终止 (maintenance): the project machine's two endings, the same route shape. */
const endingRoute = (how: 'cancel' | 'terminate', summary: string) =>
  route({
    method: 'post',
    path: `/projects/:id/${how}`,
    summary,
    tag,
    params: idParamSchema,
    policy: { action: how, resource: 'project', load },
    body: endProjectSchema,
    response: projectDetailSchema,
    handler: async ({ subject, body, actor, context }) =>
      presentProjectDetail(actor, await endProject(context, subject, how, body)),
  });

export const projectRoutes = [
  route({
    method: 'get',
    path: '/projects',
    summary:
      '项目列表（检测和维保）：按项目名称、甲方名称、省/市、状态、项目类型、管辖归属搜索；总队看全部，支队看管辖归属为本支队的，机构看本机构的，项目负责人看自己负责的',
    tag,
    policy: { action: 'list', resource: 'project' },
    query: projectListQuerySchema,
    response: projectListSchema,
    handler: async ({ query, actor }) => listProjects(actor, query),
  }),
  route({
    method: 'get',
    path: '/projects/:id',
    summary: '项目详情',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'project', load },
    response: projectDetailSchema,
    handler: async ({ subject, actor }) => presentProjectDetail(actor, subject),
  }),
  ...entryRoutes('testing', {
    path: 'testing-projects',
    createSummary: '录入检测项目（固定签订日期生效的标准版本；合同附件至少一个检测范围页）',
    updateSummary: '修改检测项目（已注销或已完成的不能修改）',
    body: testingProjectInputSchema,
    create: createTestingProject,
    update: updateTestingProject,
  }),
  ...entryRoutes('maintenance', {
    path: 'maintenance-projects',
    createSummary: '录入合同对应的维保项目（维保月份在合同期限内，维保总次数等于月份数）',
    updateSummary: '修改维保项目（已终止或已完成的不能修改）',
    body: maintenanceProjectInputSchema,
    create: createMaintenanceProject,
    update: updateMaintenanceProject,
  }),
  endingRoute('cancel', '注销检测项目（不能恢复；记录原因和操作人员）'),
  endingRoute('terminate', '终止维保项目（不能恢复；记录原因和操作人员）'),
  route({
    method: 'put',
    path: '/projects/:id/geofence',
    summary:
      '标注项目位置（地理围栏中心和半径50～2000米，默认300米；WGS-84转换为GCJ-02；移动超过500米跟踪标红）',
    tag,
    params: idParamSchema,
    policy: { action: 'markGeofence', resource: 'project', load },
    body: geofenceInputSchema,
    response: geofenceResultSchema,
    handler: async ({ subject, body, context }) => markGeofence(context, subject, body),
  }),
  route({
    method: 'get',
    path: '/projects/:id/fire-systems',
    summary: '维保项目的消防系统：项目标准版本的系统/分类/设施，标明已勾选的',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'project', load },
    response: fireSystemsViewSchema,
    handler: async ({ subject }) => fireSystemsOf(subject),
  }),
  route({
    method: 'put',
    path: '/projects/:id/fire-systems',
    summary: '消防系统录入：勾选合同约定需要维保的消防设施（只能是项目标准版本中的）',
    tag,
    params: idParamSchema,
    policy: { action: 'setFireSystems', resource: 'project', load },
    body: fireSystemSelectionSchema,
    response: fireSystemsViewSchema,
    handler: async ({ subject, body, context }) => setFireSystems(context, subject, body),
  }),
];
