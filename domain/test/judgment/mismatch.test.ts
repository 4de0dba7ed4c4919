import { describe, expect, it } from 'vitest';
import { evaluateTesting } from '../../src/judgment/evaluate';
import { findJudgmentMismatches } from '../../src/judgment/mismatch';
import { miniEdition } from '../fixtures/mini-edition';

const edition = miniEdition();
const evaluation = evaluateTesting(edition.testing, [
  { itemId: 'A.8.1.1', key: 'b1:A.8.1.1', result: 'pass' },
  { itemId: 'A.8.1.5', key: 'b1:A.8.1.5', result: 'pass', measuredValue: 75 },
  { itemId: 'A.8.1.3', key: 'b1:A.8.1.3', result: 'fail' },
]);

describe('findJudgmentMismatches', () => {
  it('reports an item whose entered result differs from the measured judgment', () => {
    const m = findJudgmentMismatches(evaluation);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({
      level: 'item',
      id: 'b1:A.8.1.5',
      entered: 'pass',
      computed: 'fail',
      name: '运行至首层时间',
    });
    expect(m[0]!.message).toBe('检测项“运行至首层时间”填写为合格，按标准判定为不合格');
  });

  it('reports nothing more when people agree with the computed verdicts', () => {
    const m = findJudgmentMismatches(evaluation, [
      { level: 'sub_item', id: 'A.8.1', judgment: 'pass' },
      { level: 'single_item', id: 'A.8', judgment: 'pass' },
      { level: 'overall', id: '', judgment: 'pass' },
    ]);
    expect(m.map((x) => x.level)).toEqual(['item']);
  });

  it('reports forced verdicts at sub-item, single-item and overall levels', () => {
    const m = findJudgmentMismatches(evaluation, [
      { level: 'sub_item', id: 'A.8.1', judgment: 'fail' },
      { level: 'single_item', id: 'A.8', judgment: 'fail' },
      { level: 'single_item', id: 'A.10', judgment: 'pass' },
      { level: 'overall', id: '', judgment: 'fail' },
      { level: 'item', id: 'b1:A.8.1.1', judgment: 'fail' },
    ]);
    expect(m.map((x) => [x.level, x.id, x.computed, x.entered])).toEqual([
      ['sub_item', 'A.8.1', 'pass', 'fail'],
      ['single_item', 'A.8', 'pass', 'fail'],
      ['single_item', 'A.10', 'not_applicable', 'pass'],
      ['overall', 'overall', 'pass', 'fail'],
      ['item', 'b1:A.8.1.1', 'pass', 'fail'],
      ['item', 'b1:A.8.1.5', 'fail', 'pass'],
    ]);
    expect(m[2]!.message).toBe('单项“A.10消防给水”填写为合格，按标准判定为不适用');
  });

  it('reports judgments about things outside the evaluation', () => {
    const m = findJudgmentMismatches(evaluation, [{ level: 'single_item', id: 'A.99', judgment: 'pass' }]);
    expect(m[0]).toMatchObject({ level: 'single_item', id: 'A.99', computed: 'not_applicable' });
    expect(m[0]!.message).toContain('不在本次检测范围内');
  });
});
