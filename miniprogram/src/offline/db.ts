import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type SyncState = 'pending' | 'synced' | 'rejected';

/** A work log as the operator wrote it; `pending` until the server acknowledged it. */
export interface LocalWorkLog {
  clientId: string;
  accountKey: string;
  date: string;
  content: string;
  photoClientIds: string[];
  /** Photos of entries that came from the server (written on another device). */
  remotePhotos: { id: string; url: string }[];
  createdAtClient: string;
  syncState: SyncState;
  serverId?: string;
  error?: string;
}

export interface LocalPhoto {
  clientId: string;
  ownerClientId: string;
  blob: Blob;
  name: string;
  /** Set once POST /api/files answered, so a retry of the record does not upload the photo again. */
  serverFileId?: string;
}

/** Entities the outbox sends; each has a handler (outbox) and a wire handler (transport). */
export type OutboxKind = 'workLog' | 'testingTask';

export interface OutboxEntry {
  id: string;
  kind: OutboxKind;
  entityClientId: string;
  accountKey: string;
  seq: number;
  attempts: number;
  nextAttemptAt: number;
  state: 'pending' | 'retrying' | 'rejected';
  lastError?: string;
  /** For entities with no store of their own (a testing task's start request): what to send, as sent. */
  payload?: unknown;
}

export interface ReferenceEntry {
  key: string;
  data: unknown;
  fetchedAt: string;
}

export interface OfflineSchema extends DBSchema {
  workLogs: { key: string; value: LocalWorkLog; indexes: { byAccount: string } };
  photos: { key: string; value: LocalPhoto; indexes: { byOwner: string } };
  outbox: { key: string; value: OutboxEntry; indexes: { bySeq: number } };
  reference: { key: string; value: ReferenceEntry };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const OFFLINE_DB_NAME = 'xf-offline';

export function openOfflineDb(name = OFFLINE_DB_NAME): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('workLogs', { keyPath: 'clientId' }).createIndex('byAccount', 'accountKey');
      db.createObjectStore('photos', { keyPath: 'clientId' }).createIndex('byOwner', 'ownerClientId');
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq');
      db.createObjectStore('reference', { keyPath: 'key' });
    },
  });
}

let shared: Promise<OfflineDb> | null = null;

export function offlineDb(): Promise<OfflineDb> {
  shared ??= openOfflineDb();
  return shared;
}
