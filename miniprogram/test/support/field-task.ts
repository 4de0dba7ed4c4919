import { openOfflineDb, type OfflineDb } from '../../src/offline/db';
import { drainOutbox } from '../../src/offline/outbox';
import { outboxHandlers } from '../../src/offline/handlers';
import type { ServerTaskState } from '../../src/offline/field-task';
import type { SyncTransport } from '../../src/offline/transport';

/**
 * What the 检测 and 维保 offline tests share: a fresh IndexedDB per test, a photo, a location fix, a fake server
 * that records every request, and the server's task list as the phone reads it.
 */

let dbCounter = 0;
/** A database name no other test uses (to open the same database again, as after the app was closed). */
export const freshDbName = (what: string) => `${what}-${++dbCounter}`;
export const freshDb = (): Promise<OfflineDb> => openOfflineDb(freshDbName('field-task'));

export const photo = (text: string) => ({
  blob: new Blob([text], { type: 'image/jpeg' }),
  name: `${text}.jpg`,
});

export const fix = {
  lng: '116.39',
  lat: '39.9',
  crs: 'WGS84',
  accuracy: '8',
  isMock: 'false',
  fixTime: '2026-12-02T08:00:00.000Z',
};

/**
 * Records calls (`kind:key`) and bodies; `fail` decides per call whether it fails. Photos get file ids 501, 502 …;
 * other entities the id `idOf(kind)` gives.
 */
export function recordingServer(
  fail: (call: string, n: number) => Error | null = () => null,
  idOf: (kind: string) => string = () => '41',
) {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  let fileId = 500;
  const transport: SyncTransport = {
    async send(kind, key, payload) {
      const call = `${kind}:${key}`;
      calls.push(call);
      const err = fail(call, calls.length);
      if (err) throw err;
      bodies.push(payload);
      return { id: kind === 'photo' ? String(++fileId) : idOf(kind) };
    },
  };
  return { transport, calls, bodies };
}

/** One round of the outbox for this account through `transport` (at `now`, for retries after a back-off). */
export const drain = (db: OfflineDb, accountKey: string, transport: SyncTransport, now?: () => number) =>
  drainOutbox({ db, transport, handlers: outboxHandlers, accountKey, ...(now ? { now } : {}) });

type Decision = 'approved' | 'rejected' | 'pending';

/** A task in the server's list: its start request decided, and its submit request (id and decision) if any. */
export function serverTask(
  id: number,
  startKey: string,
  start: { id: number; status: Decision; reason?: string },
  submit?: { id: number; status: Decision; reason?: string },
): ServerTaskState {
  return {
    id,
    idempotencyKey: startKey,
    startRequest: { id: start.id, status: start.status, decisionReason: start.reason ?? null },
    ...(submit
      ? { submitRequest: { id: submit.id, status: submit.status, decisionReason: submit.reason ?? null } }
      : {}),
  };
}
