import { createHash, randomUUID } from 'node:crypto';
import { UniqueConstraintError } from 'sequelize';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { badRequest, notFound } from '../core/errors';
import { detectFileType } from '../platform/files/file-type';
import { StoredFile } from './model';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,80}$/;

/**
 * Store an upload once. A client may send an idempotency key (the photo's client id): a retry with the same
 * key returns the first stored file instead of a copy, so an unreliable network never duplicates photos.
 */
export async function storeUpload(
  app: AppContext,
  actor: Actor,
  file: { buffer: Buffer; originalname: string },
  idempotencyKey: string | undefined,
) {
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
    throw badRequest('Idempotency-Key：应为8-80位字母、数字、下划线或连字符', 'Idempotency-Key');
  if (idempotencyKey) {
    const existing = await StoredFile.findOne({ where: { ownerAccountId: actor.id, idempotencyKey } });
    if (existing) return { file: existing, replayed: true };
  }
  const type = detectFileType(file.buffer)!;
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const storageKey = `uploads/${day}/${randomUUID()}.${type.ext}`;
  await app.files.put(storageKey, file.buffer, type.mime);
  try {
    const row = await StoredFile.create({
      ownerAccountId: actor.id,
      institutionId: actor.institutionId,
      idempotencyKey: idempotencyKey ?? null,
      storageKey,
      mime: type.mime,
      category: type.category,
      size: file.buffer.length,
      sha256,
      originalName: file.originalname?.slice(0, 200) ?? null,
    });
    return { file: row, replayed: false };
  } catch (e) {
    // Two concurrent retries: the unique index lets one win; the other returns the winner.
    if (e instanceof UniqueConstraintError && idempotencyKey) {
      await app.files.delete(storageKey).catch(() => undefined);
      const winner = await StoredFile.findOne({ where: { ownerAccountId: actor.id, idempotencyKey } });
      if (winner) return { file: winner, replayed: true };
    }
    throw e;
  }
}

export async function findFile(id: number) {
  const f = await StoredFile.findByPk(id);
  if (!f) throw notFound('文件');
  return f;
}

export const presentFile = (f: StoredFile) => ({
  id: f.id,
  category: f.category,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  url: `/api/files/${f.id}`,
  createdAt: f.createdAt,
});
