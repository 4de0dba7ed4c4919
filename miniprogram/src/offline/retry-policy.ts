import { ApiError, NetworkError } from '../api/errors';

/**
 * What to do with an outbox entry after a failed attempt:
 * - `retry`: the server never answered or answered 5xx/408/429, so the change may or may not have
 *   arrived; sending it again is safe because the server upserts by client id.
 * - `reject`: the server refused the content (4xx); retrying unchanged cannot help, so the entry is kept
 *   and shown to the operator with the server's message instead of being dropped.
 * - `login`: the session is gone (401 after a refresh attempt); wait until the operator logs in again.
 */
export type FailureOutcome = 'retry' | 'reject' | 'login';

export function classifyFailure(error: unknown): FailureOutcome {
  if (error instanceof NetworkError) return 'retry';
  if (error instanceof ApiError) {
    if (error.status === 401) return 'login';
    if (error.status === 408 || error.status === 429 || error.status >= 500) return 'retry';
    return 'reject';
  }
  return 'retry';
}

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/** Exponential backoff with jitter (2 s, 4 s, 8 s … capped at 5 min) so many phones do not retry in step. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

export function failureMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return '未知错误';
}
