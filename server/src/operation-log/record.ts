import type { Transaction } from 'sequelize';
import type { Actor } from '../core/actor';
import { OperationLog } from './model';

export interface OperationEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  institutionId?: number | null;
  before?: object | null;
  after?: object | null;
}

/** Who changed what, when, before/after — written in the same transaction as the change itself. */
export async function recordOperation(
  t: Transaction | null,
  actor: Pick<Actor, 'id' | 'displayName' | 'accountName'> | 'system',
  entry: OperationEntry,
  requestId?: string,
) {
  await OperationLog.create(
    {
      at: new Date(),
      actorId: actor === 'system' ? null : actor.id,
      actorName: actor === 'system' ? '系统' : `${actor.displayName}（${actor.accountName}）`,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      institutionId: entry.institutionId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: requestId ?? null,
    },
    { transaction: t ?? undefined },
  );
}
