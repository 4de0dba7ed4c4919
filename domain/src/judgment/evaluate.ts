import type { ItemClass, SingleItemRule, TestItem, TestSingleItem } from '../catalog/types';
import { computeItemResult } from './measured';
import { isApplicable, isFailure, type TestResult, type Verdict } from './results';
import { DEFAULT_OVERALL_RULE, DEFAULT_SINGLE_ITEM_RULE, type OverallRule } from './single-item-rules';

export interface ClassCounts {
  A: number;
  B: number;
  C: number;
}

export interface ItemTally {
  /** Records of any result. */
  total: number;
  /** Records that were actually tested (合格 or 不合格). */
  checked: number;
  failed: ClassCounts;
}

export const emptyTally = (): ItemTally => ({ total: 0, checked: 0, failed: { A: 0, B: 0, C: 0 } });

export function addToTally(tally: ItemTally, itemClass: ItemClass, result: TestResult): void {
  tally.total++;
  if (isApplicable(result)) tally.checked++;
  if (isFailure(result)) tally.failed[itemClass]++;
}

/** Count records by class; each record is one checked position of a test item. */
export function tallyResults(entries: Iterable<{ class: ItemClass; result: TestResult }>): ItemTally {
  const tally = emptyTally();
  for (const e of entries) addToTally(tally, e.class, e.result);
  return tally;
}

export interface RuleJudgment {
  verdict: Verdict;
  /** Chinese reasons for 不合格, empty otherwise. */
  reasons: string[];
}

/** Apply a single-item rule to a tally. No tested item means 不适用, never 合格. */
export function judgeByRule(tally: ItemTally, rule: SingleItemRule): RuleJudgment {
  if (tally.checked === 0) return { verdict: 'not_applicable', reasons: [] };
  const { A, B, C } = tally.failed;
  const reasons: string[] = [];
  if (A > rule.aMax) reasons.push(`A类不合格${A}项，超过${rule.aMax}项`);
  if (rule.bMax !== null && B > rule.bMax) reasons.push(`B类不合格${B}项，超过${rule.bMax}项`);
  if (rule.cMax !== null && C > rule.cMax) reasons.push(`C类不合格${C}项，超过${rule.cMax}项`);
  if (rule.bcMax !== null && B + C > rule.bcMax)
    reasons.push(`B类与C类不合格共${B + C}项，超过${rule.bcMax}项`);
  if (rule.bcShareMax !== null && B + C > rule.bcShareMax * tally.checked + 1e-9) {
    reasons.push(
      `B类与C类不合格共${B + C}项，超过检测项总数${tally.checked}的${+(rule.bcShareMax * 100).toFixed(4)}%`,
    );
  }
  return { verdict: reasons.length ? 'fail' : 'pass', reasons };
}

export interface ItemOutcome {
  /** Catalog test item id, e.g. `A.8.1.3`. */
  itemId: string;
  /** Caller's key for the record (e.g. a plan item id plus position); defaults to `itemId`. */
  key?: string;
  /** The result the person recorded. */
  result: TestResult;
  measuredValue?: number | null;
}

export interface EvaluatedItem {
  key: string;
  itemId: string;
  name: string;
  subItemId: string;
  singleItemCode: string;
  class: ItemClass;
  entered: TestResult;
  computed: TestResult;
}

export interface SubItemEvaluation extends RuleJudgment {
  id: string;
  name: string;
  tally: ItemTally;
}

export interface SingleItemEvaluation extends RuleJudgment {
  code: string;
  name: string;
  rule: SingleItemRule;
  tally: ItemTally;
  subItems: SubItemEvaluation[];
}

export interface OverallEvaluation {
  verdict: Verdict;
  failedSingleItems: { code: string; name: string }[];
  applicableSingleItems: number;
  rule: OverallRule;
}

export interface TestingEvaluation {
  items: EvaluatedItem[];
  singleItems: SingleItemEvaluation[];
  overall: OverallEvaluation;
  /** Outcomes whose item id is not in the single items given. */
  unknownItemIds: string[];
}

