import type { TestItem } from '../catalog/types';
import { allowed, refused, type RuleResult } from '../rules/result';
import { hasMeasuredLimit } from './measured';
import { isTestResult, TEST_RESULT_LABELS, type TestResult } from './results';

export interface TestRecordInput {
  result: TestResult;
  photoCount: number;
  measuredValue?: number | null;
}

/** Every result except 现场无此设备 needs at least one site photo (manual §02). */
export function photosRequired(result: TestResult): number {
  return result === 'not_present' ? 0 : 1;
}

/**
 * Validates one test-item record before it is accepted from the app. With the catalog item, a
 * measured value is also required for 合格/不合格 when the item has limits, so the result can be judged.
 */
export function validateTestRecord(
  record: TestRecordInput,
  item?: Pick<TestItem, 'measured' | 'name'>,
): RuleResult {
  if (!isTestResult(record.result)) {
    return refused('result', '检测结果应为合格、不合格、不具备测试条件或现场无此设备之一');
  }
  if (!Number.isInteger(record.photoCount) || record.photoCount < 0) {
    return refused('photoCount', '照片数量应为不小于0的整数');
  }
  const needed = photosRequired(record.result);
  if (record.photoCount < needed) {
    return refused(
      'photos',
      `检测结果为“${TEST_RESULT_LABELS[record.result]}”时至少需要拍摄${needed}张现场照片`,
    );
  }
  const tested = record.result === 'pass' || record.result === 'fail';
  if (
    record.measuredValue !== undefined &&
    record.measuredValue !== null &&
    !Number.isFinite(record.measuredValue)
  ) {
    return refused('measuredValue', '测量值应为数字');
  }
  if (
    item &&
    tested &&
    hasMeasuredLimit(item) &&
    (record.measuredValue === undefined || record.measuredValue === null)
  ) {
    return refused(
      'measuredValue',
      `检测项“${item.name}”需要填写${item.measured!.quantity}的测量值（${item.measured!.unit}）`,
    );
  }
  return allowed;
}
