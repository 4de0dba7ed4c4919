/**
 * The typed API both clients call. `routes.gen.ts` holds one function per server route, generated from the
 * route definitions (`npm run api-client -w server`); each client supplies a `Transport` that sends the
 * request its own way (fetch with the admin web's refresh and re-login, Taro.request in the mini-program).
 * Only types are imported here and in the generated module, so no zod code reaches the mini-program bundle.
 */
export type Id = string | number;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request as the generated functions describe it; the transport turns it into HTTP. */
export interface ApiRequest<F = unknown> {
  method: HttpMethod;
  /** Path under `/api`, parameters filled in and encoded, e.g. `/clients/3`. */
  path: string;
  /** Query fields; empty values (undefined, null, '') are left out by the transport. */
  query?: object;
  /** JSON body, or the form fields sent beside an upload. */
  body?: unknown;
  /** Multipart upload: the file goes in `field`. */
  upload?: { field: string; file: F };
  /** Downloads and photos answer with bytes, not JSON. */
  responseType?: 'blob';
  headers?: Record<string, string>;
}

/** Per-call extras, e.g. the `Idempotency-Key` header of an upload made offline. */
export interface CallOptions {
  headers?: Record<string, string>;
}

/** `F` is what the client uploads: a Blob/File in browsers, a temp-file path in the mini-program. */
export interface Transport<F = unknown> {
  request<T>(request: ApiRequest<F>): Promise<T>;
}

import { createApi } from './routes.gen';
export { createApi };
/** The generated functions bound to one transport. */
export type Api<F = Blob> = ReturnType<typeof createApi<F>>;
