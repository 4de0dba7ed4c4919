/**
 * Plan node ids are `${buildingId}:${catalogId}`, e.g. `236305:A.8.1.3`: a test item (or sub-item,
 * or single item) in one building. Catalog ids are unique within an edition and a project pins its
 * edition, so these ids are stable for the life of a project and assignments and records can refer
 * to them. Building ids may not contain a colon; the id is split at the first one.
 */
export const PLAN_ID_SEPARATOR = ':';

export function planNodeId(buildingId: string | number, catalogId: string): string {
  return `${buildingId}${PLAN_ID_SEPARATOR}${catalogId}`;
}

export function parsePlanNodeId(planId: string): { buildingId: string; catalogId: string } | undefined {
  const at = planId.indexOf(PLAN_ID_SEPARATOR);
  if (at <= 0 || at === planId.length - 1) return undefined;
  return { buildingId: planId.slice(0, at), catalogId: planId.slice(at + 1) };
}
