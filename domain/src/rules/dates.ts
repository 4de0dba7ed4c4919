/**
 * Calendar values are plain strings in Beijing time: dates `YYYY-MM-DD`, months `YYYY-MM`.
 * All arithmetic is done on the numbers in those strings, never through the host time zone,
 * so the same input gives the same answer on any server.
 */

export type DateString = string;
export type MonthString = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function isValidDate(value: unknown): value is DateString {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isValidMonth(value: unknown): value is MonthString {
  if (typeof value !== 'string') return false;
  const m = MONTH_RE.exec(value);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

export function formatMonth(year: number, month: number): MonthString {
  return `${pad4(year)}-${pad2(month)}`;
}

export function formatDate(year: number, month: number, day: number): DateString {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Year and month (1–12) of a `YYYY-MM` or `YYYY-MM-DD` string. */
export function splitMonth(value: string): { year: number; month: number } {
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) };
}

export function monthOf(date: DateString): MonthString {
  return date.slice(0, 7);
}

/** Months counted from year 0, so two months can be subtracted. */
export function monthIndex(month: MonthString): number {
  const { year, month: m } = splitMonth(month);
  return year * 12 + (m - 1);
}

export function monthFromIndex(index: number): MonthString {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

export function addMonths(month: MonthString, n: number): MonthString {
  return monthFromIndex(monthIndex(month) + n);
}

/** Number of months from `first` to `last`, both included (0 when last is before first). */
export function monthsInclusive(first: MonthString, last: MonthString): number {
  return Math.max(0, monthIndex(last) - monthIndex(first) + 1);
}

export function firstDayOfMonth(month: MonthString): DateString {
  return `${month}-01`;
}

export function lastDayOfMonth(month: MonthString): DateString {
  const { year, month: m } = splitMonth(month);
  return formatDate(year, m, daysInMonth(year, m));
}

/** Add whole months to a date; the day is clamped to the target month (01-31 + 1 month = 02-28/29). */
export function addMonthsToDate(date: DateString, n: number): DateString {
  const target = addMonths(monthOf(date), n);
  const { year, month } = splitMonth(target);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return formatDate(year, month, day);
}

export function addDays(date: DateString, n: number): DateString {
  const ms =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
    n * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Beijing calendar date of an instant (UTC+8, no daylight saving). */
export function beijingDateOf(instant: Date): DateString {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function beijingMonthOf(instant: Date): MonthString {
  return monthOf(beijingDateOf(instant));
}

/**
 * Length of a contract in months, counting a started month as a whole one:
 * 2021-04-25 – 2022-04-24 is 12 months, 2021-04-25 – 2022-04-30 is 13.
 */
export function contractLengthInMonths(start: DateString, end: DateString): number {
  if (end < start) return 0;
  const dayAfterEnd = addDays(end, 1);
  let whole = monthIndex(monthOf(dayAfterEnd)) - monthIndex(monthOf(start));
  while (whole > 0 && addMonthsToDate(start, whole) > dayAfterEnd) whole--;
  return addMonthsToDate(start, whole) < dayAfterEnd ? whole + 1 : whole;
}
