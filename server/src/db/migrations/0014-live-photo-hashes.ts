import { type QueryInterface } from 'sequelize';
import { fk, id, str, timestamps } from './columns';

/**
 * Perceptual hashes of the live photos each account's face checks accepted (manual §02/§03 技术负责人审核和备案,
 * 创新特点5): a later live photo with (nearly) the same hash as one of these, or as the stored profile photo, is
 * a replay of an old picture, not a photo taken now, and is refused.
 */
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable('live_photo_hashes', {
    id,
    accountId: fk('accounts', false),
    /** 256-bit difference hash, 64 hex digits. */
    hash: str(64, false),
    purpose: str(40, false),
    /** The request that sent it (its idempotency key): retrying that same request is not a replay. */
    requestKey: str(120),
    ...timestamps,
  });
  await qi.addIndex('live_photo_hashes', ['accountId']);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable('live_photo_hashes');
}
