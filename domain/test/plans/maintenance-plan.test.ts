import { describe, expect, it } from 'vitest';
import { generateMaintenancePlan, maintenancePlanLineIds } from '../../src/plans/maintenance-plan';
import { planKindCoversPeriod, PERIODS_COVERED_BY_PLAN_KIND } from '../../src/plans/maintenance-plan-kinds';
import { miniEdition } from '../fixtures/mini-edition';

const edition = miniEdition();
const systems = ['消防供电配电', '消防电梯', '灭火器'];

const ids = (kind: 'month' | 'quarter' | 'year') => {
  const r = generateMaintenancePlan(edition, { kind, month: '2022-04', systems });
  if (!r.ok) throw new Error(r.message);
  return maintenancePlanLineIds(r.plan);
};

describe('plan kinds cover periods', () => {
  it('monthly lines in every plan, quarterly in quarterly and annual, annual only in annual', () => {
    expect(PERIODS_COVERED_BY_PLAN_KIND).toEqual({
      month: ['month'],
      quarter: ['month', 'quarter'],
      year: ['month', 'quarter', 'year'],
    });
    expect(planKindCoversPeriod('month', 'quarter')).toBe(false);
    expect(planKindCoversPeriod('year', 'quarter')).toBe(true);
  });
});

describe('generateMaintenancePlan', () => {
  it('monthly plan has monthly lines only', () => {
    expect(ids('month')).toEqual(['M.01.01.a', 'M.15.01.a']);
  });
  it('quarterly plan adds quarterly lines', () => {
    expect(ids('quarter')).toEqual(['M.01.01.a', 'M.01.01.b', 'M.15.01.a', 'M.15.01.b']);
  });
  it('annual plan has every line', () => {
    expect(ids('year')).toEqual([
      'M.01.01.a',
      'M.01.01.b',
      'M.01.02.a',
      'M.15.01.a',
      'M.15.01.b',
      'M.18.01.a',
    ]);
  });
  it('keeps the catalog structure and reports systems with nothing to do this time', () => {
    const r = generateMaintenancePlan(edition, {
      kind: 'month',
      month: '2022-04',
      systems: ['M.01', '灭火器'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan).toMatchObject({
      kind: 'month',
      month: '2022-04',
      lineCount: 1,
      systemsWithoutLines: ['灭火器'],
      editionId: 'MINI-2020',
    });
    expect(r.plan.systems[0]!.facilities[0]).toMatchObject({
      facilityId: 'M.01.01',
      name: '消防配电柜（箱）',
      categoryName: '无分类',
    });
    expect(r.plan.systems[0]!.facilities[0]!.lines[0]!.prompts[0]!.options).toEqual(['正常', '不正常']);
  });
  it('refuses unknown systems, empty selection, bad month or kind', () => {
    const r = generateMaintenancePlan(edition, {
      kind: 'month',
      month: '2022-04',
      systems: ['消防电梯', '不存在的系统'],
    });
    expect(r).toMatchObject({ ok: false, field: 'systems' });
    expect(!r.ok && r.message).toContain('不存在的系统');
    expect(generateMaintenancePlan(edition, { kind: 'month', month: '2022-04', systems: [] })).toMatchObject({
      ok: false,
      field: 'systems',
    });
    expect(generateMaintenancePlan(edition, { kind: 'month', month: '2022-4', systems })).toMatchObject({
      ok: false,
      field: 'month',
    });
    expect(
      generateMaintenancePlan(edition, { kind: 'week' as never, month: '2022-04', systems }),
    ).toMatchObject({ ok: false, field: 'kind' });
  });
});
