import { request } from '../api/http';
import { NetworkError } from '../api/errors';
import { offlineDb } from './db';

/**
 * Reference data (profile, summaries, lists the operator looks things up in): network first, and the last
 * good answer from IndexedDB when there is no connection, so screens still open in the field.
 */
export async function cachedGet<T>(
  path: string,
  accountKey: string,
): Promise<{ data: T; fetchedAt: string; fromCache: boolean }> {
  const key = `${accountKey}:${path}`;
  try {
    const data = await request<T>(path);
    const fetchedAt = new Date().toISOString();
    await (await offlineDb()).put('reference', { key, data, fetchedAt });
    return { data, fetchedAt, fromCache: false };
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    const hit = await (await offlineDb()).get('reference', key);
    if (!hit) throw e;
    return { data: hit.data as T, fetchedAt: hit.fetchedAt, fromCache: true };
  }
}
