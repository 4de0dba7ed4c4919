/** What the operator sees in the sync bar: how much waits, whether it went through, what was refused. */
export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  rejected: number;
  needsLogin: boolean;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Photos of a testing submission going up now (done of total), null otherwise. */
  uploading: { done: number; total: number } | null;
}

let status: SyncStatus = {
  online: true,
  syncing: false,
  pending: 0,
  rejected: 0,
  needsLogin: false,
  lastSyncedAt: null,
  lastError: null,
  uploading: null,
};
const listeners = new Set<(s: SyncStatus) => void>();

export function getSyncStatus(): SyncStatus {
  return status;
}

export function patchSyncStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  listeners.forEach((l) => l(status));
}

export function onSyncStatus(listener: (s: SyncStatus) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
