import { MaintenancePlanRecord } from '../maintenance-plans/models';
import type { FireSystemsView, StandardEdition } from '@xf/domain';
import { runCommand, type RequestContext } from '../core/command';
import { conflict } from '../core/errors';
import { findEdition } from '../standards/service';
import { fieldError } from './field-labels';
import type { Project } from './models';
import { projectAudit } from './present';
import { assertInProgress } from './state';

function assertMaintenance(project: Project) {
  if (project.kind !== 'maintenance')
    throw conflict('项目类别：只有维保项目需要录入消防系统；检测项目的范围在项目中填写', 'kind');
}

/** The pinned edition's catalog (系统 › 分类 › 设施) with this project's selection marked. */
export function selectionTree(edition: StandardEdition, selected: ReadonlySet<string>) {
  return edition.maintenance.map((s) => {
    const categories = s.categories.map((c) => {
      const facilities = c.facilities.map((f) => ({ id: f.id, name: f.name, selected: selected.has(f.id) }));
      return { id: c.id, name: c.name, selected: facilities.some((f) => f.selected), facilities };
    });
    return { id: s.id, name: s.name, selected: categories.some((c) => c.selected), categories };
  });
}

export async function fireSystemsOf(project: Project): Promise<FireSystemsView> {
  assertMaintenance(project);
  const edition = await findEdition(project.editionId);
  const selected = new Set(project.fireSystemFacilityIds ?? []);
  return { editionId: edition.id, added: selected.size > 0, systems: selectionTree(edition, selected) };
}

/** 消防系统录入: facilities of the project's pinned edition only. */
export async function setFireSystems(
  context: RequestContext,
  project: Project,
  input: { facilityIds: string[] },
) {
  assertMaintenance(project);
  assertInProgress(project);
  // Manual §03: once a maintenance plan is distributed the fire systems are fixed; delete the plan first.
  if (await MaintenancePlanRecord.count({ where: { projectId: project.id, status: 'distributed' } }))
    throw conflict(
      '消防系统：维保计划下发后，消防系统不能被修改（包括新增和删除）。如需修改，请先删除已下发的维保计划',
      'facilityIds',
    );
  const edition = await findEdition(project.editionId);
  const known = new Set(
    edition.maintenance.flatMap((s) => s.categories.flatMap((c) => c.facilities.map((f) => f.id))),
  );
  const wanted = [...new Set(input.facilityIds)];
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length)
    throw fieldError('facilityIds', '消防设施', `“${unknown.join('、')}”不是本项目所用标准版本中的消防设施`);
  const before = { facilityIds: project.fireSystemFacilityIds ?? [] };
  await runCommand(context, 'project.fire_systems_set', async ({ transaction }) => {
    await project.update({ fireSystemFacilityIds: wanted }, { transaction });
    return { result: undefined, audit: { ...projectAudit(project), before, after: { facilityIds: wanted } } };
  });
  return fireSystemsOf(project);
}
