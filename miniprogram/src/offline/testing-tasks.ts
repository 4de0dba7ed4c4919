import { newClientId } from './client-id';
import type { OfflineDb } from './db';
import { enqueue } from './outbox';
import type { PhotoPayload } from './transport';

/**
 * 建立测试任务 + 开始申请 from the field: queued with its own key and sent when the network allows; a retry
 * (or the same request sent twice) makes one task on the server. Fields are the multipart fields of
 * POST /testing-tasks (projectId, planSingleItemIds or allAssigned, lng, lat, crs, accuracy, isMock, fixTime).
 */
export async function queueTestingTask(
  db: OfflineDb,
  accountKey: string,
  fields: Record<string, string>,
  photo: PhotoPayload,
): Promise<string> {
  const idempotencyKey = newClientId();
  await enqueue(db, 'testingTask', idempotencyKey, accountKey, { fields, photo });
  return idempotencyKey;
}
