import { isValidDate, type DateString } from '../rules/dates';
import type { StandardEdition } from './types';

/**
 * The edition in force on a date: the one with the latest effective date not after it. Projects pin
 * this edition when they are created, so later editions never change a running project's plan.
 * Returns undefined when no edition was in force yet.
 */
export function editionInForce<E extends Pick<StandardEdition, 'id' | 'effectiveDate'>>(
  editions: readonly E[],
  date: DateString,
): E | undefined {
  if (!isValidDate(date)) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`);
  let best: E | undefined;
  for (const e of editions) {
    if (e.effectiveDate > date) continue;
    // On equal dates the later entry wins, so a re-published edition replaces the earlier one.
    if (!best || e.effectiveDate >= best.effectiveDate) best = e;
  }
  return best;
}
