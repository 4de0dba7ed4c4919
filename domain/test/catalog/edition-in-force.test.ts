import { describe, expect, it } from 'vitest';
import { editionInForce } from '../../src/catalog/edition-in-force';

const editions = [
  { id: 'E2011', effectiveDate: '2011-03-01' },
  { id: 'E2024', effectiveDate: '2024-07-01' },
  { id: 'E2020', effectiveDate: '2020-01-01' },
];

describe('editionInForce', () => {
  it('picks the latest edition effective on or before the date', () => {
    expect(editionInForce(editions, '2019-12-31')?.id).toBe('E2011');
    expect(editionInForce(editions, '2020-01-01')?.id).toBe('E2020');
    expect(editionInForce(editions, '2024-06-30')?.id).toBe('E2020');
    expect(editionInForce(editions, '2030-01-01')?.id).toBe('E2024');
  });
  it('has nothing before the first edition and refuses bad dates', () => {
    expect(editionInForce(editions, '2011-02-28')).toBeUndefined();
    expect(() => editionInForce(editions, '2024/01/01')).toThrow('日期格式');
  });
  it('lets a later entry with the same date win', () => {
    expect(
      editionInForce([...editions, { id: 'E2020b', effectiveDate: '2020-01-01' }], '2021-01-01')?.id,
    ).toBe('E2020b');
  });
});
