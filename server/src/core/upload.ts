import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import multer from '@koa/multer';
import type { Context } from 'koa';
import type { AppContext } from '../context';
import type { DetectedFileType, FileCategory } from '../platform/files/file-type';
import { formatMegabytes } from '../platform/files/file-type';
import { checkUploadedFile } from '../platform/files/upload-check';
import { AppError } from './errors';
import type { RouteDef } from './route';

/** An upload as handlers receive it: saved to a temporary file, checked, removed after the request. */
export interface UploadedFile {
  /** The temporary file holding the upload (gone once the request ends). */
  path: string;
  size: number;
  originalname: string;
  mimetype: string;
  /** What the content is (never the name or the declared type). */
  type: DetectedFileType;
  /** The bytes, read from the temporary file when first asked for (images, workbooks); prefer `path`. */
  readonly buffer: Buffer;
}

const MB = 1024 * 1024;
/** A multipart body carries a little more than the file: boundaries, headers, small fields. */
const MULTIPART_OVERHEAD = MB;

/** Where uploads are written while they arrive; one folder per data directory, names start with the pid. */
export const uploadTempDir = (app: AppContext) => path.join(app.config.dataDir, 'tmp', 'uploads');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: any) {
    return e?.code === 'EPERM';
  }
};

/**
 * At start: temporary uploads left by a process that died mid-request (its pid no longer runs, or the file
 * is a day old) are removed. Files of live processes sharing the data directory are left alone.
 */
export async function removeOrphanedUploads(app: AppContext): Promise<number> {
  const dir = uploadTempDir(app);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(name.split('-')[0]);
    const file = path.join(dir, name);
    const old = await stat(file).then(
      (s) => Date.now() - s.mtimeMs > 24 * 3600_000,
      () => false,
    );
    if (pid === process.pid && !old) continue;
    if (Number.isInteger(pid) && pid > 0 && alive(pid) && !old) continue;
    await unlink(file).then(
      () => removed++,
      () => undefined,
    );
  }
  if (removed > 0) app.logger.info({ removed }, '已清理中断上传留下的临时文件');
  return removed;
}

/** Uploads running in this process, in total and per account (what the caps count). */
const active = { total: 0, byAccount: new Map<number, number>() };

/**
 * Parses a route's multipart upload to a temporary file with the size limit enforced as the bytes arrive
 * (the largest limit among what the route accepts; a declared Content-Length above it is refused before
 * any byte is read), caps concurrent uploads per process and per account (429), checks the whole file's
 * content, hands it to the handler as `ctx.state.upload`, and removes the temporary file afterwards.
 */
export function uploadMiddleware(app: AppContext, spec: NonNullable<RouteDef['upload']>) {
  const { uploads } = app.config;
  const limits: Record<FileCategory, number> = {
    image: uploads.maxImageBytes,
    document: uploads.maxDocumentBytes,
    spreadsheet: uploads.maxDocumentBytes,
    video: uploads.maxVideoBytes,
  };
  const maxBytes = Math.max(...spec.accept.map((c) => limits[c]));
  const dir = uploadTempDir(app);
  mkdirSync(dir, { recursive: true });
  const parse = multer({
    storage: multer.diskStorage({
      destination: dir,
      filename: (_req, _file, cb) => cb(null, `${process.pid}-${randomUUID()}`),
    }),
    // Browsers send file names such as 部局人员机构.xlsx as UTF-8; multer's default (latin1) garbles them.
    // (multer 2 supports the option; its type definitions do not list it yet.)
    defParamCharset: 'utf8',
    limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
  } as multer.Options).single(spec.field);
  const tooLarge = () =>
    new AppError(413, 'too_large', `${spec.field}：文件大小不能超过${formatMegabytes(maxBytes)}`, spec.field);

  return async (ctx: Context, next: () => Promise<void>) => {
    const declared = Number(ctx.get('content-length'));
    if (declared > maxBytes + MULTIPART_OVERHEAD) {
      // Answered at once; what the client still sends is thrown away (up to a bound) so it reads the 413.
      discard(ctx, Math.min(declared, 4 * maxBytes));
      throw tooLarge();
    }
    const accountId: number | undefined = ctx.state.actor?.account?.id;
    const mine = accountId === undefined ? 0 : (active.byAccount.get(accountId) ?? 0);
    if (active.total >= uploads.maxConcurrent || mine >= uploads.maxConcurrentPerAccount) {
      discard(ctx, maxBytes);
      throw new AppError(429, 'too_many_uploads', '同时上传的文件过多，请等当前文件上传完成后再试');
    }
    active.total += 1;
    if (accountId !== undefined) active.byAccount.set(accountId, mine + 1);
    let saved: string | undefined;
    try {
      try {
        await parse(ctx as any, async () => undefined);
      } catch (e: any) {
        // The response goes out at once; the rest of the body is read and thrown away (never kept).
        discard(ctx, maxBytes);
        if (e?.code === 'LIMIT_FILE_SIZE') throw tooLarge();
        throw e;
      } finally {
        saved = ((ctx as any).file ?? (ctx.request as any).file)?.path;
      }
      const file = (ctx as any).file ?? (ctx.request as any).file;
      if (!file)
        throw new AppError(400, 'validation_failed', `${spec.field}：请选择要上传的文件`, spec.field);
      const type = await checkUploadedFile(file.path, file.size, { accept: spec.accept, limits });
      let bytes: Buffer | undefined;
      const upload: UploadedFile = {
        path: file.path,
        size: file.size,
        originalname: file.originalname,
        mimetype: file.mimetype,
        type,
        get buffer() {
          return (bytes ??= readFileSync(file.path));
        },
      };
      ctx.state.upload = upload;
      await next();
    } finally {
      active.total -= 1;
      if (accountId !== undefined) {
        const left = (active.byAccount.get(accountId) ?? 1) - 1;
        if (left > 0) active.byAccount.set(accountId, left);
        else active.byAccount.delete(accountId);
      }
      if (saved) await unlink(saved).catch(() => undefined);
    }
  };
}

/**
 * Throws away the rest of a refused request body without holding it, so the client reads the error instead
 * of a reset connection; beyond `allowance` more bytes (or 30 s) the connection is cut.
 */
function discard(ctx: Context, allowance: number) {
  const req = ctx.req;
  ctx.set('Connection', 'close');
  if (req.readableEnded) return;
  let seen = 0;
  const timer = setTimeout(() => req.destroy(), 30_000);
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > allowance + MULTIPART_OVERHEAD) req.destroy();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
