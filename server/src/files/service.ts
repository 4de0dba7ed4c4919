import { findOr404 } from '../core/find';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { StoredFileView } from '@xf/domain';
import type { AppContext } from '../context';
import type { Actor } from '../core/actor';
import { actorOf, runCommand, type CommandContext, type RequestContext } from '../core/command';
import { createOnce } from '../core/idempotent';
import type { UploadedFile } from '../core/upload';
import { detectFileType } from '../platform/files/file-type';
import { StoredFile } from './model';
import { shrinkPhoto } from './shrink';

/** Bytes in memory (face photos, the demo seed) or an upload's checked temporary file (streamed, never read whole). */
export type Upload = { buffer: Buffer; originalname: string } | UploadedFile;

const isTempFile = (file: Upload): file is UploadedFile => 'path' in file && typeof file.path === 'string';

async function digest(file: Upload) {
  if (!isTempFile(file)) return createHash('sha256').update(file.buffer).digest('hex');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file.path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function store(c: CommandContext, file: Upload, sha256: string, idempotencyKey: string | null) {
  const actor = actorOf(c);
  const type = isTempFile(file) ? file.type : detectFileType(file.buffer)!;
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/');
  const storageKey = `uploads/${day}/${randomUUID()}.${type.ext}`;
  let size: number;
  let storedSha256 = sha256;
  let thumbnailKey: string | null = null;
  if (type.category === 'image') {
    // Photos are shrunk once, here (≤ 1920 px, and a small copy for reports); nothing decodes them at full size
    // later. The upload's own hash stays the idempotency fingerprint; the row keeps the stored bytes' hash.
    const original = isTempFile(file) ? await readFile(file.path) : file.buffer;
    const { buffer, thumbnail } = await shrinkPhoto(original, type.mime);
    storedSha256 = createHash('sha256').update(buffer).digest('hex');
    size = buffer.length;
    await c.app.files.put(storageKey, buffer, type.mime);
    if (thumbnail) {
      thumbnailKey = `${storageKey}.report.jpg`;
      await c.app.files.put(thumbnailKey, thumbnail, 'image/jpeg');
    }
  } else if (isTempFile(file)) {
    await c.app.files.putFile(storageKey, file.path, type.mime);
    size = file.size;
  } else {
    await c.app.files.put(storageKey, file.buffer, type.mime);
    size = file.buffer.length;
  }
  try {
    return await StoredFile.create(
      {
        ownerAccountId: actor.id,
        institutionId: actor.institutionId,
        idempotencyKey,
        storageKey,
        mime: type.mime,
        category: type.category,
        size,
        sha256: storedSha256,
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
  const sha256 = await digest(file);
  if (idempotencyKey === undefined) {
    const row = await runCommand(context, 'file.uploaded', async (c) => ({
      result: await store(c, file, sha256, null),
      audit: null,
    }));
    return { file: row, replayed: false };
  }
  const { result, replayed } = await createOnce(context, {
    kind: 'file',
    key: idempotencyKey,
    payload: { sha256 },
    action: 'file.uploaded',
    create: async (c) => {
      const row = await store(c, file, sha256, idempotencyKey);
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
