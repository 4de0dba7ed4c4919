/**
 * Offline records and photos live in IndexedDB; without persistent storage the browser (or Android's
 * WebView under storage pressure) may evict them before they are uploaded. Requested once at start;
 * 我的设置 shows the state.
 */
export type PersistState = 'persisted' | 'not_persisted' | 'unsupported';

export const persistStateLabels: Record<PersistState, string> = {
  persisted: '已开启（系统不会自动清理本机记录）',
  not_persisted: '未开启（存储空间不足时系统可能清理未上传的记录）',
  unsupported: '不支持',
};

function manager(): StorageManager | null {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  return navigator.storage;
}

export async function persistentStorageState(): Promise<PersistState> {
  const m = manager();
  if (!m) return 'unsupported';
  try {
    return (await m.persisted()) ? 'persisted' : 'not_persisted';
  } catch {
    return 'unsupported';
  }
}

export async function requestPersistentStorage(): Promise<PersistState> {
  const m = manager();
  if (!m) return 'unsupported';
  try {
    if (await m.persisted()) return 'persisted';
    return (await m.persist()) ? 'persisted' : 'not_persisted';
  } catch {
    return 'unsupported';
  }
}
