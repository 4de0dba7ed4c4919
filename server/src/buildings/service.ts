import { checkBuildingArea, type BuildingInput } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { notFound } from '../core/errors';
import { refusalError } from '../projects/field-labels';
import { logChange } from '../projects/log';
import type { Project } from '../projects/models';
import { assertInProgress } from '../projects/state';
import { Building } from './models';
import { presentBuilding } from './present';

export async function findBuilding(project: Project, buildingId: number) {
  const b = await Building.findOne({ where: { id: buildingId, projectId: project.id } });
  if (!b) throw notFound('建筑物');
  return b;
}

/** 建筑面积 = 地上面积 + 地下面积, by the domain rule (manual §03: 系统会校验). */
function checked(input: BuildingInput) {
  const area = checkBuildingArea(input);
  if (!area.ok) throw refusalError(area);
  return input;
}

export async function createBuilding(
  app: AppContext,
  actor: Actor,
  project: Project,
  input: BuildingInput,
  requestId: string,
) {
  assertInProgress(project);
  const values = checked(input);
  return app.sequelize.transaction(async (t) => {
    const b = await Building.create({ ...values, projectId: project.id }, { transaction: t });
    await logChange(t, actor, requestId, {
      action: 'building.created',
      entityType: 'building',
      entityId: b.id,
      institutionId: project.institutionId,
      after: presentBuilding(b),
    });
    return presentBuilding(b);
  });
}

export async function updateBuilding(
  app: AppContext,
  actor: Actor,
  project: Project,
  building: Building,
  input: BuildingInput,
  requestId: string,
) {
  assertInProgress(project);
  const values = checked(input);
  const before = presentBuilding(building);
  await app.sequelize.transaction(async (t) => {
    await building.update(values, { transaction: t });
    await logChange(t, actor, requestId, {
      action: 'building.updated',
      entityType: 'building',
      entityId: building.id,
      institutionId: project.institutionId,
      before,
      after: presentBuilding(building),
    });
  });
  return presentBuilding(building);
}

export async function deleteBuilding(
  app: AppContext,
  actor: Actor,
  project: Project,
  building: Building,
  requestId: string,
) {
  assertInProgress(project);
  await app.sequelize.transaction(async (t) => {
    await building.destroy({ transaction: t });
    await logChange(t, actor, requestId, {
      action: 'building.deleted',
      entityType: 'building',
      entityId: building.id,
      institutionId: project.institutionId,
      before: presentBuilding(building),
    });
  });
}