export interface EvaluateOptions {
  /** Used for single items that carry no rule of their own (the edition's default). */
  defaultRule?: SingleItemRule;
  overallRule?: OverallRule;
}

interface IndexedItem {
  item: TestItem;
  singleIndex: number;
  subIndex: number;
  singleCode: string;
  subId: string;
}

export type TestingCatalogIndex = Map<string, IndexedItem>;

export function indexTestingCatalog(singleItems: readonly TestSingleItem[]): TestingCatalogIndex {
  const index: TestingCatalogIndex = new Map();
  singleItems.forEach((single, singleIndex) =>
    single.subItems.forEach((sub, subIndex) =>
      sub.items.forEach((item) =>
        index.set(item.id, { item, singleIndex, subIndex, singleCode: single.code, subId: sub.id }),
      ),
    ),
  );
  return index;
}

/** 综合评定: 合格 only when every applicable single item is 合格 (rule as data); none applicable is 不适用. */
export function judgeOverall(
  singleItems: readonly Pick<SingleItemEvaluation, 'code' | 'name' | 'verdict'>[],
  rule: OverallRule = DEFAULT_OVERALL_RULE,
): OverallEvaluation {
  const applicable = singleItems.filter((s) => s.verdict !== 'not_applicable');
  const failedSingleItems = applicable
    .filter((s) => s.verdict === 'fail')
    .map(({ code, name }) => ({ code, name }));
  const verdict: Verdict =
    applicable.length === 0
      ? 'not_applicable'
      : failedSingleItems.length > rule.maxFailedSingleItems
        ? 'fail'
        : 'pass';
  return { verdict, failedSingleItems, applicableSingleItems: applicable.length, rule };
}

/**
 * Judge a project's records at every level: test item (from the measured value where the item has
 * limits), sub-item and single item (failures counted by class against the single item's rule; a
 * sub-item uses its single item's rule), and the overall evaluation.
 */
export function evaluateTesting(
  singleItems: readonly TestSingleItem[],
  outcomes: Iterable<ItemOutcome>,
  options: EvaluateOptions = {},
  index: TestingCatalogIndex = indexTestingCatalog(singleItems),
): TestingEvaluation {
  const defaultRule = options.defaultRule ?? DEFAULT_SINGLE_ITEM_RULE;
  const singleTallies = singleItems.map(() => emptyTally());
  const subTallies = singleItems.map((s) => s.subItems.map(() => emptyTally()));
  const items: EvaluatedItem[] = [];
  const unknown = new Set<string>();
  for (const o of outcomes) {
    const hit = index.get(o.itemId);
    if (!hit) {
      unknown.add(o.itemId);
      continue;
    }
    const computed = computeItemResult(hit.item, o.result, o.measuredValue);
    addToTally(singleTallies[hit.singleIndex]!, hit.item.class, computed);
    addToTally(subTallies[hit.singleIndex]![hit.subIndex]!, hit.item.class, computed);
    items.push({
      key: o.key ?? o.itemId,
      itemId: o.itemId,
      name: hit.item.name,
      subItemId: hit.subId,
      singleItemCode: hit.singleCode,
      class: hit.item.class,
      entered: o.result,
      computed,
    });
  }
  const singleEvaluations = singleItems.map((single, i): SingleItemEvaluation => {
    const rule = single.rule ?? defaultRule;
    const tally = singleTallies[i]!;
    return {
      code: single.code,
      name: single.name,
      rule,
      tally,
      ...judgeByRule(tally, rule),
      subItems: single.subItems.map((sub, j) => {
        const subTally = subTallies[i]![j]!;
        return { id: sub.id, name: sub.name, tally: subTally, ...judgeByRule(subTally, rule) };
      }),
    };
  });
  return {
    items,
    singleItems: singleEvaluations,
    overall: judgeOverall(singleEvaluations, options.overallRule),
    unknownItemIds: [...unknown],
  };
}
