import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMaintenancePlan, maintenancePlanLineIds } from '../../src/plans/maintenance-plan';
import { generateTestingPlan, testingPlanItems } from '../../src/plans/testing-plan';
import { miniEdition } from '../fixtures/mini-edition';

const edition = miniEdition();
const systemNames = edition.maintenance.map((s) => s.name);
const scopeEntries = [...systemNames, ...edition.testing.map((s) => s.code)];

describe('plan properties', () => {
  it('annual ⊇ quarterly ⊇ monthly for any selection of systems', () => {
    fc.assert(
      fc.property(fc.subarray(systemNames, { minLength: 1 }), (systems) => {
        const gen = (kind: 'month' | 'quarter' | 'year') => {
          const r = generateMaintenancePlan(edition, { kind, month: '2023-06', systems });
          if (!r.ok) throw new Error(r.message);
          return new Set(maintenancePlanLineIds(r.plan));
        };
        const [m, q, y] = [gen('month'), gen('quarter'), gen('year')];
        for (const id of m) expect(q.has(id)).toBe(true);
        for (const id of q) expect(y.has(id)).toBe(true);
        expect(m.size + q.size + y.size).toBeGreaterThan(0);
      }),
    );
  });

  it('every line in a plan has a period the kind covers, and ids are unique', () => {
    fc.assert(
      fc.property(
        fc.subarray(systemNames, { minLength: 1 }),
        fc.constantFrom('month', 'quarter', 'year' as const),
        (systems, kind) => {
          const r = generateMaintenancePlan(edition, { kind, month: '2023-06', systems });
          if (!r.ok) throw new Error(r.message);
          const lines = r.plan.systems.flatMap((s) => s.facilities.flatMap((f) => f.lines));
          const rank = { month: 0, quarter: 1, year: 2 };
          for (const l of lines) expect(rank[l.period]).toBeLessThanOrEqual(rank[kind]);
          expect(new Set(lines.map((l) => l.lineId)).size).toBe(lines.length);
          expect(r.plan.lineCount).toBe(lines.length);
        },
      ),
    );
  });

  it('testing plan ids are unique and parse back to building and catalog ids', () => {
    fc.assert(
      fc.property(
        fc.subarray(scopeEntries, { minLength: 1 }),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { minLength: 1, maxLength: 6 }),
        (scope, buildingIds) => {
          const r = generateTestingPlan(edition, {
            scope,
            buildings: buildingIds.map((id) => ({ id, name: `楼${id}` })),
          });
          if (!r.ok) throw new Error(r.message);
          const items = testingPlanItems(r.plan);
          const planIds = items.map((i) => i.planItemId);
          expect(new Set(planIds).size).toBe(planIds.length);
          for (const i of items) expect(i.planItemId).toBe(`${i.buildingId}:${i.itemId}`);
          expect(items.length).toBe(r.plan.itemCount);
          expect(items.length % buildingIds.length).toBe(0);
        },
      ),
    );
  });
});
