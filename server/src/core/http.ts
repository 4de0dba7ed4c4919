import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from './logger';
import { AppError } from './errors';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
    log: Logger;
    /** When the request arrived (before any await), e.g. to tell a refresh racing a rotation from a reuse. */
    receivedAt: Date;
  }
}

/** Request id in every log line and every error; access log with timing. */
export function requestContext(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    ctx.state.receivedAt = new Date();
    const incoming = ctx.get('x-request-id');
    const requestId = /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = logger.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      if (ctx.path.startsWith('/api/'))
        ctx.state.log.info(
          {
            method: ctx.method,
            path: ctx.path,
            status: ctx.status,
            ms: Math.round(performance.now() - started),
            actor: ctx.state.actorId,
          },
          'request',
        );
    }
  };
}

/** Every failure leaves as `{ error: { code, message, field, details, requestId } }` with a Chinese message. */
export function errorHandler() {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) {
        ctx.status = 404;
        ctx.body = {
          error: {
            code: 'not_found',
            message: `接口不存在：${ctx.method} ${ctx.path}`,
            requestId: ctx.state.requestId,
          },
        };
      }
    } catch (err: any) {
      let e: AppError;
      if (err instanceof AppError) e = err;
      else if (err?.name === 'UploadError')
        e = new AppError(err.status, err.code, err.message, 'file', [
          { field: 'file', message: err.message },
        ]);
      else if (err?.name === 'WechatError')
        e = new AppError(err.status ?? 502, 'wechat_error', err.message, 'code');
      else if (err?.name === 'FaceError')
        e = new AppError(422, err.code, err.message, 'photo', [{ field: 'photo', message: err.message }]);
      else if (err?.code === 'LIMIT_FILE_SIZE')
        e = new AppError(413, 'too_large', '文件过大：文档不能超过50MB，图片不能超过10MB', err.field);
      else if (err?.type === 'entity.too.large') e = new AppError(413, 'too_large', '请求内容过大');
      else if (err?.type === 'entity.parse.failed')
        e = new AppError(400, 'bad_json', '请求内容不是合法的JSON');
      else if (typeof err?.status === 'number' && err.status < 500 && err.expose)
        e = new AppError(
          err.status,
          err.code ?? 'bad_request',
          typeof err.message === 'string' ? err.message : '请求有误',
        );
      else {
        ctx.state.log?.error({ err }, 'unhandled error');
        e = new AppError(500, 'internal_error', '服务器内部错误，请稍后重试');
      }
      if (e.status >= 500) ctx.state.log?.error({ code: e.code, err }, e.message);
      else ctx.state.log?.info({ code: e.code, field: e.field }, e.message);
      ctx.status = e.status;
      ctx.body = {
        error: {
          code: e.code,
          message: e.message,
          field: e.field,
          details: e.details,
          requestId: ctx.state.requestId,
          ...e.extra,
        },
      };
    }
  };
}
