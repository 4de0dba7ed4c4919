import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemClass, SingleItemRule, StandardEdition } from '../../src/catalog/types';
import { lintEdition } from '../../src/catalog/lint';
import { miniEdition } from '../fixtures/mini-edition';
import { judgeByRule, judgeOverall, tallyResults } from '../../src/judgment/evaluate';
import { TEST_RESULTS, type TestResult, type Verdict } from '../../src/judgment/results';
import {
  ALARM_LIGHTING_RULE,
  DEFAULT_SINGLE_ITEM_RULE,
  EXTINGUISHER_RULE,
  WATER_SMOKE_FOAM_RULE,
} from '../../src/judgment/single-item-rules';

const record = fc.record({
  class: fc.constantFrom<ItemClass>('A', 'B', 'C'),
  result: fc.constantFrom<TestResult>(...TEST_RESULTS),
});
const nullableCount = fc.option(fc.integer({ min: 0, max: 8 }), { nil: null });
const rule: fc.Arbitrary<SingleItemRule> = fc
  .oneof(
    fc.constantFrom(DEFAULT_SINGLE_ITEM_RULE, WATER_SMOKE_FOAM_RULE, ALARM_LIGHTING_RULE, EXTINGUISHER_RULE),
    fc.record({
      aMax: fc.integer({ min: 0, max: 3 }),
      bMax: nullableCount,
      cMax: nullableCount,
      bcMax: nullableCount,
      bcShareMax: fc.option(fc.double({ min: 0.01, max: 0.5, noNaN: true }), { nil: null }),
      source: fc.constant(DEFAULT_SINGLE_ITEM_RULE.source),
    }),
  )
  // Rules the catalog lint accepts: a B+C share limit requires A=0 (see lintEdition).
  .filter((r) => lintEdition(ruleEdition(r)).length === 0);

function ruleEdition(r: SingleItemRule): StandardEdition {
  const edition = miniEdition();
  edition.defaultSingleItemRule = r;
  return edition;
}

describe('judgment properties', () => {
  it('a share limit with A>0 is rejected by lint because it would not be monotone', () => {
    const problems = lintEdition(ruleEdition({ ...ALARM_LIGHTING_RULE, aMax: 1 }));
    expect(problems.map((p) => p.path)).toEqual(['defaultSingleItemRule.bcShareMax']);
    // The counterexample fast-check found: 1 B failure of 1 fails, adding a tolerated A failure would pass.
    const rule = { ...ALARM_LIGHTING_RULE, aMax: 1, bMax: null, bcShareMax: 0.5 };
    expect(judgeByRule(tallyResults([{ class: 'B', result: 'fail' }]), rule).verdict).toBe('fail');
    expect(
      judgeByRule(
        tallyResults([
          { class: 'B', result: 'fail' },
          { class: 'A', result: 'fail' },
        ]),
        rule,
      ).verdict,
    ).toBe('pass');
  });

  it('adding a failure never turns 不合格 into 合格', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.constantFrom<ItemClass>('A', 'B', 'C'),
        rule,
        (records, cls, r) => {
          const before = judgeByRule(tallyResults(records), r).verdict;
          const after = judgeByRule(tallyResults([...records, { class: cls, result: 'fail' }]), r).verdict;
          if (before === 'fail') expect(after).toBe('fail');
          expect(after).not.toBe('not_applicable');
        },
      ),
    );
  });

  it('turning a pass into a failure never turns 不合格 into 合格', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), fc.nat(), rule, (records, at, r) => {
        const i = at % records.length;
        const worse = records.map((x, j) =>
          j === i && x.result === 'pass' ? { ...x, result: 'fail' as const } : x,
        );
        if (judgeByRule(tallyResults(records), r).verdict === 'fail') {
          expect(judgeByRule(tallyResults(worse), r).verdict).toBe('fail');
        }
      }),
    );
  });

  it('不具备测试条件 and 现场无此设备 records never change a verdict that has tested items', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.array(
          fc.record({
            class: fc.constantFrom<ItemClass>('A', 'B', 'C'),
            result: fc.constantFrom<TestResult>('not_testable', 'not_present'),
          }),
          {
            maxLength: 10,
          },
        ),
        rule,
        (records, untested, r) => {
          const base = judgeByRule(tallyResults(records), r).verdict;
          expect(judgeByRule(tallyResults([...records, ...untested]), r).verdict).toBe(base);
        },
      ),
    );
  });

  it('no failures means 合格 (or 不适用 when nothing was tested)', () => {
    fc.assert(
      fc.property(
        fc.array(
          record.filter((x) => x.result !== 'fail'),
          { maxLength: 40 },
        ),
        rule,
        (records, r) => {
          const tested = records.some((x) => x.result === 'pass');
          expect(judgeByRule(tallyResults(records), r).verdict).toBe(tested ? 'pass' : 'not_applicable');
        },
      ),
    );
  });

  it('overall is 合格 exactly when some single item applies and none fails', () => {
    const verdict = fc.constantFrom<Verdict>('pass', 'fail', 'not_applicable');
    fc.assert(
      fc.property(fc.array(verdict, { maxLength: 20 }), (verdicts) => {
        const singles = verdicts.map((v, i) => ({ code: `A.${i + 1}`, name: `单项${i + 1}`, verdict: v }));
        const overall = judgeOverall(singles);
        const applicable = verdicts.filter((v) => v !== 'not_applicable');
        expect(overall.verdict === 'pass').toBe(applicable.length > 0 && !applicable.includes('fail'));
        expect(overall.failedSingleItems.length).toBe(verdicts.filter((v) => v === 'fail').length);
      }),
    );
  });
});
