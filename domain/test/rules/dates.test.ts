import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  beijingDateOf,
  beijingMonthOf,
  contractLengthInMonths,
  isValidDate,
  isValidMonth,
  lastDayOfMonth,
  monthsInclusive,
} from '../../src/rules/dates';

describe('calendar strings', () => {
  it('validates dates and months', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2023-13-01')).toBe(false);
    expect(isValidDate('2023-1-01')).toBe(false);
    expect(isValidMonth('2022-12')).toBe(true);
    expect(isValidMonth('2022-00')).toBe(false);
    expect(isValidMonth('2022-12-01')).toBe(false);
  });

  it('does month arithmetic without the host time zone', () => {
    expect(addMonths('2021-11', 3)).toBe('2022-02');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(monthsInclusive('2021-04', '2022-03')).toBe(12);
    expect(monthsInclusive('2022-03', '2021-04')).toBe(0);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(addMonthsToDate('2021-01-31', 1)).toBe('2021-02-28');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('reads an instant as a Beijing date', () => {
    // 2022-03-31T16:30Z is 2022-04-01 00:30 in Beijing.
    expect(beijingDateOf(new Date('2022-03-31T16:30:00Z'))).toBe('2022-04-01');
    expect(beijingMonthOf(new Date('2022-03-31T15:59:59Z'))).toBe('2022-03');
  });

  it('measures contract length in started months', () => {
    expect(contractLengthInMonths('2021-04-25', '2022-04-24')).toBe(12);
    expect(contractLengthInMonths('2021-04-25', '2022-04-25')).toBe(13);
    expect(contractLengthInMonths('2021-04-01', '2021-04-30')).toBe(1);
    expect(contractLengthInMonths('2021-04-10', '2021-04-10')).toBe(1);
    expect(contractLengthInMonths('2021-01-31', '2021-02-27')).toBe(1);
    expect(contractLengthInMonths('2022-01-01', '2022-12-31')).toBe(12);
    expect(contractLengthInMonths('2022-05-01', '2022-04-01')).toBe(0);
  });
});
