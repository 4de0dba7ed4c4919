import type { ItemClass, MeasuredLimit, StandardEdition, TestSingleItem } from '../catalog/types';
import { refused, type RuleRefusal, type RuleResult } from '../rules/result';
import { PLAN_ID_SEPARATOR, planNodeId } from './plan-ids';

export interface PlanBuilding {
  id: string | number;
  name: string;
}

export interface TestingPlanItem {
  planItemId: string;
  itemId: string;
  name: string;
  class: ItemClass;
  method: string;
  requirement: string;
  measured?: MeasuredLimit;
}

export interface TestingPlanSubItem {
  planSubItemId: string;
  subItemId: string;
  name: string;
  items: TestingPlanItem[];
}

export interface TestingPlanSingleItem {
  planSingleItemId: string;
  code: string;
  name: string;
  subItems: TestingPlanSubItem[];
}

export interface TestingPlanBuilding {
  buildingId: string;
  buildingName: string;
  singleItems: TestingPlanSingleItem[];
}

export interface TestingPlan {
  editionId: string;
  /** Single item codes in the plan, in catalog order. */
  singleItemCodes: string[];
  /** Scope entries that are maintenance systems of the edition but have no testing single item. */
  scopeWithoutTesting: string[];
  buildings: TestingPlanBuilding[];
  itemCount: number;
}

export type ScopeResolution =
  { ok: true; singleItems: TestSingleItem[]; scopeWithoutTesting: string[] } | RuleRefusal;

/**
 * Single items for a contract scope. An entry may be a single item code (A.8) or name (消防电梯), or a
 * maintenance system name or id of the edition, which selects every single item that lists the system.
 */
export function resolveTestingScope(edition: StandardEdition, scope: readonly string[]): ScopeResolution {
  const entries = [...new Set(scope.map((s) => s.trim()).filter(Boolean))];
  if (entries.length === 0) return refused('scope', '检测范围不能为空，请选择合同约定的消防系统');
  const systemNameById = new Map(edition.maintenance.map((s) => [s.id, s.name]));
  const systemNames = new Set(edition.maintenance.map((s) => s.name));
  const selected = new Set<TestSingleItem>();
  const unknown: string[] = [];
  const withoutTesting: string[] = [];
  for (const entry of entries) {
    const byCode = edition.testing.filter((s) => s.code === entry || s.name === entry);
    const systemName = systemNameById.get(entry) ?? entry;
    const bySystem = edition.testing.filter((s) => s.systems.includes(systemName));
    const hits = [...byCode, ...bySystem];
    hits.forEach((s) => selected.add(s));
    if (hits.length === 0) {
      if (systemNames.has(systemName)) withoutTesting.push(entry);
      else unknown.push(entry);
    }
  }
  if (unknown.length) {
    return refused('scope', `检测范围中的“${unknown.join('、')}”不是本标准版本中的消防系统或检测单项`);
  }
  return {
    ok: true,
    singleItems: edition.testing.filter((s) => selected.has(s)),
    scopeWithoutTesting: withoutTesting,
  };
}

export function checkPlanBuildings(buildings: readonly PlanBuilding[]): RuleResult {
  if (buildings.length === 0) return refused('buildings', '请先添加建筑物，才能生成检测计划');
  const seen = new Set<string>();
  for (const [i, b] of buildings.entries()) {
    const id = String(b.id ?? '').trim();
    if (!id) return refused(`buildings[${i}].id`, '建筑物编号不能为空');
    if (id.includes(PLAN_ID_SEPARATOR))
      return refused(`buildings[${i}].id`, `建筑物编号不能包含“${PLAN_ID_SEPARATOR}”`);
    if (seen.has(id)) return refused(`buildings[${i}].id`, `建筑物编号“${id}”重复`);
    seen.add(id);
  }
  return { ok: true };
}

export type TestingPlanResult = { ok: true; plan: TestingPlan } | RuleRefusal;

/**
 * The full testing plan of a project: for each building, every single item in scope with its
 * sub-items and test items, each carrying a stable plan id (see plan-ids.ts). The project lead only
 * assigns operators to it; its content comes from the pinned edition alone.
 */
export function generateTestingPlan(
  edition: StandardEdition,
  input: { scope: readonly string[]; buildings: readonly PlanBuilding[] },
): TestingPlanResult {
  const buildingsOk = checkPlanBuildings(input.buildings);
  if (!buildingsOk.ok) return buildingsOk;
  const resolved = resolveTestingScope(edition, input.scope);
  if (!resolved.ok) return resolved;
  let itemCount = 0;
  const buildings = input.buildings.map((b): TestingPlanBuilding => {
    const buildingId = String(b.id).trim();
    return {
      buildingId,
      buildingName: b.name,
      singleItems: resolved.singleItems.map((single) => ({
        planSingleItemId: planNodeId(buildingId, single.code),
        code: single.code,
        name: single.name,
        subItems: single.subItems.map((sub) => {
          itemCount += sub.items.length;
          return {
            planSubItemId: planNodeId(buildingId, sub.id),
            subItemId: sub.id,
            name: sub.name,
            items: sub.items.map((item) => ({
              planItemId: planNodeId(buildingId, item.id),
              itemId: item.id,
              name: item.name,
              class: item.class,
              method: item.method,
              requirement: item.requirement,
              ...(item.measured ? { measured: item.measured } : {}),
            })),
          };
        }),
      })),
    };
  });
  return {
    ok: true,
    plan: {
      editionId: edition.id,
      singleItemCodes: resolved.singleItems.map((s) => s.code),
      scopeWithoutTesting: resolved.scopeWithoutTesting,
      buildings,
      itemCount,
    },
  };
}

/** Every test item of a plan, flat, e.g. for assigning operators or checking completion. */
export function testingPlanItems(
  plan: TestingPlan,
): (TestingPlanItem & { buildingId: string; code: string; subItemId: string })[] {
  return plan.buildings.flatMap((b) =>
    b.singleItems.flatMap((s) =>
      s.subItems.flatMap((sub) =>
        sub.items.map((item) => ({
          ...item,
          buildingId: b.buildingId,
          code: s.code,
          subItemId: sub.subItemId,
        })),
      ),
    ),
  );
}

/**
 * 复检计划 (manual §02 生成检测报告 5): the part of a testing plan that holds the given test items, with their
 * sub-items, single items and buildings; everything else is left out. Ids stay those of the full plan, so a
 * retest record names the same test item as the original record.
 */
export function restrictTestingPlan(plan: TestingPlan, planItemIds: readonly string[]): TestingPlan {
  const wanted = new Set(planItemIds);
  let itemCount = 0;
  const buildings = plan.buildings.flatMap((b) => {
    const singleItems = b.singleItems.flatMap((s) => {
      const subItems = s.subItems.flatMap((sub) => {
        const items = sub.items.filter((i) => wanted.has(i.planItemId));
        itemCount += items.length;
        return items.length ? [{ ...sub, items }] : [];
      });
      return subItems.length ? [{ ...s, subItems }] : [];
    });
    return singleItems.length ? [{ ...b, singleItems }] : [];
  });
  const codes = new Set(buildings.flatMap((b) => b.singleItems.map((s) => s.code)));
  return {
    ...plan,
    singleItemCodes: plan.singleItemCodes.filter((c) => codes.has(c)),
    scopeWithoutTesting: [],
    buildings,
    itemCount,
  };
}
