import { useEffect, useState } from 'react';
import { getSyncStatus, onSyncStatus, type SyncStatus } from '../offline/sync-status';
import { refreshCounts } from '../offline/sync-engine';

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState(getSyncStatus);
  useEffect(() => {
    const off = onSyncStatus(setStatus);
    void refreshCounts();
    return off;
  }, []);
  return status;
}
