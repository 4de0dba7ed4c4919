import { findOr404 } from '../core/find';
import { createHash, randomUUID } from 'node:crypto';
import type { StoredFileView } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type CommandContext, type RequestContext } from '../core/command';
import { createOnce } from '../core/idempotent';
import { detectFileType } from '../platform/files/file-type';
import { StoredFile } from './model';
import { shrinkPhoto } from './shrink';

export type Upload = { buffer: Buffer; originalname: string };

async function store(c: CommandContext, file: Upload, idempotencyKey: string | null) {
  const actor = actorOf(c);
  const type = detectFileType(file.buffer)!;
  // Photos are shrunk once, here (≤ 1920 px, and a small copy for reports); nothing decodes them at full size later.
  const { buffer, thumbnail } =
    type.category === 'image'
      ? await shrinkPhoto(file.buffer, type.mime)
      : { buffer: file.buffer, thumbnail: null };
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const storageKey = `uploads/${day}/${randomUUID()}.${type.ext}`;
  const thumbnailKey = thumbnail ? `${storageKey}.report.jpg` : null;
  await c.app.files.put(storageKey, buffer, type.mime);
  if (thumbnail) await c.app.files.put(thumbnailKey!, thumbnail, 'image/jpeg');
  try {
    return await StoredFile.create(
      {
        ownerAccountId: actor.id,
        institutionId: actor.institutionId,
        idempotencyKey,
        storageKey,
        mime: type.mime,
        category: type.category,
        size: buffer.length,
        sha256,
        thumbnailKey,
        originalName: file.originalname?.slice(0, 200) ?? null,
      },
      { transaction: c.transaction },
    );
  } catch (e) {
    // The row was not written: the stored bytes would be an orphan.
    await c.app.files.delete(storageKey).catch(() => undefined);
    if (thumbnailKey) await c.app.files.delete(thumbnailKey).catch(() => undefined);
    throw e;
  }
}

/**
 * Store an upload. With a key (the photo's `Idempotency-Key`), it is stored once: a retry returns the first
 * stored file instead of a copy, so an unreliable network never duplicates photos; other bytes under the
 * same key are refused (409).
 */
export async function storeFile(
  context: RequestContext,
  file: Upload,
  idempotencyKey?: string,
): Promise<{ file: StoredFile; replayed: boolean }> {
  if (idempotencyKey === undefined) {
    const row = await runCommand(context, 'file.uploaded', async (c) => ({
      result: await store(c, file, null),
      audit: null,
    }));
    return { file: row, replayed: false };
  }
  const { result, replayed } = await createOnce(context, {
    kind: 'file',
    key: idempotencyKey,
    payload: { bytes: file.buffer },
    action: 'file.uploaded',
    create: async (c) => {
      const row = await store(c, file, idempotencyKey);
      return { id: row.id, result: row, audit: null };
    },
    replay: async (id) => (await StoredFile.findByPk(Number(id)))!,
  });
  return { file: result, replayed };
}

/**
 * The former positional form, still called by face profiles and the demo seed (not part of this feature);
 * they should move to `storeFile(context, …)`.
 */
export const storeUpload = (
  app: AppContext,
  actor: Actor,
  file: Upload,
  idempotencyKey: string | undefined,
) => storeFile({ app, actor, requestId: null }, file, idempotencyKey);

export const findFile = (id: number) => findOr404(StoredFile, id, '文件');

export const presentFile = (f: StoredFile): StoredFileView => ({
  id: f.id,
  category: f.category,
  mime: f.mime,
  size: f.size,
  sha256: f.sha256,
  url: `/api/files/${f.id}`,
  createdAt: f.createdAt.toISOString(),
});
