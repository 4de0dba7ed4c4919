import { describe, expect, it } from 'vitest';
import {
  computeItemResult,
  describeLimit,
  hasMeasuredLimit,
  judgeMeasuredValue,
} from '../../src/judgment/measured';
import { photosRequired, validateTestRecord } from '../../src/judgment/record';
import {
  isApplicable,
  isFailure,
  parseTestResult,
  TEST_RESULT_LABELS,
  TEST_RESULTS,
  VERDICT_LABELS,
} from '../../src/judgment/results';

describe('results', () => {
  it('has the four manual results with Chinese labels', () => {
    expect(TEST_RESULTS.map((r) => TEST_RESULT_LABELS[r])).toEqual([
      '合格',
      '不合格',
      '不具备测试条件',
      '现场无此设备',
    ]);
    expect(VERDICT_LABELS).toEqual({ pass: '合格', fail: '不合格', not_applicable: '不适用' });
  });
  it('counts only 不合格 as a failure and only tested items as applicable', () => {
    expect(TEST_RESULTS.filter(isFailure)).toEqual(['fail']);
    expect(TEST_RESULTS.filter(isApplicable)).toEqual(['pass', 'fail']);
  });
  it('parses codes and Chinese labels', () => {
    expect(parseTestResult('现场无此设备')).toBe('not_present');
    expect(parseTestResult('fail')).toBe('fail');
    expect(parseTestResult('通过')).toBeUndefined();
  });
});

describe('measured values', () => {
  const max30 = { quantity: '启动时间', unit: 's', max: 30 };
  const range = { quantity: '静压', unit: 'MPa', min: 0.07, max: 0.35 };
  it('judges inclusive limits', () => {
    expect(judgeMeasuredValue(max30, 30)).toBe('pass');
    expect(judgeMeasuredValue(max30, 30.1)).toBe('fail');
    expect(judgeMeasuredValue(range, 0.07)).toBe('pass');
    expect(judgeMeasuredValue(range, 0.06)).toBe('fail');
    expect(judgeMeasuredValue(range, 0.36)).toBe('fail');
    expect(judgeMeasuredValue(range, Number.NaN)).toBe('fail');
  });
  it('overrides a tested result from the value but never 不具备测试条件/现场无此设备', () => {
    const item = { measured: max30 };
    expect(computeItemResult(item, 'pass', 45)).toBe('fail');
    expect(computeItemResult(item, 'fail', 12)).toBe('pass');
    expect(computeItemResult(item, 'pass', undefined)).toBe('pass');
    expect(computeItemResult(item, 'not_present', 45)).toBe('not_present');
    expect(computeItemResult({}, 'fail', 1)).toBe('fail');
  });
  it('describes limits', () => {
    expect(describeLimit(max30)).toBe('启动时间 ≤ 30 s');
    expect(describeLimit(range)).toBe('静压 0.07–0.35 MPa');
    expect(describeLimit({ quantity: '照度', unit: 'lx', min: 1 })).toBe('照度 ≥ 1 lx');
    expect(hasMeasuredLimit({ measured: { quantity: 'x', unit: 'y' } })).toBe(false);
  });
});

describe('validateTestRecord (photo rule)', () => {
  it('needs no photo for 现场无此设备', () => {
    expect(photosRequired('not_present')).toBe(0);
    expect(validateTestRecord({ result: 'not_present', photoCount: 0 })).toEqual({ ok: true });
  });
  it('needs at least one photo for every other result', () => {
    for (const result of ['pass', 'fail', 'not_testable'] as const) {
      expect(validateTestRecord({ result, photoCount: 1 })).toEqual({ ok: true });
      const r = validateTestRecord({ result, photoCount: 0 });
      expect(r).toMatchObject({ ok: false, field: 'photos' });
      expect(!r.ok && r.message).toContain(TEST_RESULT_LABELS[result]);
    }
  });
  it('refuses unknown results and bad counts', () => {
    expect(validateTestRecord({ result: 'ok' as never, photoCount: 1 })).toMatchObject({
      ok: false,
      field: 'result',
    });
    expect(validateTestRecord({ result: 'pass', photoCount: -1 })).toMatchObject({
      ok: false,
      field: 'photoCount',
    });
    expect(
      validateTestRecord({ result: 'pass', photoCount: 1, measuredValue: Number.POSITIVE_INFINITY }),
    ).toMatchObject({
      ok: false,
      field: 'measuredValue',
    });
  });
  it('needs a measured value when the item has limits and was tested', () => {
    const item = { name: '发电机启动', measured: { quantity: '启动时间', unit: 's', max: 30 } };
    expect(validateTestRecord({ result: 'pass', photoCount: 1 }, item)).toMatchObject({
      ok: false,
      field: 'measuredValue',
    });
    expect(validateTestRecord({ result: 'pass', photoCount: 1, measuredValue: 20 }, item)).toEqual({
      ok: true,
    });
    expect(validateTestRecord({ result: 'not_testable', photoCount: 1 }, item)).toEqual({ ok: true });
  });
});
