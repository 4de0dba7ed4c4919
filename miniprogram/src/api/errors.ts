/** An answer from the server with a non-2xx status, carrying the contract's error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never got an answer (offline, DNS, connection reset, timeout). */
export class NetworkError extends Error {
  constructor(message = '网络不可用，请检查网络连接') {
    super(message);
    this.name = 'NetworkError';
  }
}

export async function apiErrorFromResponse(res: {
  status: number;
  json(): Promise<unknown>;
}): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* body was not JSON (proxy error page etc.) */
  }
  return apiErrorFromBody(res.status, body);
}

export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  const fallback = status >= 500 ? `服务器暂时无法处理（${status}）` : `请求失败（${status}）`;
  return new ApiError(status, err?.code ?? `http_${status}`, err?.message ?? fallback, err?.field);
}
