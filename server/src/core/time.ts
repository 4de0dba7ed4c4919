import { now as clockNow } from './clock';

/** Today's date in Beijing as YYYY-MM-DD (certificates are valid "on the day" in Beijing time). */
export function beijingToday(now = clockNow()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A stored instant as the API sends it (what JSON.stringify makes of a Date), for presenters typed by domain. */
export const isoTime = (d: Date): string => d.toISOString();
export const isoTimeOrNull = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
