import { buildingInputSchema, checkBuildingArea, type BuildingInput } from '@xf/domain';
import { runCommand, type RequestContext } from '../core/command';
import { conflict, notFound } from '../core/errors';
import { refusalError } from '../projects/field-labels';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { Building } from './models';
import { buildingSnapshot } from './present';

export async function findBuilding(project: Project, buildingId: number) {
  const b = await Building.findOne({ where: { id: buildingId, projectId: project.id } });
  if (!b) throw notFound('建筑物');
  return b;
}

/** 建筑面积 = 地上面积 + 地下面积, by the domain rule (manual §03: 系统会校验). */
function checked(input: BuildingInput) {
  const area = checkBuildingArea(input);
  if (!area.ok) throw refusalError(area, buildingInputSchema);
  return input;
}

const buildingAudit = (project: Project, b: Building) => ({
  entityType: 'building',
  entityId: b.id,
  institutionId: project.institutionId,
});

export async function createBuilding(context: RequestContext, project: Project, input: BuildingInput) {
  assertInProgress(project);
  if (project.parentProjectId)
    throw conflict('复检计划使用原检测项目的建筑物，请在原项目中维护建筑物', 'parentProjectId');
  const values = checked(input);
  return runCommand(context, 'building.created', async ({ transaction }) => {
    const b = await Building.create({ ...values, projectId: project.id }, { transaction });
    return { result: b, audit: { ...buildingAudit(project, b), after: buildingSnapshot(b) } };
  });
}

export async function updateBuilding(
  context: RequestContext,
  project: Project,
  building: Building,
  input: BuildingInput,
) {
  assertInProgress(project);
  const values = checked(input);
  const before = buildingSnapshot(building);
  return runCommand(context, 'building.updated', async ({ transaction }) => {
    await building.update(values, { transaction });
    return {
      result: building,
      audit: { ...buildingAudit(project, building), before, after: buildingSnapshot(building) },
    };
  });
}

export async function deleteBuilding(context: RequestContext, project: Project, building: Building) {
  assertInProgress(project);
  await runCommand(context, 'building.deleted', async ({ transaction }) => {
    await building.destroy({ transaction });
    return {
      result: undefined,
      audit: { ...buildingAudit(project, building), before: buildingSnapshot(building) },
    };
  });
}
