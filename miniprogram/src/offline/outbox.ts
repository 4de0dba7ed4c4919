import type { OfflineDb, OutboxEntry, OutboxKind } from './db';
import { classifyFailure, failureMessage, retryDelayMs } from './retry-policy';
import type { SyncTransport } from './transport';

export interface OutboxHandler {
  /** Sends the entity (dependencies such as photos first). Throws on failure; returns once acknowledged. */
  push(entry: OutboxEntry, ctx: { db: OfflineDb; transport: SyncTransport }): Promise<void>;
  /** Records the server's refusal on the entity so its screen can show it. */
  markRejected(entry: OutboxEntry, message: string, db: OfflineDb): Promise<void>;
}

export interface SyncReport {
  sent: number;
  rejected: number;
  retrying: number;
  needsLogin: boolean;
  skipped: number;
}

let seqCounter = 0;

/**
 * Queues (or re-queues, after an edit) an entity for upload under its key (sent as `idempotencyKey`). One
 * entry per entity: edits never duplicate. Entities without a store of their own carry their payload.
 */
export async function enqueue(
  db: OfflineDb,
  kind: OutboxKind,
  entityClientId: string,
  accountKey: string,
  payload?: unknown,
): Promise<void> {
  const id = `${kind}:${entityClientId}`;
  const existing = await db.get('outbox', id);
  await db.put('outbox', {
    id,
    kind,
    entityClientId,
    accountKey,
    seq: existing?.seq ?? Date.now() * 1000 + (seqCounter++ % 1000),
    attempts: 0,
    nextAttemptAt: 0,
    state: 'pending',
    ...(payload === undefined ? {} : { payload }),
  });
}

/**
 * The handler of an entity that travels as queued (its payload is in the entry): one generic send under the
 * entry's key; a refusal stays on the entry with the server's message.
 */
export const payloadOutboxHandler: OutboxHandler = {
  async push(entry, { transport }) {
    await transport.send(entry.kind, entry.entityClientId, entry.payload);
  },
  async markRejected() {
    // The entry itself keeps the state and the server's message.
  },
};

export async function outboxEntries(db: OfflineDb, accountKey: string): Promise<OutboxEntry[]> {
  const all = await db.getAllFromIndex('outbox', 'bySeq');
  return all.filter((e) => e.accountKey === accountKey);
}

/**
 * One pass over the outbox in the order changes were made. An entry leaves the outbox only after its
 * handler returned, i.e. after the server answered 2xx for everything it needed.
 */
export async function drainOutbox(options: {
  db: OfflineDb;
  transport: SyncTransport;
  handlers: Record<OutboxKind, OutboxHandler>;
  accountKey: string;
  /** Manual retry: ignore backoff and try refused entries again too. */
  force?: boolean;
  now?: () => number;
}): Promise<SyncReport> {
  const { db, transport, handlers, accountKey, force = false, now = Date.now } = options;
  const report: SyncReport = { sent: 0, rejected: 0, retrying: 0, needsLogin: false, skipped: 0 };
  for (const entry of await outboxEntries(db, accountKey)) {
    const due = force || (entry.state !== 'rejected' && entry.nextAttemptAt <= now());
    if (!due) {
      report.skipped++;
      continue;
    }
    const handler = handlers[entry.kind];
    try {
      await handler.push(entry, { db, transport });
      await db.delete('outbox', entry.id);
      report.sent++;
    } catch (error) {
      const outcome = classifyFailure(error);
      const message = failureMessage(error);
      if (outcome === 'login') {
        report.needsLogin = true;
        break;
      }
      if (outcome === 'reject') {
        await db.put('outbox', {
          ...entry,
          state: 'rejected',
          attempts: entry.attempts + 1,
          lastError: message,
        });
        await handler.markRejected(entry, message, db);
        report.rejected++;
        continue;
      }
      const attempts = entry.attempts + 1;
      await db.put('outbox', {
        ...entry,
        state: 'retrying',
        attempts,
        nextAttemptAt: now() + retryDelayMs(attempts),
        lastError: message,
      });
      report.retrying++;
      // Without a connection every following entry would fail the same way.
      break;
    }
  }
  return report;
}
