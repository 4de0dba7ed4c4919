import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FieldTask } from './field-task';
import type { LocalMaintenanceRecord, LocalMaintenanceTask } from './maintenance-types';

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
export type OutboxKind =
  | 'workLog'
  | 'testingTask'
  | 'testingSubmitRequest'
  | 'testingSubmission'
  | 'maintenanceTask'
  | 'maintenanceSubmitRequest'
  | 'maintenanceSubmission'
  | 'faultTaskResult';

/** One test item of a task as the plan gives it (kept on the phone so recording needs no network). */
export interface LocalPlanItem {
  planItemId: string;
  name: string;
  class: 'A' | 'B' | 'C';
  method: string;
  requirement: string;
  measured?: { quantity: string; unit: string; min?: number; max?: number };
}
export interface LocalPlanSubItem {
  planSubItemId: string;
  name: string;
  items: LocalPlanItem[];
}
export interface LocalPlanSingleItem {
  planSingleItemId: string;
  buildingName: string;
  code: string;
  name: string;
  subItems: LocalPlanSubItem[];
}

/** The start request's state as the operator sees it (待同意/已同意/已拒绝), from the server's task list. */
export type { FieldTask };
export type { LocalMaintenanceRecord, LocalMaintenanceTask };
export type RequestState = 'queued' | 'pending' | 'approved' | 'rejected';

/**
 * A testing task on the phone: the plan content of its single items (for offline recording), 位置数量 per
 * sub-item, and its requests (start, submit, submission: the shared FieldTask of field-task.ts).
 */
export interface LocalTestingTask extends FieldTask {
  singleItems: LocalPlanSingleItem[];
  /** 位置数量 per planSubItemId (positions 1…n); 1 when not set. */
  positions: Record<string, number>;
}

/** One result of one test item at one position; the key is the record's `idempotencyKey`. */
export interface LocalTestingRecord {
  clientId: string;
  taskClientId: string;
  /** `${taskClientId}|${planItemId}|${position}`: one record per item and position. */
  slot: string;
  planSingleItemId: string;
  planSubItemId: string;
  planItemId: string;
  position: string;
  result: 'pass' | 'fail' | 'not_testable' | 'not_present' | null;
  measuredValue: number | null;
  photoClientIds: string[];
  note: string;
  recordedAt: string;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

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
  testingTasks: { key: string; value: LocalTestingTask; indexes: { byAccount: string } };
  testingRecords: { key: string; value: LocalTestingRecord; indexes: { byTask: string; bySlot: string } };
  /** Small per-account values, e.g. where the operator was recording (继续现场记录). */
  kv: { key: string; value: KeyValue };
  maintenanceTasks: { key: string; value: LocalMaintenanceTask; indexes: { byAccount: string } };
  maintenanceRecords: {
    key: string;
    value: LocalMaintenanceRecord;
    indexes: { byTask: string; bySlot: string };
  };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const OFFLINE_DB_NAME = 'xf-offline';

export function openOfflineDb(name = OFFLINE_DB_NAME): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, 3, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('workLogs', { keyPath: 'clientId' }).createIndex('byAccount', 'accountKey');
        db.createObjectStore('photos', { keyPath: 'clientId' }).createIndex('byOwner', 'ownerClientId');
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('bySeq', 'seq');
        db.createObjectStore('reference', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        db.createObjectStore('testingTasks', { keyPath: 'clientId' }).createIndex('byAccount', 'accountKey');
        const records = db.createObjectStore('testingRecords', { keyPath: 'clientId' });
        records.createIndex('byTask', 'taskClientId');
        records.createIndex('bySlot', 'slot', { unique: true });
        db.createObjectStore('kv', { keyPath: 'key' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('maintenanceTasks', { keyPath: 'clientId' }).createIndex(
          'byAccount',
          'accountKey',
        );
        const records = db.createObjectStore('maintenanceRecords', { keyPath: 'clientId' });
        records.createIndex('byTask', 'taskClientId');
        records.createIndex('bySlot', 'slot', { unique: true });
      }
    },
  });
}

let shared: Promise<OfflineDb> | null = null;

export function offlineDb(): Promise<OfflineDb> {
  shared ??= openOfflineDb();
  return shared;
}
