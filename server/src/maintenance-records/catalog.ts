import type {
  MaintenanceCategory,
  MaintenanceContentLine,
  MaintenanceFacility,
  MaintenanceSystem,
} from '@xf/domain';
import { findEdition } from '../standards/service';

export interface CatalogFacility {
  system: MaintenanceSystem;
  category: MaintenanceCategory;
  facility: MaintenanceFacility;
}
export interface CatalogLine extends CatalogFacility {
  line: MaintenanceContentLine;
}
export interface CatalogIndex {
  facilities: Map<string, CatalogFacility>;
  lines: Map<string, CatalogLine>;
}

const cache = new Map<string, Promise<CatalogIndex>>();

/** Facilities and content lines of an edition by id (editions never change once published). */
export function catalogIndex(editionId: string): Promise<CatalogIndex> {
  let found = cache.get(editionId);
  if (!found) {
    found = findEdition(editionId).then((edition) => {
      const index: CatalogIndex = { facilities: new Map(), lines: new Map() };
      for (const system of edition.maintenance)
        for (const category of system.categories)
          for (const facility of category.facilities) {
            index.facilities.set(facility.id, { system, category, facility });
            for (const line of facility.lines) index.lines.set(line.id, { system, category, facility, line });
          }
      return index;
    });
    found.catch(() => cache.delete(editionId));
    cache.set(editionId, found);
  }
  return found;
}
