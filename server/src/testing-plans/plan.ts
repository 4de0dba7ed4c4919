import {
  fieldName,
  generateTestingPlan,
  restrictTestingPlan,
  labelledMessage,
  testingPlanSourceSchema,
  type RuleRefusal,
  type TestingPlan,
} from '@xf/domain';
import { Building } from '../buildings/models';
import { conflict } from '../core/errors';
import type { Project } from '../projects/models';
import { findEdition } from '../standards/service';

const planRefusal = (r: RuleRefusal) =>
  labelledMessage(fieldName(testingPlanSourceSchema, [r.field]), r.message);

/**
 * The testing plan of a project, generated afresh from its pinned edition, its scope and its
 * buildings (manual 创新特点4: content comes from the standard; nobody edits it). Ids are stable
 * because the edition is pinned and ids are `${buildingId}:${catalogId}`.
 */
export async function projectTestingPlan(project: Project): Promise<TestingPlan> {
  if (project.kind !== 'testing')
    throw conflict('项目类别：只有检测项目才有检测计划，维保项目请使用维保计划', 'kind');
  const edition = await findEdition(project.editionId);
  const buildings = await Building.findAll({
    where: { projectId: buildingsProjectId(project) },
    order: [['id', 'ASC']],
  });
  const result = generateTestingPlan(edition, {
    scope: project.scope ?? [],
    buildings: buildings.map((b) => ({ id: b.id, name: b.name })),
  });
  if (!result.ok) throw conflict(planRefusal(result), result.field);
  // 复检计划: the failed items of the original only (retest.ts).
  return project.parentProjectId
    ? restrictTestingPlan(result.plan, project.retestPlanItemIds ?? [])
    : result.plan;
}

/** A retest plan has no buildings of its own: it tests the original project's. */
export const buildingsProjectId = (project: Pick<Project, 'id' | 'parentProjectId'>) =>
  project.parentProjectId ?? project.id;

/** Every single item of the plan with its building, keyed by plan id. */
export function singleItemsById(plan: TestingPlan) {
  const map = new Map<
    string,
    {
      buildingId: string;
      buildingName: string;
      single: TestingPlan['buildings'][number]['singleItems'][number];
    }
  >();
  for (const b of plan.buildings)
    for (const single of b.singleItems)
      map.set(single.planSingleItemId, { buildingId: b.buildingId, buildingName: b.buildingName, single });
  return map;
}

export const countItems = (single: TestingPlan['buildings'][number]['singleItems'][number]) =>
  single.subItems.reduce((n, s) => n + s.items.length, 0);
