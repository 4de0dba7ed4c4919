import type { TestingPlan, TestingPlanItem, TestingPlanSingleItem, TestingPlanSubItem } from '@xf/domain';

export interface PlanItemEntry {
  item: TestingPlanItem;
  sub: TestingPlanSubItem;
  single: TestingPlanSingleItem;
  buildingName: string;
}

/** Every test item of a plan by its plan id, with its sub-item, single item and building. */
export function planItemIndex(plan: TestingPlan): Map<string, PlanItemEntry> {
  const map = new Map<string, PlanItemEntry>();
  for (const b of plan.buildings)
    for (const single of b.singleItems)
      for (const sub of single.subItems)
        for (const item of sub.items)
          map.set(item.planItemId, { item, sub, single, buildingName: b.buildingName });
  return map;
}
