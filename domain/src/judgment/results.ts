/** 检测结果 of one test item as recorded on site (manual §02). */
export type TestResult = 'pass' | 'fail' | 'not_testable' | 'not_present';

export const TEST_RESULTS: readonly TestResult[] = ['pass', 'fail', 'not_testable', 'not_present'];

export const TEST_RESULT_LABELS: Record<TestResult, string> = {
  pass: '合格',
  fail: '不合格',
  not_testable: '不具备测试条件',
  not_present: '现场无此设备',
};

/** Verdict of a sub-item, single item or the overall evaluation. */
export type Verdict = 'pass' | 'fail' | 'not_applicable';

export const VERDICT_LABELS: Record<Verdict, string> = {
  pass: '合格',
  fail: '不合格',
  not_applicable: '不适用',
};

export function isTestResult(value: unknown): value is TestResult {
  return typeof value === 'string' && (TEST_RESULTS as readonly string[]).includes(value);
}

/** Only 不合格 counts as a failure; 不具备测试条件 and 现场无此设备 are not failures. */
export function isFailure(result: TestResult): boolean {
  return result === 'fail';
}

/** An item counts as checked (applies) when it was actually tested: 合格 or 不合格. */
export function isApplicable(result: TestResult): boolean {
  return result === 'pass' || result === 'fail';
}

/** Accepts the English code or the Chinese label, e.g. from a spreadsheet or an older client. */
export function parseTestResult(value: string): TestResult | undefined {
  if (isTestResult(value)) return value;
  return TEST_RESULTS.find((r) => TEST_RESULT_LABELS[r] === value.trim());
}
