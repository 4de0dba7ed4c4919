import type { TestingEvaluation } from './evaluate';
import { TEST_RESULT_LABELS, VERDICT_LABELS, type TestResult, type Verdict } from './results';

export type JudgmentLevel = 'item' | 'sub_item' | 'single_item' | 'overall';

export const JUDGMENT_LEVEL_LABELS: Record<JudgmentLevel, string> = {
  item: '检测项',
  sub_item: '子项',
  single_item: '单项',
  overall: '综合评定',
};

/**
 * A person's judgment. `id` is the record key for an item, the sub-item id, the single item code,
 * or anything (ignored) for the overall evaluation.
 */
export interface PersonJudgment {
  level: JudgmentLevel;
  id: string;
  judgment: TestResult | Verdict;
}

export interface JudgmentMismatch {
  level: JudgmentLevel;
  id: string;
  name: string;
  computed: TestResult | Verdict;
  entered: TestResult | Verdict;
  /** Chinese sentence for the red flag (跟踪标红). */
  message: string;
}

const label = (level: JudgmentLevel, v: TestResult | Verdict) =>
  level === 'item' ? (TEST_RESULT_LABELS[v as TestResult] ?? v) : (VERDICT_LABELS[v as Verdict] ?? v);

/**
 * Differences between what people judged and what the standard gives (manual: the system flags any
 * judgment that differs). Item records whose entered result differs from the computed one are always
 * reported; explicit judgments are compared at their level. Unknown ids are reported as mismatches
 * too, because a judgment about something the evaluation does not contain cannot be right.
 */
export function findJudgmentMismatches(
  evaluation: TestingEvaluation,
  judgments: readonly PersonJudgment[] = [],
): JudgmentMismatch[] {
  const out: JudgmentMismatch[] = [];
  const seen = new Set<string>();
  const push = (
    level: JudgmentLevel,
    id: string,
    name: string,
    computed: TestResult | Verdict,
    entered: TestResult | Verdict,
  ) => {
    const key = `${level}\u0000${id}`;
    if (computed === entered || seen.has(key)) return;
    seen.add(key);
    out.push({
      level,
      id,
      name,
      computed,
      entered,
      message: `${JUDGMENT_LEVEL_LABELS[level]}“${name}”填写为${label(level, entered)}，按标准判定为${label(level, computed)}`,
    });
  };

  const itemsByKey = new Map(evaluation.items.map((i) => [i.key, i]));
  const subs = new Map(
    evaluation.singleItems.flatMap((s) => s.subItems.map((sub) => [sub.id, sub] as const)),
  );
  const singles = new Map(evaluation.singleItems.map((s) => [s.code, s]));

  for (const j of judgments) {
    if (j.level === 'item') {
      const item = itemsByKey.get(j.id);
      if (item) push('item', j.id, item.name, item.computed, j.judgment);
      else out.push(unknown(j));
    } else if (j.level === 'sub_item') {
      const sub = subs.get(j.id);
      if (sub) push('sub_item', j.id, sub.name, sub.verdict, j.judgment);
      else out.push(unknown(j));
    } else if (j.level === 'single_item') {
      const single = singles.get(j.id);
      if (single) push('single_item', j.id, `${single.code}${single.name}`, single.verdict, j.judgment);
      else out.push(unknown(j));
    } else {
      push('overall', 'overall', '综合评定', evaluation.overall.verdict, j.judgment);
    }
  }
  for (const item of evaluation.items) push('item', item.key, item.name, item.computed, item.entered);
  return out;
}

function unknown(j: PersonJudgment): JudgmentMismatch {
  return {
    level: j.level,
    id: j.id,
    name: j.id,
    computed: 'not_applicable',
    entered: j.judgment,
    message: `${JUDGMENT_LEVEL_LABELS[j.level]}“${j.id}”不在本次检测范围内，无法判定`,
  };
}
