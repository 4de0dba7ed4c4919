import { TEST_RESULT_LABELS, TEST_RESULTS, VERDICT_LABELS } from '@xf/domain/judgment/results';
import type { TestResult, Verdict } from '@xf/domain/judgment/results';

export const RESULT_OPTIONS = TEST_RESULTS.map((value) => ({ value, label: TEST_RESULT_LABELS[value] }));
export const VERDICT_OPTIONS = (['pass', 'fail', 'not_applicable'] as Verdict[]).map((value) => ({
  value,
  label: VERDICT_LABELS[value],
}));
export const resultLabel = (r: TestResult) => TEST_RESULT_LABELS[r];
export const verdictLabel = (v: Verdict) => VERDICT_LABELS[v];
export const verdictTag = (v: Verdict) =>
  v === 'pass' ? ('success' as const) : v === 'fail' ? ('danger' as const) : ('default' as const);
export type { TestResult, Verdict };
