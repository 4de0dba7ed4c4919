import { describe, expect, it } from 'vitest';
import { checkBuildingArea } from '../../src/rules/building';
import { checkTestingReportDate } from '../../src/rules/testing-calendar';

describe('checkTestingReportDate', () => {
  const contract = { contractStart: '2022-04-01', contractEnd: '2022-04-10' };
  it('allows a report within the contract period, ends included', () => {
    expect(checkTestingReportDate({ ...contract, reportDate: '2022-04-01' })).toEqual({ ok: true });
    expect(checkTestingReportDate({ ...contract, reportDate: '2022-04-10' })).toEqual({ ok: true });
  });
  it('refuses a report after or before the period', () => {
    const late = checkTestingReportDate({ ...contract, reportDate: '2022-04-11' });
    expect(late).toMatchObject({ ok: false, field: 'reportDate' });
    expect(!late.ok && late.message).toContain('注销');
    expect(checkTestingReportDate({ ...contract, reportDate: '2022-03-31' })).toMatchObject({
      ok: false,
      field: 'reportDate',
    });
    expect(checkTestingReportDate({ ...contract, reportDate: '20220405' })).toMatchObject({
      ok: false,
      field: 'reportDate',
    });
  });
});

describe('checkBuildingArea', () => {
  it('allows area = above + below within 0.01', () => {
    expect(checkBuildingArea({ totalArea: 5000, aboveGroundArea: 3000, belowGroundArea: 2000 })).toEqual({
      ok: true,
    });
    expect(checkBuildingArea({ totalArea: 0.3, aboveGroundArea: 0.1, belowGroundArea: 0.2 })).toEqual({
      ok: true,
    });
    expect(checkBuildingArea({ totalArea: 2000.01, aboveGroundArea: 2000, belowGroundArea: 0 })).toEqual({
      ok: true,
    });
  });
  it('refuses a mismatch above the tolerance and negative values', () => {
    const r = checkBuildingArea({ totalArea: 5000, aboveGroundArea: 3000, belowGroundArea: 1999.98 });
    expect(r).toMatchObject({ ok: false, field: 'totalArea' });
    expect(!r.ok && r.message).toContain('4999.98');
    expect(checkBuildingArea({ totalArea: 100, aboveGroundArea: -1, belowGroundArea: 101 })).toMatchObject({
      ok: false,
      field: 'aboveGroundArea',
    });
    expect(checkBuildingArea({ totalArea: 0, aboveGroundArea: 0, belowGroundArea: 0 })).toMatchObject({
      ok: false,
      field: 'totalArea',
    });
    expect(checkBuildingArea({ totalArea: Number.NaN, aboveGroundArea: 0, belowGroundArea: 0 }).ok).toBe(
      false,
    );
  });
});
