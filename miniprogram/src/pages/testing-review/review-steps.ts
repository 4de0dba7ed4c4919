import type { TestingReviewView } from '@xf/domain/api/testing-records';

export type SingleItemView = TestingReviewView['singleItems'][number];
export type SubItemView = SingleItemView['subItems'][number];

export const recordsOf = (s: SubItemView) => s.items.flatMap((i) => i.records);
export const pendingOf = (s: SubItemView) => recordsOf(s).filter((r) => r.status === 'submitted');

export const REVIEW_STEPS = ['检测项', '子项', '单项', '综合评定', '审核计划'] as const;

/**
 * Where the review stands, in the manual's order (审核APP提交结果 4): every record, then every sub-item, every single
 * item, the 综合评定, and last the plan. 0-based index into REVIEW_STEPS.
 */
export function reviewStep(view: TestingReviewView): number {
  const subs = view.singleItems.flatMap((s) => s.subItems);
  if (subs.some((s) => pendingOf(s).length > 0)) return 0;
  if (subs.some((s) => !s.review)) return 1;
  if (view.singleItems.some((s) => !s.review)) return 2;
  if (!view.overall.review) return 3;
  return 4;
}
