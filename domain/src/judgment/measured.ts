import type { MeasuredLimit, TestItem } from '../catalog/types';
import type { TestResult } from './results';

/** Limits are inclusive: a generator that starts in exactly 30 s meets "≤ 30 s". */
export function judgeMeasuredValue(limit: MeasuredLimit, value: number): 'pass' | 'fail' {
  if (!Number.isFinite(value)) return 'fail';
  if (limit.min !== undefined && value < limit.min) return 'fail';
  if (limit.max !== undefined && value > limit.max) return 'fail';
  return 'pass';
}

export function hasMeasuredLimit(item: Pick<TestItem, 'measured'>): boolean {
  return !!item.measured && (item.measured.min !== undefined || item.measured.max !== undefined);
}

/**
 * The result the standard gives for a record: from the measured value when the item has limits and
 * the person tested it (合格/不合格); otherwise the person's own result stands, because 不具备测试条件
 * and 现场无此设备 are facts about the site, not about a value.
 */
export function computeItemResult(
  item: Pick<TestItem, 'measured'>,
  entered: TestResult,
  measuredValue?: number | null,
): TestResult {
  if (
    (entered === 'pass' || entered === 'fail') &&
    hasMeasuredLimit(item) &&
    typeof measuredValue === 'number'
  ) {
    return judgeMeasuredValue(item.measured!, measuredValue);
  }
  return entered;
}

/** Human-readable limit, e.g. `启动时间 ≤ 30 s` or `静压 0.07–0.35 MPa`. */
export function describeLimit(limit: MeasuredLimit): string {
  const { quantity, unit, min, max } = limit;
  if (min !== undefined && max !== undefined) return `${quantity} ${min}–${max} ${unit}`;
  if (min !== undefined) return `${quantity} ≥ ${min} ${unit}`;
  if (max !== undefined) return `${quantity} ≤ ${max} ${unit}`;
  return `${quantity}（${unit}）`;
}
