import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STAFF_CHURN_THRESHOLD,
  DEFAULT_STAFF_CHURN_WINDOW_DAYS,
  detectStaffChurn,
  findPersonsAtSeveralInstitutions,
  type StaffChangeEvent,
} from '../src/rules/staff-churn';
import { addDays } from '../src/rules/dates';

const ON = '2024-06-30';
const events = (institutionId: string, n: number, at: string): StaffChangeEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    institutionId,
    personKey: `${institutionId}-p${i}`,
    change: i % 2 ? 'left' : 'joined',
    at,
  }));

describe('detectStaffChurn', () => {
  it('flags an institution with more changes than the threshold and reports the counts', () => {
    const r = detectStaffChurn(events('A', 6, '2024-06-01'), { windowDays: 90, threshold: 5, onDate: ON });
    expect(r).toEqual([
      { institutionId: 'A', joined: 3, left: 3, total: 6, windowStart: '2024-04-02', windowEnd: ON },
    ]);
  });

  it('does not flag an institution exactly at the threshold', () => {
    expect(
      detectStaffChurn(events('A', 5, '2024-06-01'), { windowDays: 90, threshold: 5, onDate: ON }),
    ).toEqual([]);
  });

  it('counts only events inside the window, both ends included', () => {
    const start = addDays(ON, -89);
    const inside = [...events('A', 3, start), ...events('A', 3, ON)];
    expect(detectStaffChurn(inside, { windowDays: 90, threshold: 5, onDate: ON })[0]!.total).toBe(6);
    const outside = [
      ...events('A', 3, addDays(start, -1)),
      ...events('A', 3, addDays(ON, 1)),
      ...events('A', 5, ON),
    ];
    expect(detectStaffChurn(outside, { windowDays: 90, threshold: 5, onDate: ON })).toEqual([]);
  });

  it('keeps institutions apart and sorts by total, most first', () => {
    const r = detectStaffChurn([...events('A', 7, ON), ...events('B', 9, ON), ...events('C', 2, ON)], {
      windowDays: 30,
      threshold: 5,
      onDate: ON,
    });
    expect(r.map((x) => [x.institutionId, x.total])).toEqual([
      ['B', 9],
      ['A', 7],
    ]);
  });

  it('uses the exported defaults when options are left out', () => {
    expect(DEFAULT_STAFF_CHURN_WINDOW_DAYS).toBe(90);
    const n = DEFAULT_STAFF_CHURN_THRESHOLD + 1;
    expect(detectStaffChurn(events('A', n, addDays(ON, -89)), { onDate: ON })).toHaveLength(1);
    expect(detectStaffChurn(events('A', n, addDays(ON, -90)), { onDate: ON })).toHaveLength(0);
  });

  it('refuses bad options with a Chinese error', () => {
    expect(() => detectStaffChurn([], { onDate: '2024/06/30' })).toThrow('日期格式应为YYYY-MM-DD');
    expect(() => detectStaffChurn([], { onDate: ON, windowDays: 0 })).toThrow('统计窗口天数应为正整数');
    expect(() => detectStaffChurn([], { onDate: ON, threshold: -1 })).toThrow('人员变动阈值应为非负整数');
  });
});

describe('findPersonsAtSeveralInstitutions', () => {
  it('finds a person listed at two institutions and ignores repeats at one', () => {
    const r = findPersonsAtSeveralInstitutions([
      { personKey: 'x', institutionId: 'A' },
      { personKey: 'x', institutionId: 'B' },
      { personKey: 'y', institutionId: 'A' },
      { personKey: 'y', institutionId: 'A' },
      { personKey: 'z', institutionId: 'C' },
    ]);
    expect(r).toEqual([{ personKey: 'x', institutionIds: ['A', 'B'] }]);
  });

  it('finds nobody when everyone is at one institution', () => {
    expect(findPersonsAtSeveralInstitutions([{ personKey: 'x', institutionId: 'A' }])).toEqual([]);
  });
});
