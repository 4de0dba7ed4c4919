import type { OfflineDb } from './db';

/**
 * Where the operator was in a task (继续现场记录 / 继续记录), one per account and kind of task, in the `kv` store:
 * saved at every move, read when the record page opens.
 */
export function recordingCursor<C extends { taskClientId: string }>(kind: 'testing' | 'maintenance') {
  const key = (accountKey: string) => `${accountKey}:${kind}-cursor`;
  return {
    async save(db: OfflineDb, accountKey: string, cursor: C): Promise<void> {
      await db.put('kv', { key: key(accountKey), value: cursor });
    },
    async load(db: OfflineDb, accountKey: string): Promise<C | null> {
      const hit = await db.get('kv', key(accountKey));
      return (hit?.value as C | undefined) ?? null;
    },
  };
}

/**
 * How many of these blobs (photos, videos) the phone has and how many reached the server: one read of the photo
 * store (Blobs are not loaded until read), not one query per record, so tasks of 2,000 records list quickly.
 */
export async function countUploads(
  db: OfflineDb,
  wanted: Set<string>,
): Promise<{ photos: number; uploadedPhotos: number }> {
  const counts = { photos: 0, uploadedPhotos: 0 };
  if (!wanted.size) return counts;
  let cursor = await db.transaction('photos').store.openCursor();
  while (cursor) {
    if (wanted.has(cursor.key)) {
      counts.photos++;
      if (cursor.value.serverFileId) counts.uploadedPhotos++;
    }
    cursor = await cursor.continue();
  }
  return counts;
}
