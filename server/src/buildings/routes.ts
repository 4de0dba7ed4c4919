import {
  buildingInputSchema,
  buildingListSchema,
  buildingParamsSchema,
  buildingViewSchema,
  idParamSchema,
} from '@xf/domain';
import type { Actor } from '../core/actor';
import { route } from '../core/route';
import { findProject } from '../projects/find';
import type { Project } from '../projects/models';
import { projectAbilities } from '../projects/present';
import '../projects/policies';
import { Building } from './models';
import { presentBuilding } from './present';
import { createBuilding, deleteBuilding, findBuilding, updateBuilding } from './service';

const tag = '建筑物';
/** Buildings belong to a project: every rule is the project's, checked on the project in the path. */
const load = (params: { id: number }) => findProject(params.id);
const manage = { action: 'manageBuildings', resource: 'project', load } as const;
const canManage = async (actor: Actor, project: Project) =>
  (await projectAbilities(actor, project)).manageBuildings!;

export const buildingRoutes = [
  route({
    method: 'get',
    path: '/projects/:id/buildings',
    summary: '项目的建筑物及总建筑面积',
    tag,
    params: idParamSchema,
    policy: { action: 'read', resource: 'project', load },
    response: buildingListSchema,
    handler: async ({ subject: project, actor }) => {
      // A 复检计划 tests the buildings of its original project (read only here).
      const rows = await Building.findAll({
        where: { projectId: project.parentProjectId ?? project.id },
        order: [['id', 'ASC']],
      });
      const totalArea = Math.round(rows.reduce((s, b) => s + b.totalArea, 0) * 100) / 100;
      const may = !project.parentProjectId && (await canManage(actor, project));
      return {
        projectId: project.id,
        siteName: project.siteName,
        totalArea,
        items: rows.map((b) => presentBuilding(b, may)),
        abilities: { create: may },
      };
    },
  }),
  route({
    method: 'post',
    path: '/projects/:id/buildings',
    summary: '新建建筑物（建筑面积须等于地上面积与地下面积之和；合同只含部分建筑时在备注说明）',
    tag,
    params: idParamSchema,
    policy: manage,
    body: buildingInputSchema,
    response: buildingViewSchema,
    handler: async ({ subject, body, actor, context, ctx }) => {
      const building = await createBuilding(context, subject, body);
      ctx.status = 201;
      return presentBuilding(building, await canManage(actor, subject));
    },
  }),
  route({
    method: 'put',
    path: '/projects/:id/buildings/:buildingId',
    summary: '修改建筑物',
    tag,
    params: buildingParamsSchema,
    policy: manage,
    body: buildingInputSchema,
    response: buildingViewSchema,
    handler: async ({ subject, params, body, actor, context }) => {
      const building = await findBuilding(subject, params.buildingId);
      await updateBuilding(context, subject, building, body);
      return presentBuilding(building, await canManage(actor, subject));
    },
  }),
  route({
    method: 'delete',
    path: '/projects/:id/buildings/:buildingId',
    summary: '删除建筑物',
    tag,
    params: buildingParamsSchema,
    policy: manage,
    handler: async ({ subject, params, context, ctx }) => {
      await deleteBuilding(context, subject, await findBuilding(subject, params.buildingId));
      ctx.status = 204;
    },
  }),
];
