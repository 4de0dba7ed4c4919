import Router from '@koa/router';
import multer from '@koa/multer';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { AppContext } from '../context';
import { FaceProfile } from '../face-profiles/models';
import { checkUpload } from '../platform/files/file-type';
import { authenticate } from './authenticate';
import { AppError, forbidden } from './errors';
import type { RouteDef } from './route';
import { parseOrThrow } from './validation';

/** Mount route definitions: authentication, kind check, validation, upload checks, then the thin handler. */
export function buildRouter(app: AppContext, routes: RouteDef<any, any, any>[]) {
  const router = new Router({ prefix: '/api' });
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: app.config.uploads.maxDocumentBytes, files: 1 } });

  for (const def of routes) {
    const middlewares: any[] = [];
    if (def.upload) middlewares.push(upload.single(def.upload.field));
    middlewares.push(async (ctx: Context) => {
      const actor = def.auth === 'public' ? (undefined as never) : await authenticate(app, ctx);
      if (actor) {
        if (actor.account.mustChangePassword && !def.allowPendingPasswordChange)
          throw forbidden('首次登录或密码被重置后，请先修改密码', 'must_change_password');
        if (def.kinds && !def.kinds.includes(actor.kind)) throw forbidden('当前账号类别无权访问此功能');
        if (def.requiresApprovedFace) await assertFaceApproved(actor.id);
      }
      const input = {
        body: def.body ? parseOrThrow(def.body as z.ZodType, (ctx.request as any).body, 'body') : undefined,
        query: def.query ? parseOrThrow(def.query as z.ZodType, ctx.query, 'query') : undefined,
        params: def.params ? parseOrThrow(def.params as z.ZodType, ctx.params, 'params') : undefined,
        actor,
        app,
        ctx,
        requestId: ctx.state.requestId,
        file: undefined as any,
      };
      if (def.upload) {
        const file = (ctx as any).file ?? (ctx.request as any).file;
        if (!file) throw new AppError(400, 'validation_failed', `${def.upload.field}：请选择要上传的文件`, def.upload.field);
        checkUpload(file.buffer, { accept: def.upload.accept, maxBytes: maxBytesFor(app, def.upload.accept) });
        input.file = file;
      }
      const result = await def.handler(input);
      if (result !== undefined) ctx.body = result;
      if (def.method === 'post' && ctx.status === 200 && result !== undefined && (ctx as any).created) ctx.status = 201;
    });
    router[def.method](def.path, ...middlewares);
  }
  return router;
}

function maxBytesFor(app: AppContext, accept: string[]) {
  // Images have their own smaller limit unless documents are accepted too.
  return accept.every((a) => a === 'image') ? app.config.uploads.maxImageBytes : app.config.uploads.maxDocumentBytes;
}

async function assertFaceApproved(accountId: number) {
  const face = await FaceProfile.findOne({ where: { accountId, status: 'approved' } });
  if (!face)
    throw forbidden('人脸底图尚未通过总队审核，暂不能进行现场操作。请在“我的—人脸信息登记”上传底图并等待审核', 'face_profile_not_approved');
}
