import { getSession, onSessionChange } from '../auth/session-store';
import { offlineDb } from './db';
import { outboxHandlers as handlers } from './handlers';
import { drainOutbox, outboxEntries } from './outbox';
import { getSyncStatus, patchSyncStatus } from './sync-status';
import { httpTransport } from './transport';

const PERIODIC_MS = 15_000;

export function currentAccountKey(): string | null {
  const s = getSession();
  return s ? String(s.user.id) : null;
}

/** navigator.onLine is the only reliable signal on H5 (Taro.getNetworkType never reports "none" there). */
export function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export async function refreshCounts(): Promise<void> {
  const accountKey = currentAccountKey();
  if (!accountKey) return patchSyncStatus({ pending: 0, rejected: 0 });
  const entries = await outboxEntries(await offlineDb(), accountKey);
  patchSyncStatus({
    pending: entries.filter((e) => e.state !== 'rejected').length,
    rejected: entries.filter((e) => e.state === 'rejected').length,
  });
}

let running: Promise<void> | null = null;
let rerun = false;

/** Sends what is due. Concurrent calls share one pass; a call during a pass schedules one more. */
export function syncNow(options: { force?: boolean } = {}): Promise<void> {
  if (running) {
    rerun ||= !!options.force;
    return running;
  }
  running = (async () => {
    try {
      const accountKey = currentAccountKey();
      patchSyncStatus({ online: isOnline() });
      if (!accountKey || !isOnline()) return;
      patchSyncStatus({ syncing: true });
      const report = await drainOutbox({
        db: await offlineDb(),
        transport: httpTransport,
        handlers,
        accountKey,
        force: options.force,
      });
      const db = await offlineDb();
      const left = await outboxEntries(db, accountKey);
      patchSyncStatus({
        needsLogin: report.needsLogin,
        lastSyncedAt:
          report.sent > 0 || left.length === 0 ? new Date().toISOString() : getSyncStatus().lastSyncedAt,
        lastError: left.find((e) => e.state !== 'rejected' && e.lastError)?.lastError ?? null,
      });
    } finally {
      await refreshCounts();
      patchSyncStatus({ syncing: false });
      running = null;
      if (rerun) {
        rerun = false;
        void syncNow({ force: true });
      }
    }
  })();
  return running;
}

let started = false;

/** Wires the outbox to the connection: send on start, when the connection returns, and periodically. */
export function startSyncLoop(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  patchSyncStatus({ online: isOnline() });
  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => patchSyncStatus({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  onSessionChange(() => void syncNow());
  setInterval(() => void syncNow(), PERIODIC_MS);
  void syncNow();
}
