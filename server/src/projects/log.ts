import type { Transaction } from 'sequelize';
import type { Actor } from '../core/actor';
import { recordOperation } from '../operation-log/record';

/** Operation-log entry for a project-entry change, written in the change's own transaction. */
export function logChange(
  t: Transaction,
  actor: Actor,
  requestId: string,
  entry: {
    action: string;
    entityType: string;
    entityId: number;
    institutionId: number;
    before?: object | null;
    after?: object | null;
  },
) {
  return recordOperation(t, actor, entry, requestId);
}
