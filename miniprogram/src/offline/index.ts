export { offlineDb, type LocalWorkLog, type LocalPhoto } from './db';
export { syncNow, startSyncLoop, refreshCounts, isOnline, currentAccountKey } from './sync-engine';
export { getSyncStatus, onSyncStatus, type SyncStatus } from './sync-status';
export {
  saveWorkLog,
  listWorkLogs,
  photosOf,
  discardWorkLog,
  mergeServerWorkLogs,
  validateWorkLogDraft,
} from './work-logs';
export { cachedGet } from './reference-cache';
export * from './testing';
