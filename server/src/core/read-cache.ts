import { Stream } from 'node:stream';
import type { Context } from 'koa';
import { LRUCache } from 'lru-cache';
import type { DataVersion } from '../db/data-version';
import type { Actor } from './actor';
import { beijingToday } from './time';

declare module 'koa' {
  interface DefaultState {
    /** The data version this request reads at (null: nothing cached for it); set before authentication. */
    dataVersion?: string | null;
  }
}

/**
 * Answers computed from the database, kept in this process and served again only while the shared data version
 * (db/data-version.ts) has not moved: a committed write in any process retires all of them at once. Reads that
 * repeat between writes — lists a whole office keeps open, the session check of every request — then cost no
 * statement. Each entry also expires after a short time to live, which bounds what the version cannot see (the
 * clock moving past a deadline a list shows, a write made outside the application).
 */
export interface ReadCache {
  /** The version to compute and look up at, read once per request; null: do not cache this request. */
  version(): Promise<string | null>;
  get<T>(key: string, version: string): T | undefined;
  /** `size` in bytes (roughly): the cache holds at most its configured megabytes. */
  set(key: string, version: string, value: unknown, size: number): void;
}

interface Entry {
  version: string;
  value: unknown;
  size: number;
}

export function createReadCache(
  dataVersion: DataVersion,
  opts: { maxBytes: number; ttlMs: number },
): ReadCache {
  const entries = new LRUCache<string, Entry>({
    maxSize: opts.maxBytes,
    sizeCalculation: (e) => Math.max(1, e.size),
    ttl: opts.ttlMs,
  });
  return {
    version: () => dataVersion.read(),
    get<T>(key: string, version: string) {
      const e = entries.get(key);
      return e && e.version === version ? (e.value as T) : undefined;
    },
    set(key, version, value, size) {
      if (size <= opts.maxBytes / 16) entries.set(key, { version, value, size: size + key.length });
    },
  };
}

/**
 * Whose answer to what: the account and the session (what it may see, its login channel; one session's answer is
 * never another's, even of the same account), the business day (lists that mark what is due or overdue), and the
 * URL with its query.
 */
export function answerKey(ctx: Context): string {
  const actor = ctx.state.actor as Actor;
  return `answer\0${actor.id}\0${actor.sessionId}\0${actor.channel}\0${beijingToday()}\0${ctx.url}`;
}

/** A plain JSON object or array, with status and headers left as they were before the handler ran. */
export function cacheableAnswer(ctx: Context, result: unknown, headersBefore: number): boolean {
  if (result === null || typeof result !== 'object') return false;
  if (Buffer.isBuffer(result) || result instanceof Stream || result instanceof Uint8Array) return false;
  const proto = Object.getPrototypeOf(result);
  if (!Array.isArray(result) && proto !== Object.prototype && proto !== null) return false;
  // Koa's status stays 404 until a body is set: anything else means the handler chose a status of its own.
  return ctx.status === 404 && Object.keys(ctx.response.headers).length === headersBefore;
}
