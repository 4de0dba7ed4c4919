import { describe, expect, it } from 'vitest';
import { parsePlanNodeId, planNodeId } from '../../src/plans/plan-ids';
import {
  generateTestingPlan,
  resolveTestingScope,
  restrictTestingPlan,
  testingPlanItems,
} from '../../src/plans/testing-plan';
import { miniEdition } from '../fixtures/mini-edition';

const edition = miniEdition();
const buildings = [
  { id: 236305, name: '1号楼' },
  { id: 'b2', name: '2号楼' },
];

describe('plan ids', () => {
  it('are building id and catalog id joined by a colon', () => {
    expect(planNodeId(236305, 'A.8.1.3')).toBe('236305:A.8.1.3');
    expect(parsePlanNodeId('236305:A.8.1.3')).toEqual({ buildingId: '236305', catalogId: 'A.8.1.3' });
    expect(parsePlanNodeId('A.8.1.3')).toBeUndefined();
    expect(parsePlanNodeId(':A.8')).toBeUndefined();
  });
});

describe('resolveTestingScope', () => {
  it('accepts system names, system ids, single item codes and names', () => {
    const byName = resolveTestingScope(edition, ['消防电梯']);
    expect(byName.ok && byName.singleItems.map((s) => s.code)).toEqual(['A.8']);
    const mixed = resolveTestingScope(edition, ['A.16', 'M.05', '消防电梯']);
    expect(mixed.ok && mixed.singleItems.map((s) => s.code)).toEqual(['A.8', 'A.10', 'A.16']);
  });
  it('lists maintenance systems that have no testing single item', () => {
    const r = resolveTestingScope(edition, ['消防供电配电', '灭火器']);
    expect(r).toMatchObject({ ok: true, scopeWithoutTesting: ['消防供电配电'] });
  });
  it('refuses an empty scope and unknown entries', () => {
    expect(resolveTestingScope(edition, [' '])).toMatchObject({ ok: false, field: 'scope' });
    const r = resolveTestingScope(edition, ['消防电梯', '火箭发射']);
    expect(r).toMatchObject({ ok: false, field: 'scope' });
    expect(!r.ok && r.message).toContain('火箭发射');
  });
});

describe('generateTestingPlan', () => {
  it('lists single item → sub-item → test items per building with stable ids', () => {
    const r = generateTestingPlan(edition, { scope: ['消防电梯', '消防供水设施'], buildings });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { plan } = r;
    expect(plan.editionId).toBe('MINI-2020');
    expect(plan.singleItemCodes).toEqual(['A.8', 'A.10']);
    expect(plan.itemCount).toBe(2 * (5 + 4));
    const b1 = plan.buildings[0]!;
    expect(b1).toMatchObject({ buildingId: '236305', buildingName: '1号楼' });
    expect(b1.singleItems[1]!.planSingleItemId).toBe('236305:A.10');
    expect(b1.singleItems[1]!.subItems.map((s) => s.planSubItemId)).toEqual([
      '236305:A.10.1',
      '236305:A.10.2',
    ]);
    const item = b1.singleItems[1]!.subItems[0]!.items[1]!;
    expect(item).toMatchObject({
      planItemId: '236305:A.10.1.2',
      itemId: 'A.10.1.2',
      class: 'B',
      measured: { unit: 'MPa' },
    });
    const flat = testingPlanItems(plan);
    expect(flat).toHaveLength(plan.itemCount);
    expect(new Set(flat.map((i) => i.planItemId)).size).toBe(flat.length);
    // Generating again gives the same ids.
    const again = generateTestingPlan(edition, { scope: ['消防供水设施', '消防电梯'], buildings });
    expect(again.ok && testingPlanItems(again.plan).map((i) => i.planItemId)).toEqual(
      flat.map((i) => i.planItemId),
    );
  });
  it('refuses missing, duplicate or colon-containing buildings', () => {
    expect(generateTestingPlan(edition, { scope: ['消防电梯'], buildings: [] })).toMatchObject({
      ok: false,
      field: 'buildings',
    });
    expect(
      generateTestingPlan(edition, {
        scope: ['消防电梯'],
        buildings: [
          { id: 1, name: 'a' },
          { id: '1', name: 'b' },
        ],
      }),
    ).toMatchObject({ ok: false, field: 'buildings[1].id' });
    expect(
      generateTestingPlan(edition, { scope: ['消防电梯'], buildings: [{ id: 'a:b', name: 'a' }] }),
    ).toMatchObject({
      ok: false,
      field: 'buildings[0].id',
    });
  });
});

describe('restrictTestingPlan (复检计划)', () => {
  it('keeps only the given test items, with their sub-items, single items and buildings, ids unchanged', () => {
    const full = generateTestingPlan(edition, { scope: ['A.8', 'A.10'], buildings });
    if (!full.ok) throw new Error(full.message);
    const items = testingPlanItems(full.plan);
    const picked = [items.find((i) => i.code === 'A.10' && i.buildingId === 'b2')!.planItemId];
    const plan = restrictTestingPlan(full.plan, picked);
    expect(plan.itemCount).toBe(1);
    expect(plan.singleItemCodes).toEqual(['A.10']);
    expect(plan.buildings.map((b) => b.buildingId)).toEqual(['b2']);
    expect(testingPlanItems(plan).map((i) => i.planItemId)).toEqual(picked);
    expect(plan.buildings[0]!.singleItems[0]!.subItems).toHaveLength(1);
  });
  it('is empty for no items, and ignores ids the plan does not have', () => {
    const full = generateTestingPlan(edition, { scope: ['A.8'], buildings });
    if (!full.ok) throw new Error(full.message);
    const plan = restrictTestingPlan(full.plan, ['nowhere:A.99.1']);
    expect(plan).toMatchObject({ itemCount: 0, singleItemCodes: [], buildings: [] });
  });
});
