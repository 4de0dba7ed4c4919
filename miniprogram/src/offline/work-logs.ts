import { putWorkLogSchema } from '@xf/domain';
import type { WorkLogView as ServerWorkLog } from '@xf/domain/api/work-logs';
import { newClientId } from './client-id';
import type { LocalPhoto, LocalWorkLog, OfflineDb } from './db';
import { enqueue, type OutboxHandler } from './outbox';

/** Same limit as putWorkLogSchema.photoFileIds. */
export const MAX_WORK_LOG_PHOTOS = 20;

export interface WorkLogDraft {
  date: string;
  content: string;
  photos: { blob: Blob; name: string }[];
}

/** The server's own rules (@xf/domain), checked before saving so an offline entry is not refused hours later. */
export function validateWorkLogDraft(draft: WorkLogDraft): string | null {
  const parsed = putWorkLogSchema.safeParse({ date: draft.date, content: draft.content, photoFileIds: [] });
  if (!parsed.success) return parsed.error.issues[0]?.message ?? '工作日志填写有误';
  if (draft.photos.length > MAX_WORK_LOG_PHOTOS) return `照片不能超过${MAX_WORK_LOG_PHOTOS}张`;
  return null;
}

/** Stores the entry and its photos locally first, then queues it; works with no network at all. */
export async function saveWorkLog(
  db: OfflineDb,
  accountKey: string,
  draft: WorkLogDraft,
): Promise<LocalWorkLog> {
  const problem = validateWorkLogDraft(draft);
  if (problem) throw new Error(problem);
  const clientId = newClientId();
  const photos: LocalPhoto[] = draft.photos.map((p) => ({
    clientId: newClientId(),
    ownerClientId: clientId,
    blob: p.blob,
    name: p.name,
  }));
  const log: LocalWorkLog = {
    clientId,
    accountKey,
    date: draft.date,
    content: draft.content.trim(),
    photoClientIds: photos.map((p) => p.clientId),
    remotePhotos: [],
    createdAtClient: new Date().toISOString(),
    syncState: 'pending',
  };
  const tx = db.transaction(['workLogs', 'photos'], 'readwrite');
  await Promise.all([
    ...photos.map((p) => tx.objectStore('photos').put(p)),
    tx.objectStore('workLogs').put(log),
    tx.done,
  ]);
  await enqueue(db, 'workLog', clientId, accountKey);
  return log;
}

export async function listWorkLogs(db: OfflineDb, accountKey: string): Promise<LocalWorkLog[]> {
  const logs = await db.getAllFromIndex('workLogs', 'byAccount', accountKey);
  return logs.sort((a, b) => (b.date + b.createdAtClient).localeCompare(a.date + a.createdAtClient));
}

export async function photosOf(db: OfflineDb, log: LocalWorkLog): Promise<LocalPhoto[]> {
  const photos = await db.getAllFromIndex('photos', 'byOwner', log.clientId);
  return log.photoClientIds
    .map((id) => photos.find((p) => p.clientId === id))
    .filter((p): p is LocalPhoto => !!p);
}

/** Operator's explicit decision to drop a refused entry; nothing is ever dropped without it. */
export async function discardWorkLog(db: OfflineDb, clientId: string): Promise<void> {
  const log = await db.get('workLogs', clientId);
  const tx = db.transaction(['workLogs', 'photos', 'outbox'], 'readwrite');
  const ops: Promise<unknown>[] = [
    tx.objectStore('workLogs').delete(clientId),
    tx.objectStore('outbox').delete(`workLog:${clientId}`),
  ];
  for (const pid of log?.photoClientIds ?? []) ops.push(tx.objectStore('photos').delete(pid));
  await Promise.all([...ops, tx.done]);
}

/** Entries the server has (e.g. written on another phone) join the local list as already synced. */
export async function mergeServerWorkLogs(
  db: OfflineDb,
  accountKey: string,
  items: ServerWorkLog[],
): Promise<void> {
  const tx = db.transaction('workLogs', 'readwrite');
  for (const item of items) {
    const local = await tx.store.get(item.idempotencyKey);
    if (local && local.syncState !== 'synced') continue;
    await tx.store.put({
      clientId: item.idempotencyKey,
      accountKey,
      date: item.date,
      content: item.content,
      photoClientIds: local?.photoClientIds ?? [],
      remotePhotos: item.photos.map((p) => ({ id: String(p.id), url: p.url })),
      createdAtClient: local?.createdAtClient ?? item.createdAt,
      syncState: 'synced',
      serverId: String(item.id),
    });
  }
  await tx.done;
}

export const workLogOutboxHandler: OutboxHandler = {
  async push(entry, { db, transport }) {
    const log = await db.get('workLogs', entry.entityClientId);
    if (!log) return;
    const photoFileIds: string[] = [];
    for (const photo of await photosOf(db, log)) {
      if (!photo.serverFileId) {
        const uploaded = await transport.send('photo', photo.clientId, {
          blob: photo.blob,
          name: photo.name,
        });
        photo.serverFileId = uploaded.id;
        await db.put('photos', photo);
      }
      photoFileIds.push(photo.serverFileId);
    }
    const saved = await transport.send('workLog', log.clientId, {
      date: log.date,
      content: log.content,
      photoFileIds,
      createdAtClient: log.createdAtClient,
    });
    const current = (await db.get('workLogs', log.clientId)) ?? log;
    await db.put('workLogs', { ...current, syncState: 'synced', serverId: saved.id, error: undefined });
  },
  async markRejected(entry, message, db) {
    const log = await db.get('workLogs', entry.entityClientId);
    if (log) await db.put('workLogs', { ...log, syncState: 'rejected', error: message });
  },
};
