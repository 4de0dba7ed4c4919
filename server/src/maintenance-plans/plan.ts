import {
  fieldName,
  generateMaintenancePlan,
  labelledMessage,
  maintenancePlanSourceSchema,
  type MaintenancePlan,
} from '@xf/domain';
import { badRequest, conflict } from '../core/errors';
import type { Project } from '../projects/models';
import { findEdition } from '../standards/service';
import type { MaintenancePlanRecord } from './models';

export function assertMaintenanceProject(project: Project) {
  if (project.kind !== 'maintenance')
    throw conflict('项目类别：只有维保项目才有维保计划，检测项目请使用检测计划', 'kind');
}

/**
 * The content of a plan from the standard (manual 创新特点4: nobody edits it): the domain generator
 * over the systems holding a selected facility, narrowed to exactly the selected facilities.
 */
export async function generateContent(
  editionId: string,
  kind: MaintenancePlanRecord['kind'],
  month: string,
  facilityIds: readonly string[],
): Promise<MaintenancePlan> {
  const edition = await findEdition(editionId);
  const selected = new Set(facilityIds);
  const systems = edition.maintenance
    .filter((s) => s.categories.some((c) => c.facilities.some((f) => selected.has(f.id))))
    .map((s) => s.id);
  const result = generateMaintenancePlan(edition, { kind, month, systems });
  if (!result.ok) {
    const message = labelledMessage(fieldName(maintenancePlanSourceSchema, [result.field]), result.message);
    throw result.field === 'systems' ? conflict(message, result.field) : badRequest(message, result.field);
  }
  let lineCount = 0;
  const plan = result.plan;
  const narrowed = plan.systems
    .map((s) => ({ ...s, facilities: s.facilities.filter((f) => selected.has(f.facilityId)) }))
    .filter((s) => s.facilities.length > 0);
  for (const s of narrowed) for (const f of s.facilities) lineCount += f.lines.length;
  return { ...plan, systems: narrowed, lineCount };
}

export const contentOf = (record: MaintenancePlanRecord) =>
  generateContent(record.editionId, record.kind, record.month, record.facilityIds);

export function facilitiesById(plan: MaintenancePlan) {
  const map = new Map<
    string,
    { systemName: string; facility: MaintenancePlan['systems'][number]['facilities'][number] }
  >();
  for (const s of plan.systems)
    for (const f of s.facilities) map.set(f.facilityId, { systemName: s.name, facility: f });
  return map;
}
