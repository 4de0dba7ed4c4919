import { describe, expect, it } from 'vitest';
import {
  evaluateTesting,
  judgeByRule,
  judgeOverall,
  tallyResults,
  type ItemOutcome,
} from '../../src/judgment/evaluate';
import {
  ALARM_LIGHTING_RULE,
  DEFAULT_OVERALL_RULE,
  DEFAULT_SINGLE_ITEM_RULE,
  describeSingleItemRule,
  EXTINGUISHER_RULE,
  WATER_SMOKE_FOAM_RULE,
} from '../../src/judgment/single-item-rules';
import type { ItemClass } from '../../src/catalog/types';
import type { TestResult } from '../../src/judgment/results';
import { miniEdition } from '../fixtures/mini-edition';

/** A tally with the given failures by class, plus `passes` passing items. */
function tally(failA: number, failB: number, failC: number, passes = 0) {
  const rows: { class: ItemClass; result: TestResult }[] = [];
  const add = (cls: ItemClass, n: number, result: TestResult) => {
    for (let i = 0; i < n; i++) rows.push({ class: cls, result });
  };
  add('A', failA, 'fail');
  add('B', failB, 'fail');
  add('C', failC, 'fail');
  add('C', passes, 'pass');
  return tallyResults(rows);
}

describe('single-item rules as data', () => {
  it('default A>0, B>2, C>4 fails (manual report header)', () => {
    expect(judgeByRule(tally(0, 2, 4, 1), DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('pass');
    expect(judgeByRule(tally(1, 0, 0, 5), DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('fail');
    expect(judgeByRule(tally(0, 3, 0, 5), DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('fail');
    const r = judgeByRule(tally(0, 0, 5, 5), DEFAULT_SINGLE_ITEM_RULE);
    expect(r).toEqual({ verdict: 'fail', reasons: ['C类不合格5项，超过4项'] });
  });
  it('manual sample: A.8 消防电梯 with 6 items and 1 C failure is 合格', () => {
    expect(judgeByRule(tally(0, 0, 1, 5), DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('pass');
  });
  it('B+C≤6 variant', () => {
    expect(judgeByRule(tally(0, 2, 4), WATER_SMOKE_FOAM_RULE).verdict).toBe('pass');
    expect(judgeByRule(tally(0, 2, 5), WATER_SMOKE_FOAM_RULE).verdict).toBe('fail');
    expect(judgeByRule(tally(0, 0, 6), WATER_SMOKE_FOAM_RULE).verdict).toBe('pass');
  });
  it('B+C≤5 % of items checked variant', () => {
    // 40 checked: 5 % is 2.
    expect(judgeByRule(tally(0, 1, 1, 38), ALARM_LIGHTING_RULE).verdict).toBe('pass');
    const r = judgeByRule(tally(0, 1, 2, 37), ALARM_LIGHTING_RULE);
    expect(r.verdict).toBe('fail');
    expect(r.reasons[0]).toContain('5%');
  });
  it('extinguisher variant A=0, B≤1, B+C≤4', () => {
    expect(judgeByRule(tally(0, 1, 3), EXTINGUISHER_RULE).verdict).toBe('pass');
    expect(judgeByRule(tally(0, 2, 0), EXTINGUISHER_RULE).verdict).toBe('fail');
    expect(judgeByRule(tally(0, 1, 4), EXTINGUISHER_RULE).verdict).toBe('fail');
  });
  it('every named rule carries a source', () => {
    for (const rule of [
      DEFAULT_SINGLE_ITEM_RULE,
      WATER_SMOKE_FOAM_RULE,
      ALARM_LIGHTING_RULE,
      EXTINGUISHER_RULE,
    ]) {
      expect(rule.source.standard.length).toBeGreaterThan(0);
    }
    expect(describeSingleItemRule(WATER_SMOKE_FOAM_RULE)).toBe('A=0，B≤2，B+C≤6');
    expect(describeSingleItemRule(ALARM_LIGHTING_RULE)).toBe('A=0，B≤2，B+C≤检测项的5%');
  });
  it('no checked item is 不适用, not 合格', () => {
    expect(judgeByRule(tally(0, 0, 0), DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('not_applicable');
    const onlyAbsent = tallyResults([
      { class: 'A', result: 'not_present' },
      { class: 'B', result: 'not_testable' },
    ]);
    expect(onlyAbsent).toMatchObject({ total: 2, checked: 0 });
    expect(judgeByRule(onlyAbsent, DEFAULT_SINGLE_ITEM_RULE).verdict).toBe('not_applicable');
  });
});

describe('overall evaluation', () => {
  it('is 合格 only when every applicable single item is 合格', () => {
    expect(
      judgeOverall([
        { code: 'A.1', name: '应急照明', verdict: 'pass' },
        { code: 'A.2', name: '广播', verdict: 'not_applicable' },
      ]).verdict,
    ).toBe('pass');
    const failed = judgeOverall([
      { code: 'A.1', name: '应急照明', verdict: 'pass' },
      { code: 'A.8', name: '消防电梯', verdict: 'fail' },
    ]);
    expect(failed).toMatchObject({
      verdict: 'fail',
      failedSingleItems: [{ code: 'A.8', name: '消防电梯' }],
      applicableSingleItems: 2,
    });
  });
  it('is 不适用 when nothing applies, and the rule is data', () => {
    expect(judgeOverall([{ code: 'A.2', name: '广播', verdict: 'not_applicable' }]).verdict).toBe(
      'not_applicable',
    );
    const lenient = { ...DEFAULT_OVERALL_RULE, maxFailedSingleItems: 1 };
    expect(
      judgeOverall(
        [
          { code: 'A.8', name: '消防电梯', verdict: 'fail' },
          { code: 'A.1', name: 'x', verdict: 'pass' },
        ],
        lenient,
      ).verdict,
    ).toBe('pass');
  });
});

describe('evaluateTesting on the fixture edition', () => {
  const edition = miniEdition();
  const all = (result: TestResult): ItemOutcome[] =>
    edition.testing.flatMap((s) =>
      s.subItems.flatMap((b) =>
        b.items.map((i) => ({
          itemId: i.id,
          result,
          measuredValue: i.measured ? (i.measured.max ?? 1) : undefined,
        })),
      ),
    );

  it('judges every level and counts by class', () => {
    const outcomes = all('pass').map((o) =>
      o.itemId === 'A.10.2.1' ? { ...o, result: 'fail' as const } : o,
    );
    const ev = evaluateTesting(edition.testing, outcomes);
    const a10 = ev.singleItems.find((s) => s.code === 'A.10')!;
    expect(a10.tally).toEqual({ total: 4, checked: 4, failed: { A: 0, B: 0, C: 1 } });
    expect(a10.verdict).toBe('pass');
    expect(a10.subItems.map((s) => [s.id, s.tally.failed.C])).toEqual([
      ['A.10.1', 0],
      ['A.10.2', 1],
    ]);
    expect(ev.overall.verdict).toBe('pass');
  });

  it('a measured value decides the item, whatever was entered', () => {
    const outcomes = all('pass').map((o) => (o.itemId === 'A.10.1.2' ? { ...o, measuredValue: 0.05 } : o));
    const ev = evaluateTesting(edition.testing, outcomes);
    const item = ev.items.find((i) => i.itemId === 'A.10.1.2')!;
    expect(item).toMatchObject({
      entered: 'pass',
      computed: 'fail',
      class: 'B',
      subItemId: 'A.10.1',
      singleItemCode: 'A.10',
    });
    expect(ev.singleItems.find((s) => s.code === 'A.10')!.tally.failed.B).toBe(1);
  });

  it('an A failure fails the single item and the overall evaluation, listing it', () => {
    const outcomes = all('pass').map((o) => (o.itemId === 'A.8.1.1' ? { ...o, result: 'fail' as const } : o));
    const ev = evaluateTesting(edition.testing, outcomes);
    expect(ev.singleItems.find((s) => s.code === 'A.8')!.verdict).toBe('fail');
    expect(ev.overall).toMatchObject({
      verdict: 'fail',
      failedSingleItems: [{ code: 'A.8', name: '消防电梯' }],
    });
  });

  it('uses a single item’s own rule over the default', () => {
    // A.16 灭火器 carries EXTINGUISHER_RULE (B≤1): two B records fail it, which the default (B≤2) would pass.
    const outcomes: ItemOutcome[] = [
      { itemId: 'A.16.1.1', key: 'b1:A.16.1.1#1', result: 'fail' },
      { itemId: 'A.16.1.1', key: 'b1:A.16.1.1#2', result: 'fail' },
    ];
    const ev = evaluateTesting(edition.testing, outcomes);
    const a16 = ev.singleItems.find((s) => s.code === 'A.16')!;
    expect(a16.rule).toBe(EXTINGUISHER_RULE);
    expect(a16.verdict).toBe('fail');
    expect(
      evaluateTesting(edition.testing, outcomes, { defaultRule: EXTINGUISHER_RULE }).singleItems.find(
        (s) => s.code === 'A.8',
      )!.verdict,
    ).toBe('not_applicable');
  });

  it('single items without records are 不适用 and excluded; unknown ids are reported', () => {
    const ev = evaluateTesting(edition.testing, [
      { itemId: 'A.8.1.2', result: 'pass' },
      { itemId: 'A.8.1.3', result: 'not_present' },
      { itemId: 'Z.9', result: 'fail' },
    ]);
    expect(ev.singleItems.map((s) => s.verdict)).toEqual(['pass', 'not_applicable', 'not_applicable']);
    expect(ev.overall).toMatchObject({ verdict: 'pass', applicableSingleItems: 1 });
    expect(ev.unknownItemIds).toEqual(['Z.9']);
  });

  it('not_testable and not_present never count as failures', () => {
    const ev = evaluateTesting(edition.testing, [...all('not_testable'), ...all('not_present')]);
    expect(
      ev.singleItems.every(
        (s) => s.verdict === 'not_applicable' && s.tally.failed.A + s.tally.failed.B + s.tally.failed.C === 0,
      ),
    ).toBe(true);
    expect(ev.overall.verdict).toBe('not_applicable');
  });
});
