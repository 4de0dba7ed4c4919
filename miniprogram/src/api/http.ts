import Taro from '@tarojs/taro';
import { apiUrl } from './base-url';
import { ApiError, NetworkError, apiErrorFromBody, apiErrorFromResponse } from './errors';
import type { LoginResult } from '@xf/domain/api/auth';
import { getSession, setSession } from '../auth/session-store';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  json?: unknown;
  /** H5 only: multipart body (photos are Blobs from IndexedDB or the camera). */
  form?: FormData;
  headers?: Record<string, string>;
  /** Skip the bearer token (login, refresh). */
  anonymous?: boolean;
}

const isH5 = process.env.TARO_ENV === 'h5';

async function send(
  path: string,
  opts: RequestOptions,
  token: string | null,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (isH5) {
    if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(apiUrl(path), {
        method: opts.method ?? 'GET',
        headers,
        body: opts.form ?? (opts.json !== undefined ? JSON.stringify(opts.json) : undefined),
        cache: 'no-store',
      });
    } catch {
      throw new NetworkError();
    }
    if (res.status < 200 || res.status >= 300) throw await apiErrorFromResponse(res);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  if (opts.form) throw new Error('小程序端请使用 uploadFile 上传文件');
  let res: Taro.request.SuccessCallbackResult;
  try {
    res = await Taro.request({
      url: apiUrl(path),
      method: opts.method ?? 'GET',
      header: { 'Content-Type': 'application/json', ...headers },
      data: opts.json as Record<string, unknown> | undefined,
    });
  } catch {
    throw new NetworkError();
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw apiErrorFromBody(res.statusCode, res.data);
  return { status: res.statusCode, body: res.data };
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time: parallel requests that all hit an expired token share it. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    try {
      const { body } = await send(
        '/auth/refresh',
        { method: 'POST', json: { refreshToken: session.refreshToken } },
        null,
      );
      const result = body as LoginResult;
      setSession({
        ...session,
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        user: result.user,
      });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setSession(null);
      if (e instanceof NetworkError) throw e;
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Sends a request with the session's token, refreshing it once when the server says it expired. */
export async function requestWithStatus<T>(
  path: string,
  opts: RequestOptions = {},
): Promise<{ status: number; body: T }> {
  const token = opts.anonymous ? null : (getSession()?.accessToken ?? null);
  try {
    return (await send(path, opts, token)) as { status: number; body: T };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || !token) throw e;
    if (!(await refreshSession())) throw e;
    return (await send(path, opts, getSession()?.accessToken ?? null)) as { status: number; body: T };
  }
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  return (await requestWithStatus<T>(path, opts)).body;
}

/** Mini-program upload of a local temp file (camera/album) as multipart. */
export async function uploadTempFile<T>(
  path: string,
  filePath: string,
  fieldName: string,
  extra: { formData?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<T> {
  const attempt = async () => {
    const token = getSession()?.accessToken;
    let res: Taro.uploadFile.SuccessCallbackResult;
    try {
      res = await Taro.uploadFile({
        url: apiUrl(path),
        filePath,
        name: fieldName,
        formData: extra.formData,
        header: { ...extra.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new NetworkError();
    }
    let body: unknown = null;
    try {
      body = JSON.parse(res.data);
    } catch {
      /* not JSON */
    }
    if (res.statusCode < 200 || res.statusCode >= 300) throw apiErrorFromBody(res.statusCode, body);
    return body as T;
  };
  try {
    return await attempt();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && (await refreshSession())) return attempt();
    throw e;
  }
}
