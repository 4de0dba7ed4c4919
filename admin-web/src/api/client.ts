import { createApi, type Transport } from '@xf/domain/api-client/index';
import type { LoginResult, User } from './types';

/** An error answered by the server in the contract's `{ error: { … } }` shape (or a network failure). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: { field: string; message: string }[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const ACCESS_KEY = 'xf.admin.accessToken';
const REFRESH_KEY = 'xf.admin.refreshToken';

type SessionListener = (user: User | null) => void;
const listeners = new Set<SessionListener>();

/** Tokens live in localStorage so a reload keeps the session; the user object lives in React state. */
export const session = {
  get accessToken(): string | null {
    return localStorage.getItem(ACCESS_KEY);
  },
  get refreshToken(): string | null {
    return localStorage.getItem(REFRESH_KEY);
  },
  store(result: LoginResult) {
    localStorage.setItem(ACCESS_KEY, result.accessToken);
    localStorage.setItem(REFRESH_KEY, result.refreshToken);
    listeners.forEach((l) => l(result.user));
  },
  clear() {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    listeners.forEach((l) => l(null));
  },
  subscribe(listener: SessionListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Called when the refresh token is no longer accepted. The UI shows a login modal on top of the
 * current page (so half-filled forms survive) and resolves once the user has logged in again;
 * it rejects if the user gives up.
 */
let reloginHandler: (() => Promise<void>) | null = null;
export function setReloginHandler(handler: (() => Promise<void>) | null) {
  reloginHandler = handler;
}

let refreshing: Promise<boolean> | null = null;
let relogging: Promise<void> | null = null;

async function refreshTokens(): Promise<boolean> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return false;
  try {
    const res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!res.ok) return false;
    session.store((await res.json()) as LoginResult);
    return true;
  } catch {
    return false;
  }
}

/** Single flight: concurrent 401s share one refresh, and one re-login modal. */
function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshTokens().finally(() => {
    refreshing = null;
  });
  return refreshing;
}
function reloginOnce(): Promise<void> {
  if (!reloginHandler) return Promise.reject(new ApiError(401, 'unauthenticated', '登录已失效，请重新登录'));
  relogging ??= reloginHandler().finally(() => {
    relogging = null;
  });
  return relogging;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Multipart upload; sent as is. */
  formData?: FormData;
  headers?: Record<string, string>;
  responseType?: 'json' | 'blob';
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : `/api${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    /* not JSON (e.g. a proxy error page) */
  }
  const e = (payload as { error?: Partial<ApiError> & { message?: string } } | null)?.error;
  if (e && typeof e.message === 'string') {
    return new ApiError(res.status, e.code ?? 'error', e.message, e.field, e.details ?? [], e.requestId);
  }
  return new ApiError(res.status, 'http_error', `服务器错误（${res.status}），请稍后重试`);
}

async function send(method: string, path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = session.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.formData) body = opts.formData;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  try {
    return await fetch(buildUrl(path, opts.query), { method, headers, body });
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络后重试');
  }
}

const isAuthRoute = (path: string) => /^(\/api)?\/auth\/(login|refresh|captcha)/.test(path);

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, opts);
  if (res.status === 401 && !isAuthRoute(path) && session.refreshToken) {
    const refreshed = await refreshOnce();
    if (!refreshed) await reloginOnce();
    res = await send(method, path, opts);
  }
  if (!res.ok) throw await toApiError(res);
  if (opts.responseType === 'blob') return (await res.blob()) as T;
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Untyped calls by path, for the few requests the generated functions do not describe (and pages not yet moved). */
export const http = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, formData: FormData) => request<T>('POST', path, { formData }),
  blob: (path: string, query?: Query) => request<Blob>('GET', path, { query, responseType: 'blob' }),
};

/** The generated functions over this client: multipart for uploads (body fields beside the file). */
const transport: Transport<Blob> = {
  request: <T>(r: Parameters<Transport<Blob>['request']>[0]) => {
    let formData: FormData | undefined;
    if (r.upload) {
      formData = new FormData();
      for (const [k, v] of Object.entries((r.body ?? {}) as Record<string, unknown>))
        if (v !== undefined && v !== null)
          formData.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
      formData.append(r.upload.field, r.upload.file);
    }
    return request<T>(r.method, r.path, {
      query: r.query as Query | undefined,
      body: formData ? undefined : (r.body ?? (r.method === 'POST' ? {} : undefined)),
      formData,
      headers: r.headers,
      responseType: r.responseType,
    });
  },
};

/** The server's routes as typed functions (domain/src/api-client, generated from the route definitions). */
export const api = createApi(transport);
/** The query argument of a generated function, e.g. `ApiQuery<'getProjects'>` for the list filters. */
export type ApiQuery<K extends keyof typeof api> = NonNullable<Parameters<(typeof api)[K]>[0]>;

/** Downloads an authenticated file (templates, exports) under the given file name. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const blob = await http.blob(path);
  saveBlob(blob, fileName);
}

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
