/**
 * The server's idea of "now" for every business date and stored business timestamp (plan month, maintenance
 * months, submission time against the month's end, fault events, report checks, today's date).
 *
 * In production it is the wall clock. Outside production `XF_NOW` (validated in config.ts) starts the clock at
 * a chosen instant and lets it run on from there, so a test can live through several months by restarting the
 * server on the same data with a later `XF_NOW`. Token lifetimes, lock and retry timeouts, and the age of a
 * device's location fix stay on the wall clock: they measure elapsed time on real devices, not business dates.
 */
let offsetMs = 0;

/** Now, as the business rules see it. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Starts the clock at `start` (time runs on from there); null returns to the wall clock. */
export function startClockAt(start: Date | null): void {
  offsetMs = start ? start.getTime() - Date.now() : 0;
}
