import { buildingInputSchema, buildingParamsSchema, idParamSchema } from '@xf/domain';
import { authorize } from '../core/policy';
import { route } from '../core/route';
import '../projects/field-labels';
import { findProject } from '../projects/find';
import '../projects/policies';
import { Building } from './models';
import { presentBuilding } from './present';
import { createBuilding, deleteBuilding, findBuilding, updateBuilding } from './service';

const tag = '建筑物';
const denied = '只能管理本机构项目的建筑物';

export const buildingRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/buildings',
    summary: '项目的建筑物及总建筑面积',
    tag,
    params: idParamSchema,
    handler: async ({ params, actor }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'read', 'project', project, '无权查看此项目');
      const rows = await Building.findAll({ where: { projectId: project.id }, order: [['id', 'ASC']] });
      const totalArea = Math.round(rows.reduce((s, b) => s + b.totalArea, 0) * 100) / 100;
      return {
        projectId: project.id,
        siteName: project.siteName,
        totalArea,
        items: rows.map(presentBuilding),
      };
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/buildings',
    summary: '新建建筑物（建筑面积须等于地上面积与地下面积之和；合同只含部分建筑时在备注说明）',
    tag,
    kinds: ['institution_admin'],
    params: idParamSchema,
    body: buildingInputSchema,
    handler: async ({ params, body, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'manageBuildings', 'project', project, denied);
      ctx.status = 201;
      return createBuilding(app, actor, project, body, requestId);
    },
  }),
  route({
    method: 'put',
    path: '/projects/:id/buildings/:buildingId',
    summary: '修改建筑物',
    tag,
    kinds: ['institution_admin'],
    params: buildingParamsSchema,
    body: buildingInputSchema,
    handler: async ({ params, body, actor, app, requestId }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'manageBuildings', 'project', project, denied);
      const building = await findBuilding(project, params.buildingId);
      return updateBuilding(app, actor, project, building, body, requestId);
    },
  }),
  route({
    method: 'delete',
    path: '/projects/:id/buildings/:buildingId',
    summary: '删除建筑物',
    tag,
    kinds: ['institution_admin'],
    params: buildingParamsSchema,
    handler: async ({ params, actor, app, requestId, ctx }) => {
      const project = await findProject(params.id);
      await authorize(actor, 'manageBuildings', 'project', project, denied);
      const building = await findBuilding(project, params.buildingId);
      await deleteBuilding(app, actor, project, building, requestId);
      ctx.status = 204;
    },
  }),
];
