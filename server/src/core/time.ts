/** Today's date in Beijing as YYYY-MM-DD (certificates are valid "on the day" in Beijing time). */
export function beijingToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
