import { describe, expect, it } from 'vitest';
import { formatEditionErrors } from '../../src/catalog/parse-edition';
import { lintEdition } from '../../src/catalog/lint';
import { standardEditionSchema } from '../../src/catalog/edition-schema';
import {
  BUILT_IN_EDITIONS,
  builtInEditionInForce,
  getBuiltInEdition,
  GB25201_2010_JING_ID,
} from '../../src/catalog/editions/index';
import { generateMaintenancePlan, maintenancePlanLineIds } from '../../src/plans/maintenance-plan';
import { generateTestingPlan } from '../../src/plans/testing-plan';

const edition = getBuiltInEdition(GB25201_2010_JING_ID)!;

describe('built-in edition GB25201-2010+京检测评定', () => {
  it('is registered and in force for projects created since 2011-03-01', () => {
    expect(BUILT_IN_EDITIONS.map((e) => e.id)).toContain(GB25201_2010_JING_ID);
    expect(builtInEditionInForce('2022-04-01')?.id).toBe(GB25201_2010_JING_ID);
    expect(builtInEditionInForce('2011-02-28')).toBeUndefined();
  });

  it('passes the catalog lint', () => {
    const problems = lintEdition(edition);
    expect(problems, formatEditionErrors(problems.slice(0, 30))).toEqual([]);
  });

  it('matches the upload schema', () => {
    const r = standardEditionSchema.safeParse(edition);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues.slice(0, 5), null, 1)).toBe(true);
  });

  it('has the manual’s 21 maintenance systems and plans for all of them', () => {
    expect(edition.maintenance).toHaveLength(21);
    const systems = edition.maintenance.map((s) => s.name);
    const ids = (kind: 'month' | 'quarter' | 'year') => {
      const r = generateMaintenancePlan(edition, { kind, month: '2022-04', systems });
      if (!r.ok) throw new Error(r.message);
      return new Set(maintenancePlanLineIds(r.plan));
    };
    const [m, q, y] = [ids('month'), ids('quarter'), ids('year')];
    expect(m.size).toBeGreaterThan(0);
    expect([...m].every((id) => q.has(id)) && [...q].every((id) => y.has(id))).toBe(true);
  });

  it('generates a testing plan for every system that has single items', () => {
    const r = generateTestingPlan(edition, {
      scope: edition.maintenance.map((s) => s.name),
      buildings: [{ id: 1, name: '1号楼' }],
    });
    expect(r.ok && r.plan.itemCount).toBeGreaterThan(0);
  });
});
