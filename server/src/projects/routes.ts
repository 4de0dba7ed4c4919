import {
  endProjectSchema,
  fireSystemSelectionSchema,
  geofenceInputSchema,
  idParamSchema,
  maintenanceProjectInputSchema,
  projectListQuerySchema,
  testingProjectInputSchema,
} from '@xf/domain';
import { authorize } from '../core/policy';
import { conflict } from '../core/errors';
import { route } from '../core/route';
import { endProject } from './end-service';
import './field-labels';
import { findProject } from './find';
import { fireSystemsOf, setFireSystems } from './fire-systems';
import { markGeofence } from './geofence';
import { listProjects } from './list';
import { createMaintenanceProject, updateMaintenanceProject } from './maintenance-service';
import { presentProjectDetail } from './present';
import { createTestingProject, updateTestingProject } from './testing-service';
import './policies';

const tag = '项目';
const denied = '只能管理本机构的项目';

async function ownProject(actor: Parameters<typeof authorize>[0], id: number, action: string) {
  const project = await findProject(id);
  await authorize(actor, action, 'project', project, denied);
  return project;
}

export const projectRoutes = [
  route({
    method: 'get',
    path: '/projects',
    summary:
      '项目列表（检测和维保）：按项目名称、甲方名称、省/市、状态、项目类型、管辖归属搜索；总队看全部，支队看管辖归属为本支队的，机构看本机构的，项目负责人看自己负责的',
    tag,
    kinds: ['brigade', 'detachment', 'institution_admin', 'technical_lead', 'project_lead'],
    query: projectListQuerySchema,
    handler: async ({ query, actor }) => {
      await authorize(actor, 'list', 'project');
      return listProjects(actor, query);
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id',
    summary: '项目详情',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      return presentProjectDetail(project);
    },
  }),
  route({
    method: 'post',
    path: '/testing-projects',
    summary: '录入检测项目（固定签订日期生效的标准版本；合同附件至少一个检测范围页）',
    tag,
    kinds: ['institution_admin'],
    body: testingProjectInputSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'create', 'project');
      const project = await createTestingProject(app, actor, body, requestId);
      ctx.status = 201;
      return presentProjectDetail(project);
    },
  }),
  route({
    method: 'put',
    path: '/testing-projects/:id',
    summary: '修改检测项目（已注销或已完成的不能修改）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: testingProjectInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'update');
      if (project.kind !== 'testing')
        throw conflict('类别（kind）：这是维保项目，请在维保项目中修改', 'kind');
      return presentProjectDetail(await updateTestingProject(app, actor, project, body, requestId));
    },
  }),
  route({
    method: 'post',
    path: '/maintenance-projects',
    summary: '录入合同对应的维保项目（维保月份在合同期限内，维保总次数等于月份数）',
    tag,
    kinds: ['institution_admin'],
    body: maintenanceProjectInputSchema,
    handler: async ({ body, actor, app, requestId, ctx }) => {
      await authorize(actor, 'create', 'project');
      const project = await createMaintenanceProject(app, actor, body, requestId);
      ctx.status = 201;
      return presentProjectDetail(project);
    },
  }),
  route({
    method: 'put',
    path: '/maintenance-projects/:id',
    summary: '修改维保项目（已终止或已完成的不能修改）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: maintenanceProjectInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'update');
      if (project.kind !== 'maintenance')
        throw conflict('类别（kind）：这是检测项目，请在检测项目中修改', 'kind');
      return presentProjectDetail(await updateMaintenanceProject(app, actor, project, body, requestId));
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/cancel',
    summary: '注销检测项目（不能恢复；记录原因和操作人员）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: endProjectSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'cancel');
      return presentProjectDetail(await endProject(app, actor, project, 'cancel', body.reason, requestId));
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/terminate',
    summary: '终止维保项目（不能恢复；记录原因和操作人员）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: endProjectSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'terminate');
      return presentProjectDetail(await endProject(app, actor, project, 'terminate', body.reason, requestId));
    },
  }),
  route({
    method: 'put',
    path: '/projects/:id/geofence',
    summary:
      '标注项目位置（地理围栏中心和半径50～2000米，默认300米；WGS-84转换为GCJ-02；移动超过500米跟踪标红）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: geofenceInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'markGeofence');
      return markGeofence(app, actor, project, body, requestId);
    },
  }),
  route({
    method: 'get',
    path: '/projects/:id/fire-systems',
    summary: '维保项目的消防系统：项目标准版本的系统/分类/设施，标明已勾选的',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      return fireSystemsOf(project);
    },
  }),
  route({
    method: 'put',
    path: '/projects/:id/fire-systems',
    summary: '消防系统录入：勾选合同约定需要维保的消防设施（只能是项目标准版本中的）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: fireSystemSelectionSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await ownProject(actor, params.id, 'setFireSystems');
      return setFireSystems(app, actor, project, body.facilityIds, requestId);
    },
  }),
];
