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
      else if (err instanceof SyntaxError && /prototype/.test(err.message))
        e = new AppError(400, 'bad_input', unsafeMessages.key);
      else if (err?.type === 'entity.parse.failed' || err instanceof SyntaxError)
        e = new AppError(400, 'bad_json', '请求内容不是合法的JSON对象');
      else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported')
        e = new AppError(415, 'bad_encoding', '请求内容的编码不受支持，请使用UTF-8');
      else if (isBrokenMultipart(err))
        e = new AppError(400, 'bad_upload', '上传内容不完整或格式有误，请重新上传', 'file', [
          { field: 'file', message: '上传内容不完整或格式有误，请重新上传' },
        ]);
      else if (typeof err?.code === 'string' && err.code.startsWith('LIMIT_'))
        e = new AppError(400, 'bad_upload', '上传内容有误：每次只能上传一个文件', err.field);
      else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500)
        // Errors of the HTTP plumbing (aborted bodies, wrong lengths): their English text stays out.
        e = new AppError(err.status, 'bad_request', clientErrorText[err.status] ?? '请求有误，请检查后重试');
      else {
        // The error is logged scrubbed (core/logger.ts): name, message and stack, never the request body.
        ctx.state.log?.error({ err, method: ctx.method, path: ctx.path }, 'unhandled error');
        e = new AppError(500, 'internal_error', '服务器内部错误，请稍后重试');
      }
      if (e.status >= 500 && e.code !== 'internal_error')
        ctx.state.log?.error({ code: e.code, err }, e.message);
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

/** busboy/multer errors of a body that ends early or is not multipart as announced. */
function isBrokenMultipart(err: any) {
  const m = typeof err?.message === 'string' ? err.message : '';
  return (
    err?.storageErrors !== undefined ||
    /Unexpected end of (form|multipart)|Malformed part header|Boundary not found|Multipart: |Unsupported content type|Missing Content-Type/i.test(
      m,
    )
  );
}

const clientErrorText: Record<number, string> = {
  400: '请求内容有误，请检查后重试',
  405: '不支持此请求方法',
  411: '请求缺少内容长度',
  413: '请求内容过大',
  415: '请求内容类型不受支持',
};

/**
 * The first problem of a parsed body: a key that could reach an object's prototype, or a NUL character. It walks
 * every value of every request (a submission's 1,000 records): index loops over `Object.keys`, not
 * `Object.entries`, which allocates a pair per value and took three times as long.
 */
function unsafeIn(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'nul' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth > 32) return 'deep';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const inner = unsafeIn(value[i], depth + 1);
      if (inner) return inner;
    }
    return null;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return 'key';
    if (k.includes('\u0000')) return 'nul';
    const inner = unsafeIn((value as Record<string, unknown>)[k], depth + 1);
    if (inner) return inner;
  }
  return null;
}

const unsafeMessages = {
  key: '请求内容含有不允许的字段名（__proto__、constructor或prototype）',
  nul: '请求内容含有不允许的空字符（\\u0000）',
  deep: '请求内容嵌套层级过深',
} as const;

/**
 * After body parsing: a JSON body must be an object (or a list where a route takes one), and no body, query
 * or path may carry prototype keys or NUL characters. Refused with 400 before any route sees them.
 */
export function refuseUnsafeInput() {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: unknown }).body;
    const problem =
      unsafeIn(body) ??
      unsafeIn(ctx.query) ??
      (ctx.path.includes('\u0000') || ctx.path.includes('%00') ? 'nul' : null);
    if (problem) throw new AppError(400, 'bad_input', unsafeMessages[problem as keyof typeof unsafeMessages]);
    await next();
  };
}
