import type { MaintenancePeriod } from '../catalog/types';

/** 月计划 / 季计划 / 年计划. */
export type MaintenancePlanKind = 'month' | 'quarter' | 'year';

export const MAINTENANCE_PLAN_KINDS: readonly MaintenancePlanKind[] = ['month', 'quarter', 'year'];

export const MAINTENANCE_PLAN_KIND_LABELS: Record<MaintenancePlanKind, string> = {
  month: '月计划',
  quarter: '季计划',
  year: '年计划',
};

export const MAINTENANCE_PERIOD_LABELS: Record<MaintenancePeriod, string> = {
  month: '每月',
  quarter: '每季度',
  year: '每年',
};

/**
 * Which content-line periods a plan kind covers: a longer plan repeats every shorter-period line
 * ("年检 = 季检各项各试验 1 次"; see shared/reference/standards.md §1.5, confidence M).
 */
export const PERIODS_COVERED_BY_PLAN_KIND: Record<MaintenancePlanKind, readonly MaintenancePeriod[]> = {
  month: ['month'],
  quarter: ['month', 'quarter'],
  year: ['month', 'quarter', 'year'],
};

export function planKindCoversPeriod(kind: MaintenancePlanKind, period: MaintenancePeriod): boolean {
  return PERIODS_COVERED_BY_PLAN_KIND[kind].includes(period);
}
