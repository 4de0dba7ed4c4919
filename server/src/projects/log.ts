import type { Transaction } from 'sequelize';
import type { Actor } from '../core/actor';
import { recordOperation } from '../operation-log/record';

/**
 * @deprecated Project entry records its changes through `runCommand`; this stays only while testing-plans and
 * maintenance-plans still import it, and goes when they move onto commands.
 */
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
