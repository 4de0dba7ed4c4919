import { waterSupplyKindLabels, type Abilities, type BuildingView } from '@xf/domain';
import type { Building } from './models';

/** A building as stored, for the operation log. */
export const buildingSnapshot = (b: Building) => ({
  id: b.id,
  projectId: b.projectId,
  name: b.name,
  totalArea: b.totalArea,
  aboveGroundArea: b.aboveGroundArea,
  belowGroundArea: b.belowGroundArea,
  aboveGroundFloors: b.aboveGroundFloors,
  belowGroundFloors: b.belowGroundFloors,
  height: b.height,
  useFunction: b.useFunction,
  waterSupplies: b.waterSupplies.map((w) => ({ ...w, kindLabel: waterSupplyKindLabels[w.kind] })),
  remark: b.remark,
});

/**
 * A building as shown. Buildings are managed through their project (`manageBuildings`), so what the actor may
 * do with one is what it may do with the project's buildings.
 */
export const presentBuilding = (b: Building, manage: boolean): BuildingView => ({
  ...buildingSnapshot(b),
  abilities: { update: manage, delete: manage } satisfies Abilities,
});
