import { waterSupplyKindLabels } from '@xf/domain';
import type { Building } from './models';

export const presentBuilding = (b: Building) => ({
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
